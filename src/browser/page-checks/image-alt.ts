// Images without a text alternative: a screen reader has nothing to say for them.

import type { PageProblem, SlideUnderCheck } from './slide.js';

export function imageAlt(slide: SlideUnderCheck): PageProblem[] {
  return [...slide.section.querySelectorAll('img')]
    .filter((image) => !image.getAttribute('alt')?.trim())
    .map((image) => {
      const source = image.getAttribute('src') ?? '';
      return {
        severity: 'error',
        rule: 'image-alt',
        message: `${slide.name}: image ${source} has no alt text; describe it in the brackets: ![what it shows](${source})`,
        line: slide.lineOf(image),
      };
    });
}
