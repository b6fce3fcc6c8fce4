// What Node and the deck's page agree on: every name, flag, URL and size that crosses between the
// commands and the browser runtime (src/runtime/, bundled by Vite). Both sides import this module,
// so neither can change one without the other. Plain values and pure functions only.

/** The `<script type="application/json">` element that carries the deck's reveal.js options. */
export const DECK_CONFIG_ID = 'deck-config';

/** The dev server's message with a new version of the deck, over Vite's HMR socket. */
export const DECK_UPDATE_EVENT = 'deck:update';

export interface DeckUpdate {
  title: string;
  sectionsHtml: string;
  revealConfig: Record<string, unknown>;
  /** Something only a new page can apply changed (stylesheets, lang, the page's head): reload it. */
  reload: boolean;
}

/**
 * Set on `<html>` (`document.documentElement.dataset[PRINT_READY_FLAG] = 'true'`) once reveal.js
 * has laid out every page of its print view; PDF export and `deck check` wait for it.
 */
export const PRINT_READY_FLAG = 'printReady';

/**
 * The print view of a deck's page: reveal.js lays each slide out as a page of the canvas's size,
 * without margins; with `fragments`, one page per fragment step.
 */
export function printViewUrl(page: string | URL, { fragments = false }: { fragments?: boolean } = {}): string {
  const url = new URL(page);
  url.search = `?print-pdf&margin=0&pdfSeparateFragments=${fragments}`;
  return url.href;
}

/** Whether a page's URL asks for reveal.js's print view. */
export const isPrintView = (search: string): boolean => /(?:^\?|&)print-pdf(?:&|=|$)/.test(search);

/**
 * Set by the runtime on every slide's `<section>` in the print view, before reveal.js lays it out:
 * the slide's place in the deck as "h.v". The print view flattens vertical stacks and copies a
 * slide for each fragment step; this keeps which page shows which slide, for the PDF's outline.
 */
export const SLIDE_POSITION_ATTRIBUTE = 'data-deck-slide';

/**
 * The inline custom property the runtime sets on a slide's `<section>`: the scale of its body text
 * that makes its content fit (runtime/fit.ts); the theme sizes text from it.
 */
export const FIT_PROPERTY = '--deck-fit';

export interface CanvasSize {
  width: number;
  height: number;
}

/** The canvas the theme is made for, when a deck's options name none (or a relative one). */
export const DEFAULT_CANVAS: CanvasSize = { width: 1280, height: 720 };

/** A size reveal.js reads as pixels: a positive number, or a string such as "1920" or "1920px". */
function pixels(value: unknown): number | undefined {
  const number =
    typeof value === 'string' && /^\s*\d+(?:\.\d+)?(?:px)?\s*$/.test(value) ? Number.parseFloat(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * The slide canvas in CSS pixels, from a deck's reveal.js options: what slides are laid out at on
 * screen, the viewport `deck check` and `deck pdf` use, and the size of each PDF page.
 */
export function canvasSize(revealConfig: Record<string, unknown>): CanvasSize {
  const width = pixels(revealConfig.width);
  const height = pixels(revealConfig.height);
  return width && height ? { width, height } : DEFAULT_CANVAS;
}
