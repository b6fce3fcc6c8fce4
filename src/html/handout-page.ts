// Turns reveal.js's print view into a trainer handout, inside the page: a cover, then each slide
// (the real slide, scaled: vector text, not a picture) with its notes beside it. Items never
// split unless one is taller than a page; then the notes continue on the next page.
// `layoutHandout` runs in the browser, so it may use nothing from outside its own body.

export interface HandoutInput {
  title: string;
  facts: string[];
  description?: string;
  /** CSS width of the slide picture, in mm. */
  slideWidthMm: number;
  /** The deck's canvas (contract.ts canvasSize): each slide's size and shape. */
  canvas: { width: number; height: number };
  paper: 'A4' | 'Letter';
}

export const HANDOUT_CSS = `
@page { margin: 14mm 15mm 16mm; }
html.reveal-print, html.reveal-print body { width: auto !important; height: auto !important; overflow: visible !important; background: #fff !important; }
body > .reveal:not(.handout-reveal) { display: none !important; }
.handout { font-family: 'Atkinson Hyperlegible', Arial, sans-serif; color: #1c2127; font-size: 10.5pt; line-height: 1.4; }
.handout-cover { break-after: page; padding-top: 60mm; }
.handout-cover h1 { font-size: 28pt; font-weight: 700; line-height: 1.15; margin: 0 0 6mm; padding-bottom: 4mm; border-bottom: 1.5mm solid #0b5f6e; }
.handout-cover .handout-facts { font-size: 13pt; color: #4a5361; margin: 0 0 6mm; }
.handout-cover .handout-description { font-size: 13pt; margin: 0 0 6mm; }
.handout-cover .handout-hint { font-size: 11pt; color: #4a5361; }
.handout-item { display: grid; grid-template-columns: var(--handout-slide-width) 1fr; column-gap: 6mm; padding: 4mm 0 5mm; border-top: 0.3mm solid #c9ced6; break-inside: avoid; }
.handout-label { grid-column: 1 / -1; font-size: 9.5pt; font-weight: 700; color: #4a5361; margin-bottom: 2mm; }
.handout-slide { width: var(--handout-slide-width); aspect-ratio: var(--handout-slide-ratio); overflow: hidden; position: relative; border: 0.3mm solid #c9ced6; break-inside: avoid; }
.handout-slide > .reveal.handout-reveal { position: absolute !important; top: 0; left: 0; overflow: hidden !important;
  width: var(--handout-source-width) !important; height: var(--handout-source-height) !important; }
.handout-notes strong, .handout-notes b { font-weight: 700; }
.handout-notes em, .handout-notes i { font-style: italic; }
.handout-notes p, .handout-notes ul, .handout-notes ol { margin: 0 0 2mm; }
.handout-notes ul, .handout-notes ol { padding-left: 5mm; }
.handout-notes .handout-none { color: #4a5361; font-style: italic; }
`;

export function layoutHandout(input: HandoutInput & { css: string }): number {
  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root || pages.length === 0) return 0;
  const { width: slideWidth, height: slideHeight } = input.canvas;
  const scale = (input.slideWidthMm * 96) / 25.4 / slideWidth;

  // reveal.js sized the page for slides; the handout sets its own paper.
  for (const style of document.querySelectorAll('style')) {
    if (style.textContent?.includes('@page')) style.remove();
  }
  const style = document.createElement('style');
  style.textContent = `@page { size: ${input.paper} portrait; }\n${input.css}`;
  document.head.append(style);
  document.body.classList.remove('reveal-viewport');
  document.body.removeAttribute('style');

  const text = (tag: string, className: string, content: string) => {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = content;
    return element;
  };
  const handout = document.createElement('main');
  handout.className = 'handout';
  handout.style.setProperty('--handout-slide-width', `${input.slideWidthMm}mm`);
  handout.style.setProperty('--handout-slide-ratio', `${slideWidth} / ${slideHeight}`);
  handout.style.setProperty('--handout-source-width', `${slideWidth}px`);
  handout.style.setProperty('--handout-source-height', `${slideHeight}px`);

  const cover = document.createElement('section');
  cover.className = 'handout-cover';
  cover.append(text('h1', '', input.title), text('p', 'handout-facts', input.facts.join(' · ')));
  if (input.description) cover.append(text('p', 'handout-description', input.description));
  cover.append(text('p', 'handout-hint', 'Each slide with the trainer’s notes beside it.'));
  handout.append(cover);

  pages.forEach((page, index) => {
    const item = document.createElement('article');
    item.className = 'handout-item';
    const heading = page.querySelector('h1, h2')?.textContent?.trim();
    item.append(text('div', 'handout-label', `Slide ${index + 1} of ${pages.length}${heading ? ` · ${heading}` : ''}`));

    const picture = document.createElement('div');
    picture.className = 'handout-slide';
    // The slide keeps reveal.js's own wrappers so every theme rule still applies to it.
    const reveal = document.createElement('div');
    reveal.className = `${root.className} handout-reveal`;
    // zoom, not transform: Chromium's print drops inline SVG inside a scaled transform.
    reveal.style.zoom = String(scale);
    const slides = document.createElement('div');
    slides.className = 'slides';
    slides.append(page);
    reveal.append(slides);
    picture.append(reveal);

    const notes = document.createElement('div');
    notes.className = 'handout-notes';
    const aside = page.querySelector('aside.notes');
    if (aside?.innerHTML.trim()) notes.innerHTML = aside.innerHTML;
    else notes.append(text('p', 'handout-none', 'No notes for this slide.'));
    item.append(picture, notes);
    handout.append(item);
  });
  root.after(handout);
  return pages.length;
}
