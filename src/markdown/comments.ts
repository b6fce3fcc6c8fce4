// HTML comments `<!-- … -->`, as blocks of their own and inline. They become `deck_comment`
// tokens that render to nothing, whether raw HTML is allowed or not, so authors' remarks never
// show on a slide. Other plugins give some comments a meaning (`.element:`, `.slide:`).
// A comment that is never closed is an error: the rest of the slide would vanish or show as text.

import type { MarkdownIt, StateBlock, StateCore, StateInline } from 'markdown-it';
import { envOf, report } from './env.js';

const OPEN = '<!--';
const CLOSE = '-->';

/** Where each `-->` of a text is, and whether only blanks follow it on its line; by parser state. */
interface Closings {
  src: string;
  offsets: number[];
  endsLine: Map<number, boolean>;
}

const closingsOf = new WeakMap<object, Closings>();

/**
 * The `-->` a comment opened at `from` ends with: every `-->` of the text is found once, so that
 * a rule asked at every line (or after every `<!--`) does not search the rest of the text each time,
 * which is quadratic when comments are left open.
 */
function closingOf(state: { src: string }, from: number): { at: number; closings: Closings } {
  let closings = closingsOf.get(state);
  if (closings?.src !== state.src) {
    const offsets: number[] = [];
    for (let at = state.src.indexOf(CLOSE); at >= 0; at = state.src.indexOf(CLOSE, at + CLOSE.length)) {
      offsets.push(at);
    }
    closings = { src: state.src, offsets, endsLine: new Map() };
    closingsOf.set(state, closings);
  }
  const { offsets } = closings;
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return { at: offsets[low] ?? -1, closings };
}

/** The first line in [startLine, endLine) that ends at or after `offset`; endLine if none. */
function lineAt(state: StateBlock, startLine: number, endLine: number, offset: number): number {
  let low = startLine;
  let high = endLine;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (state.eMarks[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function commentBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith(OPEN, start)) return false;
  const { at: close, closings } = closingOf(state, start + OPEN.length);
  if (close < 0) {
    if (!silent) report(envOf(state), 'error', 'HTML comment is not closed: add "-->" at its end', startLine);
    return false;
  }
  const line = lineAt(state, startLine, endLine, close);
  if (line >= endLine) return false;
  // Text after the comment on its last line makes it inline content instead. Answered once for
  // each `-->`: the lines of a paragraph may each ask about the same one.
  let endsLine = closings.endsLine.get(close);
  if (endsLine === undefined) {
    endsLine = state.src.slice(close + CLOSE.length, state.eMarks[line]).trim() === '';
    closings.endsLine.set(close, endsLine);
  }
  if (!endsLine) return false;
  if (silent) return true;
  const token = state.push('deck_comment', '', 0);
  token.block = true;
  token.map = [startLine, line + 1];
  token.content = state.src.slice(start, close + CLOSE.length);
  state.line = line + 1;
  return true;
}

function commentInline(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith(OPEN, state.pos)) return false;
  const close = closingOf(state, state.pos + OPEN.length).at;
  if (close < 0 || close + CLOSE.length > state.posMax) return false;
  if (!silent) {
    const token = state.push('deck_comment', '', 0);
    token.content = state.src.slice(state.pos, close + CLOSE.length);
  }
  state.pos = close + CLOSE.length;
  return true;
}

/** A `<!--` left as text: its paragraph ended before any `-->`. */
function unclosedInlineComments(state: StateCore): void {
  const env = envOf(state);
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.children || !token.map) continue;
    if (token.children.some((child) => child.type === 'text' && child.content.includes(OPEN))) {
      report(env, 'error', 'HTML comment is not closed before its paragraph ends: add "-->"', token.map[0], OPEN);
    }
  }
}

export function comments(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'deck_comment', commentBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.inline.ruler.before('html_inline', 'deck_comment', commentInline);
  md.core.ruler.after('inline', 'deck_unclosed_comments', unclosedInlineComments);
  md.renderer.rules.deck_comment = () => '';
}
