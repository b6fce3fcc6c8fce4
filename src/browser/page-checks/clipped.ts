// Content that a box cuts off (`overflow: hidden`, `clip`, or a scroll box nobody in the room can
// scroll): what reaches past it is simply not shown.

import { clipsContent, excerpt, type PageProblem, type SlideUnderCheck, shownElements } from './slide.js';

export function clippedContent(slide: SlideUnderCheck): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const element of shownElements(slide.section)) {
    // Only HTML boxes scroll; an SVG drawing is cut to its viewport by design.
    if (!(element instanceof HTMLElement) || !clipsContent(element)) continue;
    const right = element.scrollWidth - element.clientWidth;
    const bottom = element.scrollHeight - element.clientHeight;
    const sides = [
      ...(right >= 1 ? [`${right} px at the right`] : []),
      ...(bottom >= 1 ? [`${bottom} px at the bottom`] : []),
    ];
    if (sides.length === 0) continue;
    problems.push({
      severity: 'error',
      rule: 'clipped',
      message: `${slide.name}: content of "${excerpt(element.textContent)}" is cut off by its box (overflow: ${getComputedStyle(element).overflow}), ${sides.join(', ')} hidden`,
      line: slide.lineOf(element),
    });
  }
  return problems;
}
