// What every in-page rule gets: one slide as laid out in the browser, and how to name it and find
// the source line of anything on it. Runs in the page (bundled by page-checks-bundle.ts).

/** A problem seen in the page, at the source line of the closest element that has one. */
export interface PageProblem {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  line: number;
}

export interface SlideUnderCheck {
  section: HTMLElement;
  /** `slide 3 "Its heading"`, as messages name it. */
  name: string;
  layout: 'screen' | 'print';
  /** Rendered pixels per CSS pixel of the slide: reveal.js scales the canvas to the window. */
  scale: number;
  /** The source line of an element on the slide (the slide's own line when it has none). */
  lineOf(element: Element): number;
}

export type Rule = (slide: SlideUnderCheck) => PageProblem[];

const dataLine = (element: Element | null | undefined) => Number(element?.getAttribute('data-line') ?? 0);

export function slideUnderCheck(section: HTMLElement, number: number, layout: 'screen' | 'print'): SlideUnderCheck {
  const heading = section.querySelector('h1, h2, h3')?.textContent?.trim() ?? '';
  const sectionLine = dataLine(section);
  return {
    section,
    name: `slide ${number}${heading ? ` "${heading.slice(0, 40)}"` : ''}`,
    layout,
    scale: section.getBoundingClientRect().width / section.offsetWidth || 1,
    lineOf: (element) => dataLine(element.closest('[data-line]')) || sectionLine,
  };
}

/** The elements an audience sees on the slide: laid out, and not notes or text for screen readers only. */
export function shownElements(section: HTMLElement): Element[] {
  return [...section.querySelectorAll('*')].filter((element) => {
    if (element.closest('aside.notes, .sr-only, title, desc')) return false;
    const rect = element.getBoundingClientRect();
    return rect.width !== 0 || rect.height !== 0;
  });
}

/** A URL that needs the network: http(s) or protocol-relative. */
export const isRemote = (url: string): boolean => /^(?:https?:)?\/\//i.test(url);
