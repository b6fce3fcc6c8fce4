// Text that runs past its own box, not only past the slide: a word wider than its column, a line
// that cannot wrap. The box is the block the text is laid out in, inside its border. Text in a
// box with a background is the highlight rule's; text that a box cuts off (it or a box around it
// on the slide) is the clipped rule's.

import {
  blockOf,
  clipsContent,
  closestWithin,
  excerpt,
  hasBackground,
  type PageProblem,
  paddingBox,
  reachPast,
  type SlideUnderCheck,
  shownTextNodes,
  textBoxes,
} from './slide.js';

export function textOverflow(slide: SlideUnderCheck): PageProblem[] {
  const problems: PageProblem[] = [];
  const reported = new Set<Element>();
  for (const node of shownTextNodes(slide.section)) {
    const parent = node.parentElement;
    // An opening quotation mark hangs in the margin on purpose (typography.ts, default.css).
    if (!parent || parent.closest('.hanging-quote')) continue;
    const block = blockOf(parent);
    // Text past the slide itself is the overflow rule's.
    if (
      block === slide.section ||
      reported.has(block) ||
      hasBackground(block) ||
      closestWithin(block, slide.section, clipsContent)
    )
      continue;
    const box = paddingBox(block, slide.scale);
    const past = Math.max(0, ...textBoxes(node, slide.scale).map((line) => reachPast(line, box, slide.scale)));
    if (past < 1) continue;
    reported.add(block);
    problems.push({
      severity: 'error',
      rule: 'text-overflow',
      message: `${slide.name}: text "${excerpt(node.textContent)}" runs ${Math.ceil(past)} px past its box; shorten it or let it wrap`,
      line: slide.lineOf(parent),
    });
  }
  return problems;
}
