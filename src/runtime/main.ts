// What runs in the browser: starts reveal.js with the deck's config and the speaker notes
// plugin, and in the dev server applies each edit without leaving the current slide.

import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import '../../theme/structure.css';
import type { RevealConfig } from 'reveal.js';
import {
  canvasSize,
  DECK_CONFIG_ID,
  DECK_UPDATE_EVENT,
  isPrintView,
  PRINT_READY_FLAG,
  SLIDE_POSITION_ATTRIBUTE,
} from '../contract.js';
import { fitSlidesWithFonts } from './fit.js';
import { liveReload } from './live-reload.js';

/** Marks each slide with its place in the deck, before the print view flattens stacks (contract.ts). */
function markSlidePositions(slides: Element): void {
  [...slides.children].forEach((section, h) => {
    const stack = [...section.children].filter((child) => child.tagName === 'SECTION');
    if (stack.length === 0) section.setAttribute(SLIDE_POSITION_ATTRIBUTE, `${h}.0`);
    stack.forEach((child, v) => {
      child.setAttribute(SLIDE_POSITION_ATTRIBUTE, `${h}.${v}`);
    });
  });
}

/**
 * reveal.js reads `data-background-video` as a comma-separated list of sources, which cuts a data:
 * URL (a single-file deck's) apart: each becomes a blob: URL of the same bytes first.
 */
function playableBackgroundVideos(slides: Element): void {
  for (const section of slides.querySelectorAll<HTMLElement>('section[data-background-video^="data:"]')) {
    const url = section.dataset.backgroundVideo ?? '';
    const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
    if (!match) continue;
    const [, type = '', base64, body = ''] = match;
    const text = base64 ? atob(body) : decodeURIComponent(body);
    const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0));
    section.dataset.backgroundVideo = URL.createObjectURL(new Blob([bytes], { type }));
  }
}

function readConfig(): Record<string, unknown> {
  const element = document.getElementById(DECK_CONFIG_ID);
  return element?.textContent ? (JSON.parse(element.textContent) as Record<string, unknown>) : {};
}

const config = readConfig();
const canvas = canvasSize(config);
document.documentElement.style.setProperty('--deck-slide-height', `${canvas.height}px`);
const root = document.querySelector<HTMLElement>('.reveal');
const slides = root?.querySelector('.slides');
if (root && slides) {
  if (isPrintView(window.location.search)) markSlidePositions(slides);
  playableBackgroundVideos(slides);
  const deck = new Reveal(root, { ...(config as RevealConfig), plugins: [Notes] });
  window.deck = deck;
  // Print view (?print-pdf): tells PDF export and `deck check` that every page is laid out.
  deck.on('pdf-ready', () => {
    document.documentElement.dataset[PRINT_READY_FLAG] = 'true';
  });
  // Sizes are set before reveal.js lays anything out (its print view measures each slide once).
  void fitSlidesWithFonts(slides as HTMLElement, canvas)
    .catch(() => undefined)
    .then(() => deck.initialize());

  if (import.meta.hot) import.meta.hot.on(DECK_UPDATE_EVENT, liveReload(deck, slides, config));
}
