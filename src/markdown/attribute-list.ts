// Parses the attribute list of `<!-- .slide: … -->` and `<!-- .element: … -->` comments,
// e.g. `id="intro" class='a b' data-timing=90 data-autoslide`, with spaces or commas between
// attributes (reveal.js reads both). Only names that cannot run code or load a file are allowed.

import type { Attributes } from '../model.js';
import { quoted } from '../wording.js';

export interface AttributeProblem {
  message: string;
  /** 0-based offset into the parsed text. */
  offset: number;
}

export interface ParsedAttributes {
  attributes: Attributes;
  /** 0-based offset of each attribute's name. */
  offsets: Record<string, number>;
  problems: AttributeProblem[];
}

const ATTRIBUTE = /[\s,]*([^\s,="'<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s,"'=<>`]+)))?/y;
/** `name="value` with no closing quote before the end of the text. */
const UNCLOSED_QUOTE = /^([\s,]*)([^\s,="'<>`/]+)\s*=\s*(["'])(?![\s\S]*\3)/;
const NOTHING_LEFT = /[\s,]*$/y;
const SEPARATORS = /[\s,]*/y;

/** Where the next attribute starts: after the spaces and commas at `position`. */
function skipSeparators(text: string, position: number): number {
  SEPARATORS.lastIndex = position;
  SEPARATORS.test(text);
  return SEPARATORS.lastIndex;
}
/**
 * Names that can neither run code nor load a file: id, class, style and data-* (what reveal.js's
 * fragments and backgrounds use), and the presentational ones decks set on images and links.
 */
const ALLOWED_NAME =
  /^(?:id|class|style|data-[a-z0-9][a-z0-9_.:-]*|aria-[a-z]+|role|title|alt|lang|dir|width|height|align|target)$/;
/** Ids the toolkit gives its own elements start with this; an author's id may not. */
export const TOOLKIT_ID_PREFIX = 'deck-';

/** Values that would run code: script URLs, HTML documents as data URLs, old IE CSS expressions. */
export const SCRIPT_URL = /(?:java|vb)script\s*:|data\s*:\s*text\/html|expression\s*\(/i;

export function parseAttributeList(text: string): ParsedAttributes {
  const attributes: Attributes = {};
  const offsets: Record<string, number> = {};
  const problems: AttributeProblem[] = [];
  let position = 0;
  while (position < text.length) {
    NOTHING_LEFT.lastIndex = position;
    if (NOTHING_LEFT.test(text)) break;
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(text);
    // An unclosed quote leaves the name matched without its value; a value that matched is fine.
    const hasValue = match !== null && (match[2] ?? match[3] ?? match[4]) !== undefined;
    const unclosed = hasValue ? null : UNCLOSED_QUOTE.exec(text.slice(position));
    if (unclosed) {
      const at = position + (unclosed[1]?.length ?? 0);
      problems.push({
        message: `the value of "${quoted(unclosed[2]?.toLowerCase() ?? '')}" has no closing quote`,
        offset: at,
      });
      break;
    }
    if (!match) {
      const offset = skipSeparators(text, position);
      problems.push({ message: `cannot read attribute at "${quoted(text.slice(offset), 20)}"`, offset });
      break;
    }
    const offset = skipSeparators(text, match.index);
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    position = ATTRIBUTE.lastIndex;
    if (!ALLOWED_NAME.test(name)) {
      problems.push({
        message: `attribute "${quoted(name)}" is not allowed; use id, class, style or data-*`,
        offset,
      });
      continue;
    }
    // URL parsers drop whitespace and control characters, so `java\tscript:` still runs.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    if (SCRIPT_URL.test(value.replace(/[\s\u0000-\u001f]+/g, ''))) {
      problems.push({ message: `attribute "${quoted(name)}" contains a script URL`, offset });
      continue;
    }
    if (name === 'id' && value.startsWith(TOOLKIT_ID_PREFIX)) {
      problems.push({
        message: `ids starting with "${TOOLKIT_ID_PREFIX}" are the toolkit's own; choose another`,
        offset,
      });
      continue;
    }
    mergeAttributes(attributes, { [name]: value });
    offsets[name] ??= offset;
  }
  return { attributes, offsets, problems };
}

/** Merges attribute sets: later values win, classes accumulate. */
export function mergeAttributes(target: Attributes, extra: Attributes): void {
  for (const [name, value] of Object.entries(extra)) {
    target[name] = name === 'class' && target.class ? `${target.class} ${value}` : value;
  }
}
