// Live reload in the dev server: a new version of the deck swaps its slides in place, on the same
// slide. What reveal.js cannot change on a running deck (most of its options, the stylesheets, the
// language) loads the page again, on the same slide.

import type { RevealApi, RevealConfig } from 'reveal.js';
import { canvasSize, type DeckUpdate } from '../contract.js';
import { fitSlides } from './fit.js';

/** reveal.js options that `configure()` applies to a running deck. */
const LIVE_OPTIONS = new Set([
  'transition',
  'transitionSpeed',
  'backgroundTransition',
  'controls',
  'controlsLayout',
  'controlsBackArrows',
  'progress',
  'slideNumber',
  'showSlideNumber',
  'center',
  'margin',
  'minScale',
  'maxScale',
  'loop',
  'navigationMode',
  'autoSlide',
  'defaultTiming',
]);

/** The options that changed, when reveal.js can apply them all in place; else undefined. */
function liveChanges(
  running: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(running), ...Object.keys(next)])) {
    if (JSON.stringify(running[key]) === JSON.stringify(next[key])) continue;
    if (!LIVE_OPTIONS.has(key) || !(key in next)) return undefined;
    changed[key] = next[key];
  }
  return changed;
}

/** Loads the page again on the current slide: reveal.js reads the slide from the hash as it starts. */
function reloadOnSlide(deck: RevealApi): void {
  const { h, v = 0, f } = deck.getIndices();
  const base = deck.getConfig().hashOneBasedIndex ? 1 : 0;
  history.replaceState(null, '', `#/${h + base}/${v + base}${f !== undefined && f >= 0 ? `/${f}` : ''}`);
  location.reload();
}

/** The handler for the dev server's updates to a deck started with `config`. */
export function liveReload(
  deck: RevealApi,
  slides: Element,
  config: Record<string, unknown>,
): (update: DeckUpdate) => void {
  let running = config;
  return (update) => {
    // A fixed deck replaces the error overlay an earlier save raised.
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    const options = update.reload ? undefined : liveChanges(running, update.revealConfig);
    if (!options) {
      reloadOnSlide(deck);
      return;
    }
    running = update.revealConfig;
    const { h, v, f } = deck.getIndices();
    slides.innerHTML = update.sectionsHtml;
    fitSlides(slides as HTMLElement, canvasSize(update.revealConfig));
    document.title = update.title;
    if (Object.keys(options).length > 0) deck.configure(options as RevealConfig);
    deck.sync();
    deck.slide(h, v, f);
  };
}
