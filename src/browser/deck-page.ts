// A built deck opened in a page, the same way for every command and test: the page loads, reveal.js
// gets ready (on screen, or its print view lays every slide out) and the fonts are in, each step
// within a time limit whose error says what did not finish.

import { PRINT_READY_FLAG, printViewUrl, SLIDE_POSITION_ATTRIBUTE } from '../contract.js';
import { DeckError } from '../errors.js';
import type { Page } from './page.js';

export interface DeckLimits {
  /** Until the page's load event. */
  load: number;
  /** Until reveal.js is ready (or its print view laid out) and the fonts are in. */
  ready: number;
  /** Printing to PDF. */
  print: number;
}

export const DECK_LIMITS: DeckLimits = { load: 30_000, ready: 30_000, print: 120_000 };

/** Opens the deck's page at `url` and waits until reveal.js is ready and the fonts are in. */
export async function openDeck(page: Page, url: string, limits: DeckLimits = DECK_LIMITS): Promise<void> {
  await page.goto(url, { timeout: limits.load });
  await ready(page, limits, 'reveal.js to be ready', () => window.deck?.isReady() === true);
}

/**
 * Opens reveal.js's print view of the deck's page at `url` (with `fragments`, a page per fragment
 * step) and waits until every page is laid out and the fonts are in; resolves with the page count.
 */
export async function openPrintView(
  page: Page,
  url: string,
  { fragments = false }: { fragments?: boolean } = {},
  limits: DeckLimits = DECK_LIMITS,
): Promise<number> {
  await page.goto(printViewUrl(url, { fragments }), { timeout: limits.load });
  await ready(
    page,
    limits,
    "reveal.js's print layout",
    (flag) => document.documentElement.dataset[flag] === 'true',
    PRINT_READY_FLAG,
  );
  return page.evaluate(() => document.querySelectorAll('.reveal .slides .pdf-page').length);
}

/**
 * Every PDF is printed as one document, tagged (a structure tree that screen readers and learning
 * platforms' accessibility checkers read) and with an outline made from its headings: merging
 * pages printed apart would lose both.
 */
export const TAGGED_PDF = { generateTaggedPDF: true, generateDocumentOutline: true } as const;

/**
 * Gets a laid-out print view ready for a tagged PDF with an outline, the way a slide program tags
 * slides: each slide's title (its first heading) is a heading, level 1, or 2 below the top of a
 * vertical stack, and becomes its bookmark; the slide's other headings read as paragraphs, and a
 * fragment step's repeat of a slide adds no bookmark. reveal.js hides every slide but the current
 * one from assistive technology, which would leave them out of the PDF's structure: printed, all
 * are shown. Chromium makes the outline from these headings.
 */
export function markDocumentStructure(page: Page): Promise<void> {
  return page.evaluate(markSlideTitles, SLIDE_POSITION_ATTRIBUTE);
}

/** Runs in the page (see markDocumentStructure); uses nothing from outside its body. */
function markSlideTitles(positionAttribute: string): void {
  const titled = new Set<string>();
  for (const section of document.querySelectorAll<HTMLElement>(
    `.reveal .slides .pdf-page section[${positionAttribute}]`,
  )) {
    section.removeAttribute('aria-hidden');
    section.removeAttribute('hidden');
    const position = section.getAttribute(positionAttribute) ?? '';
    const headings = [...section.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(
      (heading) => !heading.closest('aside.notes'),
    );
    const title = titled.has(position) ? undefined : headings.find((heading) => heading.textContent?.trim());
    for (const heading of headings) {
      if (heading === title) {
        heading.setAttribute('aria-level', position.endsWith('.0') ? '1' : '2');
        titled.add(position);
      } else {
        heading.removeAttribute('aria-level');
        heading.setAttribute('role', 'paragraph');
      }
    }
  }
}

/** Waits for `fn` and then the fonts; a deck that threw on the way says so in the error. */
async function ready<A>(page: Page, limits: DeckLimits, what: string, fn: (arg: A) => boolean, arg?: A): Promise<void> {
  const started = Date.now();
  try {
    await page.waitFor(what, fn, arg, { timeout: limits.ready });
    const left = Math.max(1, limits.ready - (Date.now() - started));
    await page.waitFor('the fonts to load', () => document.fonts.ready.then(() => true), undefined, { timeout: left });
  } catch (error) {
    const thrown = page.exceptions[0];
    if (!(error instanceof DeckError && error.code === 'PAGE') || !thrown) throw error;
    throw new DeckError(error.code, `${error.message} (the deck's page threw: ${thrown})`);
  }
}
