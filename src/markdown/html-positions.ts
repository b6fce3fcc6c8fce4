// Where each piece of inline raw HTML was written, so that what the sanitizer takes out of it is
// reported at its own line and column (a paragraph's inline token knows only its first line).
// Runs right after inline parsing, before anything rewrites the HTML (attribute comments, local
// assets).

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { SourcePosition } from '../model.js';
import { envOf } from './env.js';

/** The source position a piece of inline raw HTML was found at, when it was. */
export function htmlPosition(token: Token): SourcePosition | undefined {
  return (token.meta as { position?: SourcePosition } | null)?.position;
}

function inlineHtmlPositions(state: StateCore): void {
  const { lines } = envOf(state);
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.map || !token.children || !token.content.includes('<')) continue;
    const end = token.map[1];
    // One cursor through the paragraph's lines: the pieces come in the order they were written.
    let line = token.map[0];
    let column = 0;
    for (const child of token.children) {
      if (child.type !== 'html_inline') continue;
      const needle = child.content.split('\n', 1)[0]!;
      for (; line < end; line++, column = 0) {
        const found = lines[line]?.indexOf(needle, column) ?? -1;
        if (found >= 0) {
          child.meta = { ...child.meta, position: { line: line + 1, column: found + 1 } };
          column = found + needle.length;
          break;
        }
      }
    }
  }
}

export function htmlPositions(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_html_positions', inlineHtmlPositions);
}
