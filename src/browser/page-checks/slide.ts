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

/** Parts of the page the audience never sees: notes, text for screen readers, an SVG's title. */
const UNSEEN = 'aside.notes, .sr-only, title, desc';

/** The elements an audience sees on the slide: laid out, and not notes or text for screen readers only. */
export function shownElements(section: HTMLElement): Element[] {
  return [...section.querySelectorAll('*')].filter((element) => {
    if (element.closest(UNSEEN)) return false;
    const rect = element.getBoundingClientRect();
    return rect.width !== 0 || rect.height !== 0;
  });
}

/** The text nodes the audience sees on the slide (not blank, not in notes or screen-reader text). */
export function shownTextNodes(section: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || node.parentElement?.closest(UNSEEN)) continue;
    nodes.push(node as Text);
  }
  return nodes;
}

/**
 * Where a text node's lines are drawn: one box per line, empty ones left out. A line's box is its
 * font's full height, which a tight line height lets reach into the lines around it: each box is
 * trimmed to the line's own height, so that only text that really leaves its box reaches past it.
 * `scale`: rendered pixels per CSS pixel (the slide's, `SlideUnderCheck.scale`).
 */
export function textBoxes(node: Text, scale: number): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(node);
  const parent = node.parentElement;
  const lineHeight = parent ? Number.parseFloat(getComputedStyle(parent).lineHeight) : Number.NaN;
  return [...range.getClientRects()]
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) => {
      const trim = Number.isNaN(lineHeight) ? 0 : Math.max(0, (rect.height - lineHeight * scale) / 2);
      return new DOMRect(rect.left, rect.top + trim, rect.width, rect.height - 2 * trim);
    });
}

/** The nearest of `element` and its ancestors inside `section` that passes `test`. */
export function closestWithin(
  element: Element,
  section: HTMLElement,
  test: (element: Element) => boolean,
): Element | undefined {
  for (let current: Element | null = element; current && current !== section; current = current.parentElement) {
    if (test(current)) return current;
  }
  return undefined;
}

/** The block an inline element or text belongs to: where its lines are laid out. */
export function blockOf(element: Element): Element {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const display = getComputedStyle(current).display;
    if (display !== 'inline' && display !== 'contents') return current;
  }
  return element;
}

/** An element's padding box as rendered: inside its border, where its background and text belong. */
export function paddingBox(element: Element, scale: number): DOMRect {
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const left = Number.parseFloat(style.borderLeftWidth) * scale;
  const right = Number.parseFloat(style.borderRightWidth) * scale;
  const top = Number.parseFloat(style.borderTopWidth) * scale;
  const bottom = Number.parseFloat(style.borderBottomWidth) * scale;
  return new DOMRect(rect.left + left, rect.top + top, rect.width - left - right, rect.height - top - bottom);
}

/** How far, in canvas pixels, `inner` reaches past `outer` on its worst side (0 when inside). */
export function reachPast(inner: DOMRect, outer: DOMRect, scale: number): number {
  return (
    Math.max(
      outer.left - inner.left,
      inner.right - outer.right,
      outer.top - inner.top,
      inner.bottom - outer.bottom,
      0,
    ) / scale
  );
}

/** Whether an element cuts off what reaches past its padding box. */
export const clipsContent = (element: Element): boolean => {
  const { overflowX, overflowY } = getComputedStyle(element);
  return overflowX !== 'visible' || overflowY !== 'visible';
};

/** Whether an element is painted with a background of its own: a highlight, a card. */
export function hasBackground(element: Element): boolean {
  const style = getComputedStyle(element);
  if (style.backgroundImage !== 'none') return true;
  const colour = style.backgroundColor;
  if (colour === 'transparent') return false;
  // rgba(r, g, b, a) or, for colours mixed in CSS, color(srgb r g b / a).
  const alpha = /\/\s*([\d.]+)\s*\)$/.exec(colour)?.[1] ?? /^rgba\([^)]*,\s*([\d.]+)\s*\)$/.exec(colour)?.[1];
  return alpha === undefined || Number(alpha) > 0;
}

/** Text cut to a readable length for a message. */
export const excerpt = (text: string | null | undefined): string => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30).trimEnd()}…` : flat;
};

/** A URL that needs the network: http(s) or protocol-relative. */
export const isRemote = (url: string): boolean => /^(?:https?:)?\/\//i.test(url);
