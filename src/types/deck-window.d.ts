// The running deck, exposed by the runtime for the speaker view, tests and `deck check`.
import type { RevealApi } from 'reveal.js';

declare global {
  interface Window {
    deck?: RevealApi;
  }
}
