// Headings whose `#`s are followed by a space other than a plain one: `###` and a no-break space
// (U+00A0, which some keyboards type with Option+Space). reveal.js's Markdown plugin (marked) takes
// any white space there, so the line is a heading in decks written for it; markdown-it (CommonMark)
// wants a space or a tab and would show the `###` as text.

import type { MarkdownIt, StateBlock } from 'markdown-it';

/** `#`s, then white space that is not a space or a tab. */
const OTHER_SPACE_HEADING = /^(#{1,6})(?=[^\S \t\n])(.*)$/;

function otherSpaceHeading(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // Indented four columns or more past its container, the line is code.
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(start) !== 0x23 /* # */) return false;
  const match = OTHER_SPACE_HEADING.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match) return false;
  if (silent) return true;
  const level = match[1]!.length;
  // As CommonMark reads a heading's text: without the white space around it, and without a closing
  // run of `#`s that has white space before it.
  const text = match[2]!
    .trim()
    .replace(/(?:^|\s+)#+$/, '')
    .trim();

  const open = state.push('heading_open', `h${level}`, 1);
  open.markup = match[1]!;
  open.map = [startLine, startLine + 1];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, startLine + 1];
  inline.children = [];
  const close = state.push('heading_close', `h${level}`, -1);
  close.markup = match[1]!;
  state.line = startLine + 1;
  return true;
}

export function headings(md: MarkdownIt): void {
  // Like a heading, it may end a paragraph, a quote or a reference definition above it.
  md.block.ruler.before('heading', 'deck_other_space_heading', otherSpaceHeading, {
    alt: ['paragraph', 'reference', 'blockquote'],
  });
}
