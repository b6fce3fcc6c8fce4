// HTML comments `<!-- … -->`, as blocks of their own and inline. They become `deck_comment`
// tokens that render to nothing, whether raw HTML is allowed or not, so authors' remarks never
// show on a slide. Other plugins give some comments a meaning (`.element:`, `.slide:`).
// A comment that is never closed is an error: the rest of the slide would vanish or show as text.

import type { MarkdownIt, StateBlock, StateCore, StateInline } from 'markdown-it';
import { envOf, report } from './env.js';

const OPEN = '<!--';
const CLOSE = '-->';

function commentBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith(OPEN, start)) return false;
  const close = state.src.indexOf(CLOSE, start + OPEN.length);
  if (close < 0) {
    if (!silent) report(envOf(state), 'error', 'HTML comment is not closed: add "-->" at its end', startLine);
    return false;
  }
  let line = startLine;
  while (line < endLine && state.eMarks[line]! < close) line++;
  if (line >= endLine) return false;
  // Text after the comment on its last line makes it inline content instead.
  if (state.src.slice(close + CLOSE.length, state.eMarks[line]).trim() !== '') return false;
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
  const close = state.src.indexOf(CLOSE, state.pos + OPEN.length);
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
