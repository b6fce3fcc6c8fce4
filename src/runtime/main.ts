// What runs in the browser: starts reveal.js with the deck's config and the speaker notes
// plugin, and in the dev server swaps in new slides on each edit without leaving the current one.

import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import '../../theme/structure.css';
import type { RevealConfig } from 'reveal.js';

export interface DeckUpdate {
  title: string;
  sectionsHtml: string;
}

function readConfig(): RevealConfig {
  const element = document.getElementById('deck-config');
  return element?.textContent ? (JSON.parse(element.textContent) as RevealConfig) : {};
}

const config = readConfig();
document.documentElement.style.setProperty('--deck-slide-height', `${Number(config.height ?? 720)}px`);
const root = document.querySelector<HTMLElement>('.reveal');
if (root) {
  const deck = new Reveal(root, { ...config, plugins: [Notes] });
  window.deck = deck;
  // Print view (?print-pdf): tells PDF export and `deck check` that every page is laid out.
  deck.on('pdf-ready', () => {
    document.documentElement.dataset.printReady = 'true';
  });
  void deck.initialize();

  if (import.meta.hot) {
    import.meta.hot.on('deck:update', (update: DeckUpdate) => {
      const { h, v, f } = deck.getIndices();
      const slides = root.querySelector('.slides');
      if (!slides) return;
      // A fixed deck replaces the error overlay an earlier save raised.
      for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
      slides.innerHTML = update.sectionsHtml;
      document.title = update.title;
      deck.sync();
      deck.slide(h, v, f);
    });
  }
}
