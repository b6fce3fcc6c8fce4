// What the page exposes: the running deck (for the speaker view, tests and `deck check`), and the
// in-page checks once `deck check` has loaded them (src/browser/page-checks/).
import type { RevealApi } from 'reveal.js';

declare global {
  interface Window {
    deck?: RevealApi;
    deckPageChecks?: typeof import('../browser/page-checks/index.js');
  }
}
