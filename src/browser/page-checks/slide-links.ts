// Links to a slide id that no slide has (`[see](#/summary)`); links by slide number are fine.

import type { PageProblem, SlideUnderCheck } from './slide.js';

/** The slide id a `#/id/…` or `#id` link points to, or undefined for a slide number or the start. */
function targetOf(href: string): string | undefined {
  const raw = href.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (raw === '' || /^\d+$/.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // Not valid percent-encoding: compare it as written.
  }
}

export function slideLinks(slide: SlideUnderCheck): PageProblem[] {
  const ids = new Set([...document.querySelectorAll('.reveal .slides section[id]')].map((section) => section.id));
  return [...slide.section.querySelectorAll('a[href^="#"]')].flatMap((link) => {
    const href = link.getAttribute('href') ?? '';
    const target = targetOf(href);
    if (target === undefined || ids.has(target) || document.getElementById(target)) return [];
    return [
      {
        severity: 'error' as const,
        rule: 'link',
        message: `${slide.name}: link ${href} points to no slide with id "${target}"`,
        line: slide.lineOf(link),
      },
    ];
  });
}
