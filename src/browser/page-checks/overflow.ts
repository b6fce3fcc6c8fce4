// Content that reaches past the slide's canvas (on screen) or page (in print), by how many pixels
// on each side. The slide itself counts too: one made taller than the canvas is cut off.

import { type PageProblem, type SlideUnderCheck, shownElements } from './slide.js';

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

export function overflow(slide: SlideUnderCheck): PageProblem[] {
  const box = slide.frame;
  const over = { top: 0, right: 0, bottom: 0, left: 0 };
  let worst: Element | undefined;
  let worstAmount = 0;
  for (const element of [slide.section, ...shownElements(slide.section)]) {
    const rect = element.getBoundingClientRect();
    const past = {
      top: (box.top - rect.top) / slide.scale,
      right: (rect.right - box.right) / slide.scale,
      bottom: (rect.bottom - box.bottom) / slide.scale,
      left: (box.left - rect.left) / slide.scale,
    };
    for (const side of SIDES) {
      over[side] = Math.max(over[side], past[side]);
      // The element that reaches furthest is where the author should look.
      if (past[side] > worstAmount + 0.5) {
        worstAmount = past[side];
        worst = element;
      }
    }
  }
  const sides = SIDES.filter((side) => over[side] >= 1);
  if (sides.length === 0) return [];
  const amounts = sides.map((side) => `${Math.ceil(over[side])} px at the ${side}`).join(', ');
  return [
    {
      severity: 'error',
      rule: 'overflow',
      message: `${slide.name}: content overflows the slide by ${amounts} (${slide.layout} layout)`,
      line: slide.lineOf(worst ?? slide.section),
    },
  ];
}
