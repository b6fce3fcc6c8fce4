// A highlight that does not hold what it highlights: a word or a mark reaching past the
// background painted behind it (a shared item's highlight, a card). Each word and mark is held
// to the nearest such background around it, and each highlight is reported once, for its worst.

import {
  clipsContent,
  excerpt,
  hasBackground,
  type PageProblem,
  paddingBox,
  reachPast,
  type SlideUnderCheck,
  shownElements,
  shownTextNodes,
  textBoxes,
} from './slide.js';

/** The nearest element inside the slide that paints a background behind `element`. */
function highlightOf(element: Element, section: HTMLElement): Element | undefined {
  for (let current: Element | null = element; current && current !== section; current = current.parentElement) {
    if (hasBackground(current)) return current;
  }
  return undefined;
}

export function highlight(slide: SlideUnderCheck): PageProblem[] {
  const worst = new Map<Element, { past: number; what: string; culprit: Element }>();
  const consider = (culprit: Element, boxes: DOMRect[], what: string) => {
    const owner = highlightOf(culprit, slide.section);
    // A box that cuts off what it holds is the clipped rule's.
    if (!owner || clipsContent(owner)) return;
    const box = paddingBox(owner);
    const past = Math.max(0, ...boxes.map((rect) => reachPast(rect, box, slide.scale)));
    if (past >= 1 && past > (worst.get(owner)?.past ?? 0)) worst.set(owner, { past, what, culprit });
  };
  for (const node of shownTextNodes(slide.section)) {
    if (node.parentElement) consider(node.parentElement, textBoxes(node), `text "${excerpt(node.textContent)}"`);
  }
  // Marks and pictures inside a highlight: the shared mark, an icon.
  for (const element of shownElements(slide.section)) {
    if (!(element instanceof SVGSVGElement || element instanceof HTMLImageElement) || !element.parentElement) continue;
    const owner = highlightOf(element.parentElement, slide.section);
    if (!owner) continue;
    consider(
      element.parentElement,
      [element.getBoundingClientRect()],
      `the mark after "${excerpt(owner.textContent)}"`,
    );
  }
  return [...worst.entries()].map(([owner, { past, what, culprit }]) => ({
    severity: 'error' as const,
    rule: 'highlight',
    message: `${slide.name}: ${what} reaches ${Math.ceil(past)} px past its highlight "${excerpt(owner.textContent)}"; shorten it or give it room`,
    line: slide.lineOf(culprit),
  }));
}
