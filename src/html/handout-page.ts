// Turns reveal.js's print view into a handout, inside the page: a cover, then three slides to a
// portrait page (the real slide, scaled: vector text, not a picture), each with a column beside it.
//
// - The trainer's handout: each slide's planned start and length, its notes, and ruled lines for
//   the trainer's own notes under them.
// - The participants' handout: each slide's Handout: text, if any, and ruled lines for notes. No
//   speaker notes: they are taken out of the page before anything is laid out.
//
// The pages are laid out here, not by the browser's print flow, so that a note too long for its
// page goes on under "(continued)" on the next one, the room left at the foot of a page becomes a
// ruled area, and every line (the page numbers too) is in the theme's font.
// `layoutHandout` runs in the browser, so it may use nothing from outside its own body.

import type { HandoutKind } from './handout-kinds.js';

export interface HandoutSlide {
  /** "Slide 3 of 12". */
  label: string;
  /** The plan for the slide, as the trainer's handout shows it ("starts 0:14 · 2:30"). */
  plan?: string;
  /** Its text for the participants' handout, as sanitized HTML. */
  handoutHtml?: string;
}

/** The words a handout shows, from src/wording.ts. */
export interface HandoutWords {
  /** What the handout is, under the title on the cover. */
  hint: string;
  /** Above the rest of a note on the next page. */
  continued: string;
  /** At the foot of a note that goes on, on the next page. */
  continuesOverleaf: string;
  noNotes: string;
  /** Above a ruled area at the foot of a page. */
  ownNotes: string;
  /** "Page {page} of {pages}". */
  pageOf: string;
}

export interface HandoutInput {
  kind: HandoutKind;
  title: string;
  facts: string[];
  description?: string;
  /** One per page of the print view, in order. */
  slides: HandoutSlide[];
  words: HandoutWords;
  /** CSS width of the slide picture, in mm (less, when the slide's shape would not fit its third of a page). */
  slideWidthMm: number;
  /** The deck's canvas (contract.ts canvasSize): each slide's size and shape. */
  canvas: { width: number; height: number };
  paper: 'A4' | 'Letter';
}

/** Paper sizes and the margins of a handout page, in mm. */
export const HANDOUT_PAPER = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;
export const HANDOUT_MARGINS = { top: 14, bottom: 12, side: 15 };

/** What `layoutHandout` is given: the handout, its stylesheet, and its paper and margins in mm. */
export type HandoutLayout = HandoutInput & {
  css: string;
  paperMm: { width: number; height: number };
  margins: typeof HANDOUT_MARGINS;
};

