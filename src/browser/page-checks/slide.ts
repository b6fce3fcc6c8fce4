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
  /**
   * Where the slide may show content, as rendered: the canvas on screen, the page in print. A
   * slide made taller than the canvas still shows only what fits in it.
   */
  frame: DOMRect;
  /** The source line of an element on the slide (the slide's own line when it has none). */
  lineOf(element: Element): number;
}

export type Rule = (slide: SlideUnderCheck) => PageProblem[];

const dataLine = (element: Element | null | undefined) => Number(element?.getAttribute('data-line') ?? 0);

export function slideUnderCheck(section: HTMLElement, number: number, layout: 'screen' | 'print'): SlideUnderCheck {
  const heading = section.querySelector('h1, h2, h3')?.textContent?.trim() ?? '';
  const sectionLine = dataLine(section);
  const box = section.getBoundingClientRect();
  const scale = box.width / section.offsetWidth || 1;
  return {
    section,
    name: `slide ${number}${heading ? ` "${heading.slice(0, 40)}"` : ''}`,
    layout,
    scale,
    frame: layout === 'print' ? pageOf(section) : canvasOf(section, box, scale),
    lineOf: (element) => dataLine(element.closest('[data-line]')) || sectionLine,
  };
}

/**
 * The print view's page the slide is on, at least the canvas's height: reveal.js makes pages a pixel
 * shorter than the canvas (its pdfPageHeightOffset), so that a page never spills onto another.
 */
function pageOf(section: HTMLElement): DOMRect {
  const page = (section.closest('.pdf-page') ?? section).getBoundingClientRect();
  const canvasHeight = Number(window.deck?.getConfig().height) || page.height;
  return new DOMRect(page.left, page.top, page.width, Math.max(page.height, canvasHeight));
}

/**
 * The canvas the slide is shown in, as rendered: reveal.js's canvas size, from where the slide's
 * layout places its origin (so a slide still moving in its transition carries its canvas along).
 */
function canvasOf(section: HTMLElement, box: DOMRect, scale: number): DOMRect {
  const canvas = section.closest<HTMLElement>('.reveal .slides');
  if (!canvas) return box;
  let left = box.left;
  let top = box.top;
  for (let element: HTMLElement | null = section; element && element !== canvas; element = element.parentElement) {
    left -= element.offsetLeft * scale;
    top -= element.offsetTop * scale;
  }
  return new DOMRect(left, top, canvas.offsetWidth * scale, canvas.offsetHeight * scale);
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
