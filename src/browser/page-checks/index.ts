// The checks `deck check` runs inside the deck's page, one rule per file, bundled into one script
// (page-checks-bundle.ts) that is loaded into the page and called as `window.deckPageChecks`.

import { accessibility } from './axe.js';
import { brokenImages } from './broken-images.js';
import { clippedContent } from './clipped.js';
import { highlight } from './highlight.js';
import { imageAlt } from './image-alt.js';
import { loneMark } from './lone-mark.js';
import { overflow } from './overflow.js';
import { remoteResources } from './remote-resources.js';
import { type PageProblem, type Rule, slideUnderCheck } from './slide.js';
import { slideLinks } from './slide-links.js';
import { smallText } from './small-text.js';
import { textOverflow } from './text-overflow.js';

export type { PageProblem } from './slide.js';
/** Each rule on its own, for tests that check one rule against a small page. */
export const rules = {
  overflow,
  textOverflow,
  highlight,
  loneMark,
  clippedContent,
  smallText,
  brokenImages,
  imageAlt,
  remoteResources,
  slideLinks,
};
export { accessibility, slideUnderCheck };

/** On screen a slide meets every rule; the print view is checked for what printing changes: the fit. */
const SCREEN_RULES: Rule[] = Object.values(rules);
const PRINT_RULES: Rule[] = [overflow];

/** The innermost sections (a vertical stack's own section holds its slides) among `selector`'s. */
const slideSections = (selector: string) =>
  [...document.querySelectorAll<HTMLElement>(selector)].filter((section) => !section.querySelector('section'));

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));

/** Shows slide `number` (at h, v, every fragment shown) in the screen view, and checks it once it is painted. */
export async function checkSlide({ h, v, number }: { h: number; v: number; number: number }): Promise<PageProblem[]> {
  if (!window.deck) throw new Error('reveal.js is not running in the page');
  window.deck.slide(h, v, Number.MAX_SAFE_INTEGER);
  await nextFrame();
  await nextFrame();
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  return slideSections('.reveal .slides section.present').flatMap((section) => {
    const slide = slideUnderCheck(section, number, 'screen');
    return SCREEN_RULES.flatMap((rule) => rule(slide));
  });
}

/** Checks every page of reveal.js's print view, numbered from 1. */
export function checkPrintView(): PageProblem[] {
  return slideSections('.pdf-page > section').flatMap((section, index) => {
    const slide = slideUnderCheck(section, index + 1, 'print');
    return PRINT_RULES.flatMap((rule) => rule(slide));
  });
}
