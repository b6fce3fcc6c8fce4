// A code fence that is never closed runs to the end of the deck (or of the block around it) and
// swallows every slide after it: an error at its opening line.

import type { MarkdownIt, StateCore } from 'markdown-it';
import { quoted } from '../wording.js';
import { envOf, report } from './env.js';

/**
 * True when `line` closes a fence opened with `markup` (same character, at least as long), after
 * the indentation and quote markers of the list or quote the fence is in.
 */
function closes(line: string, markup: string): boolean {
  const closing = /^[\s>]*(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
  return closing !== undefined && closing[0] === markup[0] && closing.length >= markup.length;
}

export function unclosedFences(md: MarkdownIt): void {
  md.core.ruler.after('block', 'deck_unclosed_fences', (state: StateCore) => {
    const env = envOf(state);
    for (const token of state.tokens) {
      if (token.type !== 'fence' || !token.map) continue;
      const [start, end] = token.map;
      if (end - 1 > start && closes(env.lines[end - 1] ?? '', token.markup)) continue;
      report(env, 'error', `code block is not closed: add a line "${quoted(token.markup, 10)}" after it`, start);
    }
  });
}
