// Text that runs past its own box, not only past the slide: a word wider than its column, a line
// that cannot wrap. The box is the block the text is laid out in, inside its border. Text in a
// box with a background is the highlight rule's; text that a box cuts off is the clipped rule's.

import {
  blockOf,
  clipsContent,
  excerpt,
  hasBackground,
  type PageProblem,
  paddingBox,
  reachPast,
  type SlideUnderCheck,
  shownTextNodes,
  textBoxes,
} from './slide.js';

/** Whether the element or a box around it on the slide cuts off what reaches past it. */
function clipped(element: Element, section: HTMLElement): boolean {
  for (let current: Element | null = element; current && current !== section; current = current.parentElement) {
    if (clipsContent(current)) return true;
  }
  return false;
}

export function textOverflow(slide: SlideUnderCheck): PageProblem[] {
  const problems: PageProblem[] = [];
  const reported = new Set<Element>();
  for (const node of shownTextNodes(slide.section)) {
    const parent = node.parentElement;
    // An opening quotation mark hangs in the margin on purpose (typography.ts, default.css).
    if (!parent || parent.closest('.hanging-quote')) continue;
    const block = blockOf(parent);
    // Text past the slide itself is the overflow rule's.
    if (block === slide.section || reported.has(block) || hasBackground(block) || clipped(block, slide.section))
      continue;
    const box = paddingBox(block);
    const past = Math.max(0, ...textBoxes(node).map((line) => reachPast(line, box, slide.scale)));
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
