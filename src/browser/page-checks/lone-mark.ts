// A shared item's mark that wrapped onto a line of its own, away from the words it marks.

import { excerpt, type PageProblem, type SlideUnderCheck, shownTextNodes, textBoxes } from './slide.js';

export function loneMark(slide: SlideUnderCheck): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const mark of slide.section.querySelectorAll('.compare-shared-mark')) {
    const item = mark.closest('li');
    if (!item) continue; // the legend's mark stands before its words on purpose
    const box = mark.getBoundingClientRect();
    if (box.height === 0) continue;
    const middle = (box.top + box.bottom) / 2;
    const lines = shownTextNodes(item as HTMLElement).flatMap((node) => textBoxes(node, slide.scale));
    if (lines.some((line) => line.top <= middle && middle <= line.bottom)) continue;
    problems.push({
      severity: 'error',
      rule: 'lone-mark',
      message: `${slide.name}: the shared mark of "${excerpt(item.textContent)}" stands alone on a line of its own`,
      line: slide.lineOf(item),
    });
  }
  return problems;
}
