// Type that fits itself. Before reveal.js lays the deck out, each slide is measured at the canvas
// size and given the largest text scale (`--deck-fit`) at which its content fits: a slide with room
// grows its body text up to the theme's maximum, a full one shrinks to the theme's minimum before
// anything counts as overflow. The theme sizes body text from the scale (default.css) and says how
// far it may go (`--deck-fit-min`, `--deck-fit-max`; both 1 turn fitting off, as for reveal.js's
// themes). Measured at the canvas, not the window, so a slide gets the same size on screen, in the
// speaker view's previews, in print and in every export.

import { type CanvasSize, FIT_PROPERTY } from '../contract.js';

/** Scales closer than this are the same to the eye: the search stops there. */
const PRECISION = 0.02;

/**
 * While a slide is measured, no word may break inside itself (the theme lets long words break, as
 * a last resort in narrow columns): a word that does not fit its box makes the text smaller first.
 */
const MEASURING = 'data-deck-fitting';
const WHOLE_WORDS = `section[${MEASURING}] * { overflow-wrap: normal !important; word-break: normal !important; hyphens: manual !important; }`;

/** Blocks of text whose words must fit their own box. */
const TEXT_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, figcaption, dt, dd';

/** Every slide that shows content: a section with no sections inside it. */
function leafSlides(slides: Element): HTMLElement[] {
  return [...slides.querySelectorAll<HTMLElement>(':scope > section, :scope > section > section')].filter(
    (section) => !section.querySelector(':scope > section'),
  );
}

/** Whether the slide's content fits its box at `scale`, across and down, with every word whole. */
function fitsAt(section: HTMLElement, scale: number): boolean {
  section.style.setProperty(FIT_PROPERTY, String(scale));
  if (section.scrollHeight > section.clientHeight + 1 || section.scrollWidth > section.clientWidth + 1) return false;
  for (const block of section.querySelectorAll<HTMLElement>(TEXT_BLOCKS)) {
    if (block.closest('aside.notes, pre')) continue;
    if (block.scrollWidth > block.clientWidth + 1) return false;
  }
  return true;
}

/** The largest scale in [low, high] that fits, where `low` fits. */
function largestFitting(section: HTMLElement, low: number, high: number): number {
  if (fitsAt(section, high)) return high;
  let fits = low;
  let fails = high;
  while (fails - fits > PRECISION) {
    const middle = (fits + fails) / 2;
    if (fitsAt(section, middle)) fits = middle;
    else fails = middle;
  }
  return Math.floor(fits * 100) / 100;
}

/** Sets the slide's scale; measured while shown, whatever reveal.js shows at the moment. */
function fitSlide(section: HTMLElement): void {
  section.style.removeProperty(FIT_PROPERTY);
  const style = getComputedStyle(section);
  const min = Number.parseFloat(style.getPropertyValue('--deck-fit-min')) || 1;
  const max = Number.parseFloat(style.getPropertyValue('--deck-fit-max')) || 1;
  if (min >= 1 && max <= 1) return;
  const shown = [section, section.parentElement].filter(
    (element): element is HTMLElement => element?.tagName === 'SECTION',
  );
  const displays = shown.map((element) => element.style.getPropertyValue('display'));
  const priorities = shown.map((element) => element.style.getPropertyPriority('display'));
  for (const element of shown) element.style.setProperty('display', 'block', 'important');
  section.setAttribute(MEASURING, '');
  let scale: number;
  if (fitsAt(section, 1)) scale = max > 1 ? largestFitting(section, 1, max) : 1;
  else scale = fitsAt(section, min) ? largestFitting(section, min, 1) : min;
  section.removeAttribute(MEASURING);
  shown.forEach((element, i) => {
    if (displays[i]) element.style.setProperty('display', displays[i]!, priorities[i]);
    else element.style.removeProperty('display');
  });
  if (scale === 1) section.style.removeProperty(FIT_PROPERTY);
  else section.style.setProperty(FIT_PROPERTY, String(scale));
}

/** Fits every slide in `slides` at the canvas size. */
export function fitSlides(slides: HTMLElement, canvas: CanvasSize): void {
  const rule = document.createElement('style');
  rule.textContent = WHOLE_WORDS;
  document.head.append(rule);
  const width = slides.style.width;
  const height = slides.style.height;
  slides.style.width = `${canvas.width}px`;
  slides.style.height = `${canvas.height}px`;
  for (const section of leafSlides(slides)) fitSlide(section);
  slides.style.width = width;
  slides.style.height = height;
  rule.remove();
}

/**
 * Fits the slides once the fonts they use are in: a first pass lays them out, which starts
 * loading their fonts; the second measures with the real ones.
 */
export async function fitSlidesWithFonts(slides: HTMLElement, canvas: CanvasSize): Promise<void> {
  fitSlides(slides, canvas);
  await document.fonts.ready;
  fitSlides(slides, canvas);
}