export const HANDOUT_CSS = `
html.reveal-print, html.reveal-print body { width: auto !important; height: auto !important; overflow: visible !important; background: #fff !important; margin: 0 !important; }
body > .reveal:not(.handout-reveal) { display: none !important; }
.handout { color: #1c2127; font-size: 10pt; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.handout * { font-family: inherit; }
.handout-page { box-sizing: border-box; position: relative; overflow: hidden; break-after: page; display: flex; flex-direction: column; }
.handout-page:last-child { break-after: auto; }
.handout-body { flex: 1; min-height: 0; }
.handout-footer { display: flex; justify-content: space-between; font-size: 8pt; color: #4a5361; padding-top: 2mm; }
.handout-cover { padding-top: 50mm; }
.handout-cover h1 { font-size: 28pt; font-weight: 700; line-height: 1.15; margin: 0 0 6mm; padding-bottom: 4mm; border-bottom: 1.5mm solid #0b5f6e; }
.handout-cover .handout-facts { font-size: 13pt; color: #4a5361; margin: 0 0 6mm; }
.handout-cover .handout-description { font-size: 13pt; margin: 0 0 6mm; }
.handout-cover .handout-hint { font-size: 11pt; color: #4a5361; }
.handout-item { box-sizing: border-box; display: grid; grid-template-columns: var(--handout-slide-width) 1fr; grid-template-rows: auto 1fr; column-gap: 6mm; padding: 3mm 0 3mm; border-top: 0.3mm solid #c9ced6; }
.handout-item.handout-continued { grid-template-columns: 1fr; }
.handout-label { grid-column: 1 / -1; display: flex; justify-content: space-between; gap: 4mm; font-size: 9.5pt; font-weight: 700; color: #4a5361; margin-bottom: 2mm; }
.handout-plan { font-weight: 400; white-space: nowrap; font-variant-numeric: tabular-nums; }
.handout-slide { width: var(--handout-slide-width); aspect-ratio: var(--handout-slide-ratio); overflow: hidden; position: relative; border: 0.3mm solid #c9ced6; align-self: start; }
.handout-slide > .reveal.handout-reveal { position: absolute !important; top: 0; left: 0; overflow: hidden !important;
  width: var(--handout-source-width) !important; height: var(--handout-source-height) !important; }
.handout-side { display: flex; flex-direction: column; min-height: 0; }
.handout-text strong, .handout-text b { font-weight: 700; }
.handout-text em, .handout-text i { font-style: italic; }
.handout-text p, .handout-text ul, .handout-text ol, .handout-text pre, .handout-text blockquote { margin: 0 0 2mm; }
.handout-text ul, .handout-text ol { padding-left: 5mm; }
.handout-text img { max-width: 100%; }
.handout-text pre { white-space: pre-wrap; font-size: 8.5pt; }
.handout-text .handout-none { color: #4a5361; font-style: italic; }
.handout-overleaf { font-size: 9pt; color: #4a5361; font-style: italic; text-align: right; margin-top: 1mm; }
.handout-lines { flex: 1; min-height: 0; overflow: hidden; }
.handout-line { box-sizing: border-box; height: 8mm; border-bottom: 0.3mm solid #b9c0ca; }
.handout-own { box-sizing: border-box; border-top: 0.3mm solid #c9ced6; padding-top: 3mm; display: flex; flex-direction: column; }
.handout-own-heading { font-size: 9.5pt; font-weight: 700; color: #4a5361; margin-bottom: 1mm; }
`;

