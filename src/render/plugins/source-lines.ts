// For `deck check` only: marks each block element with the source line it came from
// (`data-line`), so a problem found in the browser points at the author's line. Only the
// markdown-it instance for checks has it: builds stay free of it and never pay for it.

import type { MarkdownIt, StateCore } from 'markdown-it';
import { envOf } from '../env.js';

export function sourceLines(md: MarkdownIt): void {
  md.core.ruler.push('deck_source_lines', (state: StateCore) => {
    const env = envOf(state);
    for (const token of state.tokens) {
      if (token.map && token.nesting >= 0 && token.tag && !token.hidden) {
        token.attrSet('data-line', String(env.startLine + token.map[0]));
      }
    }
  });
}
