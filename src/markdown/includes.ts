// Include lines: `<!-- include: parts/opening.md -->`, an HTML comment on a line of its own at the
// top level of a slide, stands for the slides of the file it names (compile/includes.ts puts them
// in its place). The comment grammar decides what is a comment, so an include line inside fenced
// code, or inside another comment, is text like any other. The include comment itself shows
// nothing; one written where it cannot stand for slides (in a paragraph, a list or a quote, or
// over several lines) is a warning, and is read as a plain comment.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { envOf, locate, report } from './env.js';

/** An include comment: `include:` after the opening, in any case, and what follows up to `-->`. */
const INCLUDE = /^<!--\s*include\s*:([\s\S]*?)-->$/i;

/** What an include line names, and where. */
export interface IncludeLine {
  /** The path as written, without quotes: relative to the file it is written in. */
  target: string;
  /** 1-based line and column of the path (of the comment, when the path is empty). */
  line: number;
  column: number;
}

/** The path an include comment names ('' for none), or undefined for any other comment. */
export function includeTarget(comment: string): string | undefined {
  const match = INCLUDE.exec(comment.trim());
  if (!match) return undefined;
  const written = (match[1] ?? '').trim();
  const quoted = /^(["'])(.*)\1$/.exec(written);
  return (quoted ? (quoted[2] ?? '') : written).trim();
}

/** The include a token stands for, when it is an include line. */
export function includeOf(token: Token): IncludeLine | undefined {
  return (token.meta as { include?: IncludeLine } | null)?.include;
}

function includeLines(state: StateCore): void {
  const env = envOf(state);
  for (const token of state.tokens) {
    if (token.type === 'deck_comment' && token.map) {
      const target = includeTarget(token.content);
      if (target === undefined) continue;
      const line = token.map[0];
      if (token.level > 0 || token.map[1] - token.map[0] > 1) {
        const where = token.level > 0 ? 'inside a list or a quote' : 'over several lines';
        report(
          env,
          'warning',
          `an include must be on a line of its own, not ${where}; this one is ignored`,
          line,
          '<!--',
        );
        continue;
      }
      if (target === '') {
        report(env, 'error', 'this include names no file: write <!-- include: path/to/part.md -->', line);
        continue;
      }
      const position = locate(env, line, target);
      token.meta = { ...(token.meta ?? {}), include: { target, ...position } };
    } else if (token.type === 'inline' && token.children && token.map) {
      for (const child of token.children) {
        if (child.type === 'deck_comment' && includeTarget(child.content) !== undefined) {
          report(
            env,
            'warning',
            'an include must be on a line of its own, not inside a paragraph; this one is ignored',
            token.map[0],
            child.content.split('\n')[0],
          );
        }
      }
    }
  }
}

export function includes(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_includes', includeLines);
}