export function layoutHandout(input: HandoutLayout): number {
  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root || pages.length === 0) return 0;
  const MM = 96 / 25.4;
  const { margins, paperMm: paper } = input;
  const { width: slideWidth, height: slideHeight } = input.canvas;

  // The theme's fonts, read before the slides move: every line of the handout is in them.
  const sample = document.querySelector<HTMLElement>('.reveal .slides section') ?? root;
  const bodyFont = getComputedStyle(sample).fontFamily;
  const headingElement = document.querySelector<HTMLElement>('.reveal .slides h1, .reveal .slides h2');
  const headingFont = headingElement ? getComputedStyle(headingElement).fontFamily : bodyFont;

  // Speaker notes are the trainer's: in the participants' handout they are not even in the page.
  if (input.kind === 'participants') {
    for (const notes of document.querySelectorAll('aside.notes, .speaker-notes')) notes.remove();
  }

  // reveal.js sized the page for slides; the handout sets its own paper, and its own margins.
  for (const style of document.querySelectorAll('style')) {
    if (style.textContent?.includes('@page')) style.remove();
  }
  const style = document.createElement('style');
  style.textContent = `@page { size: ${input.paper} portrait; margin: 0; }\n${input.css}`;
  document.head.append(style);
  document.body.classList.remove('reveal-viewport');
  document.body.removeAttribute('style');

  const element = (tag: string, className: string, text?: string) => {
    const made = document.createElement(tag);
    made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };
  const handout = element('main', 'handout');
  handout.style.fontFamily = bodyFont;
  root.after(handout);

  const newPage = () => {
    const page = element('section', 'handout-page');
    page.style.width = `${paper.width}mm`;
    // A hair under the paper: a page a rounding error too tall would print a blank one after it.
    page.style.height = `${paper.height - 0.5}mm`;
    page.style.padding = `${margins.top}mm ${margins.side}mm ${margins.bottom}mm`;
    const body = element('div', 'handout-body');
    const footer = element('footer', 'handout-footer');
    footer.append(element('span', '', input.title), element('span', 'handout-page-number'));
    page.append(body, footer);
    handout.append(page);
    return body;
  };

  const cover = element('div', 'handout-cover');
  const heading = element('h1', '', input.title);
  heading.style.fontFamily = headingFont;
  cover.append(heading, element('p', 'handout-facts', input.facts.join(' · ')));
  if (input.description) cover.append(element('p', 'handout-description', input.description));
  cover.append(element('p', 'handout-hint', input.words.hint));
  newPage().append(cover);

  let body = newPage();
  // The room a page has for slides, and a third of it for each: a slide's picture fits its third.
  const room = body.clientHeight;
  const third = Math.floor(room / 3);
  const labelRoom = 14 * MM;
  const widthMm = Math.min(input.slideWidthMm, ((third - labelRoom) / MM) * (slideWidth / slideHeight));
  handout.style.setProperty('--handout-slide-width', `${widthMm}mm`);
  handout.style.setProperty('--handout-slide-ratio', `${slideWidth} / ${slideHeight}`);
  handout.style.setProperty('--handout-source-width', `${slideWidth}px`);
  handout.style.setProperty('--handout-source-height', `${slideHeight}px`);
  const scale = (widthMm * MM) / slideWidth;
  let left = room;

  const used = () => [...body.children].reduce((sum, child) => sum + (child as HTMLElement).offsetHeight, 0);
  /** Ends the page: the room left at its foot, if it is worth it, is ruled for notes. Then the next one. */
  const endPage = (last = false) => {
    const rest = room - used();
    if (rest >= 24 * MM) {
      const own = element('div', 'handout-own');
      own.style.height = `${rest - 1}px`;
      own.append(element('div', 'handout-own-heading', input.words.ownNotes), element('div', 'handout-lines'));
      body.append(own);
    }
    if (last) return;
    body = newPage();
    left = room;
  };

  const labelOf = (slide: HandoutSlide | undefined, fallback: string, extra?: string) => {
    const label = element('div', 'handout-label');
    const name = element('span', '', extra ? `${fallback} ${extra}` : fallback);
    // Each slide's label is its heading under the handout's title, and its bookmark in the PDF;
    // a continuation is not a new one.
    if (!extra) {
      name.setAttribute('role', 'heading');
      name.setAttribute('aria-level', '2');
    }
    label.append(name);
    if (slide?.plan && !extra) label.append(element('span', 'handout-plan', slide.plan));
    return label;
  };

  /**
   * Moves the end of `text` into a new holder until `fits()`, and returns that holder (undefined
   * when nothing had to move). Whole blocks go first; then as much of the first one moved as fits
   * comes back: a paragraph's words, a list's items. On a fresh page something always stays, so
   * the handout goes on: a block taller than a page is cut there.
   */
  const splitText = (text: HTMLElement, fits: () => boolean, fresh: boolean): HTMLElement | undefined => {
    const rest = element('div', 'handout-text');
    while (!fits() && text.lastElementChild) rest.prepend(text.lastElementChild);
    const first = rest.firstElementChild as HTMLElement | null;
    if (!first) return undefined;
    const part = first.cloneNode(false) as HTMLElement;
    text.append(part);
    const plain = first.children.length === 0 || (fresh && text.children.length === 1);
    if (first.tagName === 'P' && plain) {
      // The most words that fit, found by halving: a paragraph may have thousands.
      const words = (first.textContent ?? '').split(/(?<=\s)/);
      let low = 0;
      let high = words.length;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        part.textContent = words.slice(0, middle).join('');
        if (fits()) low = middle;
        else high = middle - 1;
      }
      part.textContent = words.slice(0, low).join('');
      first.textContent = words.slice(low).join('');
    } else if (first.tagName === 'UL' || first.tagName === 'OL') {
      let moved = 0;
      while (first.firstElementChild) {
        part.append(first.firstElementChild);
        if (!fits()) {
          first.prepend(part.lastElementChild!);
          break;
        }
        moved++;
      }
      if (first.tagName === 'OL') first.setAttribute('start', String(Number(part.getAttribute('start') ?? 1) + moved));
    }
    if (part.textContent?.trim() === '') part.remove();
    if (first.textContent?.trim() === '' && first.children.length === 0) first.remove();
    if (fresh && text.children.length === 0 && rest.firstElementChild) text.append(rest.firstElementChild);
    return rest.children.length > 0 ? rest : undefined;
  };

  /** Places `item` on the page, going on to new pages while its text is longer than the room. */
  const place = (item: HTMLElement, text: HTMLElement | undefined, slide: HandoutSlide, label: string) => {
    body.append(item);
    if (item.offsetHeight > left && left < room && (left < third || !text)) {
      // Not even its third fits here (or it cannot be split): a fresh page.
      item.remove();
      endPage();
      body.append(item);
    }
    if (item.offsetHeight <= left || !text) {
      left -= item.offsetHeight;
      return;
    }
    const overleaf = element('div', 'handout-overleaf', input.words.continuesOverleaf);
    text.after(overleaf);
    const rest = splitText(text, () => item.offsetHeight <= left, left === room);
    left -= item.offsetHeight;
    if (!rest) {
      overleaf.remove();
      return;
    }
    endPage();
    const continued = element('article', 'handout-item handout-continued');
    const side = element('div', 'handout-side');
    side.append(rest, element('div', 'handout-lines'));
    continued.append(labelOf(slide, label, input.words.continued), side);
    place(continued, rest, slide, label);
  };

  pages.forEach((page, index) => {
    const slide = input.slides[index] ?? { label: `${index + 1}` };
    const title = page.querySelector('h1, h2')?.textContent?.trim();
    const label = `${slide.label}${title ? ` · ${title}` : ''}`;
    const item = element('article', 'handout-item');
    item.style.minHeight = `${third}px`;

    const picture = element('div', 'handout-slide');
    // The slide keeps reveal.js's own wrappers so every theme rule still applies to it.
    const reveal = element('div', `${root.className} handout-reveal`);
    // zoom, not transform: Chromium's print drops inline SVG inside a scaled transform.
    reveal.style.zoom = String(scale);
    const slides = element('div', 'slides');
    slides.append(page);
    // The slide's text is read as part of its item (reveal.js hid all but the current slide from
    // assistive technology); its own headings read as text under the item's heading.
    for (const section of page.querySelectorAll('section')) {
      section.removeAttribute('aria-hidden');
      section.removeAttribute('hidden');
    }
    for (const heading of page.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
      heading.removeAttribute('aria-level');
      heading.setAttribute('role', 'paragraph');
    }
    reveal.append(slides);
    picture.append(reveal);

    const side = element('div', 'handout-side');
    let text: HTMLElement | undefined = element('div', 'handout-text');
    if (input.kind === 'trainer') {
      const aside = page.querySelector('aside.notes');
      if (aside?.innerHTML.trim()) text.innerHTML = aside.innerHTML;
      else text.append(element('p', 'handout-none', input.words.noNotes));
    } else if (slide.handoutHtml) {
      text.innerHTML = slide.handoutHtml;
    } else {
      text = undefined;
    }
    if (text) side.append(text);
    side.append(element('div', 'handout-lines'));
    item.append(labelOf(slide, label), picture, side);
    place(item, text, slide, label);
  });
  if (body.children.length === 0) body.parentElement!.remove();
  else endPage(true);
  // Ruled lines, drawn once every page is laid out: as many as the room left for them holds.
  for (const lines of handout.querySelectorAll<HTMLElement>('.handout-lines')) {
    const count = Math.floor(lines.clientHeight / (8 * MM));
    for (let i = 0; i < count; i++) lines.append(element('div', 'handout-line'));
  }
  const numbered = [...handout.querySelectorAll<HTMLElement>('.handout-page')];
  numbered.forEach((page, i) => {
    page.querySelector('.handout-page-number')!.textContent = input.words.pageOf
      .replace('{page}', String(i + 1))
      .replace('{pages}', String(numbered.length));
  });
  return numbered.length;
}
