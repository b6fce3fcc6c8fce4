// A highlight that does not hold what it highlights: a word or a mark reaching past the
// background painted behind it (a shared item's highlight, a card). Each word and mark is held
// to the nearest such background around it, and each highlight is reported once, for its worst.

import {
  clipsContent,
  closestWithin,
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

export function highlight(slide: SlideUnderCheck): PageProblem[] {
  const worst = new Map<Element, { past: number; what: string; culprit: Element }>();
  /** `culprit`'s boxes against the highlight behind them, `owner` (the nearest background on the slide). */
  const consider = (culprit: Element, owner: Element | undefined, boxes: DOMRect[], what: string) => {
    // A box that cuts off what it holds is the clipped rule's.
    if (!owner || clipsContent(owner)) return;
    const box = paddingBox(owner, slide.scale);
    const past = Math.max(0, ...boxes.map((rect) => reachPast(rect, box, slide.scale)));
    if (past >= 1 && past > (worst.get(owner)?.past ?? 0)) worst.set(owner, { past, what, culprit });
  };
  for (const node of shownTextNodes(slide.section)) {
    const parent = node.parentElement;
    if (!parent) continue;
    const owner = closestWithin(parent, slide.section, hasBackground);
    consider(parent, owner, textBoxes(node, slide.scale), `text "${excerpt(node.textContent)}"`);
  }
  // Marks and pictures inside a highlight: the shared mark, an icon.
  for (const element of shownElements(slide.section)) {
    if (!(element instanceof SVGSVGElement || element instanceof HTMLImageElement) || !element.parentElement) continue;
    const owner = closestWithin(element.parentElement, slide.section, hasBackground);
    if (!owner) continue;
    consider(
      element.parentElement,
      owner,
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
