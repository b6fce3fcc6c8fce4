// HTML comments `<!-- … -->`, as blocks of their own and inline. They become `deck_comment`
// tokens that render to nothing, whether raw HTML is allowed or not, so authors' remarks never
// show on a slide. Other plugins give some comments a meaning (`.element:`).

import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

const OPEN = '<!--';
const CLOSE = '-->';

function commentBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith(OPEN, start)) return false;
  const close = state.src.indexOf(CLOSE, start + OPEN.length);
  if (close < 0) return false;
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

export function comments(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'deck_comment', commentBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.inline.ruler.before('html_inline', 'deck_comment', commentInline);
  md.renderer.rules.deck_comment = () => '';
}
