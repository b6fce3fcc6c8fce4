// Finding the include lines of one file, with the deck's grammar. Pure: compile/includes.ts reads
// the files and puts their lines in place of the include lines; everything else about the text
// (its diagnostics, its slides) is read once, from the whole deck, by parseDeck.

import { isMap, parseDocument } from 'yaml';
import { findBoundaries, type SeparatorPatterns } from '../markdown/boundaries.js';
import { createEnv } from '../markdown/env.js';
import { type IncludeLine, includeOf } from '../markdown/includes.js';
import { markdown } from '../markdown/index.js';
import { FRONT_MATTER_CLOSER, FRONT_MATTER_OPENER } from './front-matter.js';

/** What decides where include lines are: the including deck's separators and its raw HTML setting. */
export interface IncludeGrammar {
  patterns: SeparatorPatterns;
  html: boolean;
}

/** A cheap test first: a file without this text has no include line, and is not read twice. */
export const mayInclude = (text: string): boolean => /<!--\s*include\s*:/i.test(text);

/**
 * The include lines among `lines` (0-based line index → what it names), from `bodyStart` on.
 * Only include comments the grammar reads as such: not in code, not in another comment.
 */
export function findIncludeLines(
  lines: string[],
  bodyStart: number,
  file: string,
  grammar: IncludeGrammar,
): Map<number, IncludeLine> {
  const found = new Map<number, IncludeLine>();
  if (!lines.some(mayInclude)) return found;
  const body = lines.map((line, i) => (i < bodyStart ? '' : line));
  const text = body.join('\n');
  const { boundaries } = findBoundaries(body, text, grammar.patterns, bodyStart);
  const env = createEnv(body, file, boundaries);
  for (const token of markdown({ html: grammar.html }).parse(text, env)) {
    const include = includeOf(token);
    if (include && token.map) found.set(token.map[0], include);
  }
  return found;
}

/**
 * Where the front matter of an included file ends (the index of its first line after it), or 0
 * when it has none. A file may begin with a slide separator: front matter is a closed block whose
 * text is a YAML map with at least one key, and anything else is slides.
 */
export function includedFrontMatterEnd(lines: readonly string[]): number {
  if (!FRONT_MATTER_OPENER.test(lines[0] ?? '')) return 0;
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_CLOSER.test(line));
  if (close < 0) return 0;
  const document = parseDocument(lines.slice(1, close).join('\n'), { prettyErrors: false });
  const contents = document.contents;
  return document.errors.length === 0 && isMap(contents) && contents.items.length > 0 ? close + 1 : 0;
}
