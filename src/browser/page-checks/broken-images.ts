// Images on the slide that do not load (a file from the web is the remote rule's business).

import { isRemote, type PageProblem, type SlideUnderCheck } from './slide.js';

export function brokenImages(slide: SlideUnderCheck): PageProblem[] {
  return [...slide.section.querySelectorAll('img')]
    .filter((image) => image.complete && image.naturalWidth === 0 && !isRemote(image.getAttribute('src') ?? ''))
    .map((image) => ({
      severity: 'error',
      rule: 'image',
      message: `${slide.name}: image ${image.getAttribute('src') ?? ''} does not load`,
      line: slide.lineOf(image),
    }));
}
