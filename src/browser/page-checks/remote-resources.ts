// Images, media, frames and backgrounds from the web: they need the network during the talk.

import { isRemote, type PageProblem, type SlideUnderCheck } from './slide.js';

const URL_ATTRIBUTES = [
  'src',
  'poster',
  'data-src',
  'data-background-image',
  'data-background-video',
  'data-background-iframe',
];

/** Every URL an element asks for, in its attributes and its inline style. */
function urlsOf(element: Element): string[] {
  const inAttributes = URL_ATTRIBUTES.map((name) => element.getAttribute(name) ?? '');
  const style = element.getAttribute('style') ?? '';
  const inStyle = [...style.matchAll(/url\(\s*['"]?([^'")]+)/gi)].map((match) => match[1] ?? '');
  return [...inAttributes, ...inStyle].filter(isRemote);
}

export function remoteResources(slide: SlideUnderCheck): PageProblem[] {
  return [slide.section, ...slide.section.querySelectorAll('*')].flatMap((element) =>
    urlsOf(element).map((url) => ({
      severity: 'warning' as const,
      rule: 'remote',
      message: `${slide.name}: ${url} needs the network during the talk; save it next to the deck instead`,
      line: slide.lineOf(element),
    })),
  );
}
