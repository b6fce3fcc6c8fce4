// Text smaller than the theme's minimum (its --deck-min-font-size), measured at the canvas's size
// as the slide shows it: after the runtime has fitted the slide's type (its --deck-fit), since the
// checks run on the laid-out page.

import { type PageProblem, type SlideUnderCheck, shownElements } from './slide.js';

/** When the theme names no minimum. */
const FALLBACK_MIN_SIZE = 16;

const hasOwnText = (element: Element) =>
  [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());

/** The font size as the audience sees it, in canvas pixels: SVG text is scaled with its drawing. */
function shownSize(element: Element, slideScale: number): number {
  const size = Number.parseFloat(getComputedStyle(element).fontSize);
  const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
  if (!svg?.viewBox.baseVal.width) return size;
  return (size * svg.getBoundingClientRect().width) / slideScale / svg.viewBox.baseVal.width;
}

export function smallText(slide: SlideUnderCheck): PageProblem[] {
  const minimum =
    Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--deck-min-font-size')) ||
    FALLBACK_MIN_SIZE;
  let smallest: { size: number; element?: Element } = { size: Number.POSITIVE_INFINITY };
  for (const element of shownElements(slide.section)) {
    if (!hasOwnText(element)) continue;
    const size = shownSize(element, slide.scale);
    if (size < smallest.size) smallest = { size, element };
  }
  if (!smallest.element || smallest.size >= minimum - 0.05) return [];
  const text = smallest.element.textContent?.trim().slice(0, 30);
  return [
    {
      severity: 'warning',
      rule: 'min-font-size',
      message: `${slide.name}: text "${text}" is ${Math.round(smallest.size * 10) / 10} px, below the theme's minimum of ${minimum} px`,
      line: slide.lineOf(smallest.element),
    },
  ];
}
