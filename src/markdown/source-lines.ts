// For `deck check` only: marks each block element of a slide with the source line it came from
// (`data-line`), so a problem found in the browser points at the author's line. Speaker notes (and
// text for the participants' handout) are left alone (checks look at what the room sees). Only the markdown-it instance for checks has
// it: builds stay free of it and never pay for it.

import type { MarkdownIt, StateCore } from 'markdown-it';
import { nextStop } from './boundaries.js';
import { envOf } from './env.js';

export function sourceLines(md: MarkdownIt): void {
  md.core.ruler.push('deck_source_lines', (state: StateCore) => {
    const { blankSeparatorStarts } = envOf(state).boundaries;
    /** Notes and handout text run from their marker to the next separator (read as one, or made of blank lines). */
    let notesEnd = -1;
    for (const token of state.tokens) {
      if ((token.type === 'slide_notes' || token.type === 'slide_handout') && token.map) {
        notesEnd = nextStop(blankSeparatorStarts, token.map[0], Number.POSITIVE_INFINITY);
      } else if (token.type === 'slide_separator') {
        notesEnd = -1;
      }
      const line = token.map?.[0];
      if (line === undefined || line < notesEnd || token.nesting < 0 || !token.tag || token.hidden) continue;
      token.attrSet('data-line', String(line + 1));
    }
  });
}
