// `deck pdf --handout`: the print view of the built deck laid out as a handout (html/handout-page.ts),
// the trainer's or the participants', and printed on portrait paper.

import { type DeckLimits, TAGGED_PDF } from '../browser/deck-page.js';
import type { Page } from '../browser/driver.js';
import type { CanvasSize } from '../contract.js';
import type { HandoutKind } from '../html/handout-kinds.js';
import {
  HANDOUT_CSS,
  HANDOUT_MARGINS,
  HANDOUT_PAPER,
  type HandoutLayout,
  type HandoutSlide,
  layoutHandout,
} from '../html/handout-page.js';
import { labelsFor } from '../labels.js';
import type { CompiledDeck } from '../model.js';
import { clock } from '../wording.js';

const MM_PER_INCH = 25.4;

/** Each slide's label, its plan (when the deck has one) and its text for the participants. */
export function handoutSlides(deck: CompiledDeck, kind: HandoutKind): HandoutSlide[] {
  const { slides, meta } = deck.rendered;
  const { labels } = labelsFor(meta.lang);
  let start = 0;
  return slides.map((slide, i) => {
    const entry: HandoutSlide = { label: labels.slideOf(i + 1, slides.length) };
    if (kind === 'trainer' && slide.timing !== undefined) {
      entry.plan = labels.handout.plan(clock(start), clock(slide.timing));
    }
    if (kind === 'participants' && slide.handoutHtml) entry.handoutHtml = slide.handoutHtml;
    start += slide.timing ?? 0;
    return entry;
  });
}

export interface HandoutOptions {
  kind: HandoutKind;
  paper: 'A4' | 'Letter';
  title: string;
  facts: string[];
  canvas: CanvasSize;
}

/** What the page needs to lay the deck out as a handout. */
export function handoutLayout(deck: CompiledDeck, options: HandoutOptions): HandoutLayout {
  const { labels } = labelsFor(deck.rendered.meta.lang);
  const words = labels.handout;
  const input: HandoutLayout = {
    kind: options.kind,
    title: options.title,
    facts: options.facts,
    slides: handoutSlides(deck, options.kind),
    words: {
      hint: options.kind === 'trainer' ? words.trainerHint : words.participantsHint,
      continued: words.continued,
      continuesOverleaf: words.continuesOverleaf,
      noNotes: labels.noNotes,
      ownNotes: words.ownNotes,
      pageOf: words.pageOf,
    },
    slideWidthMm: 84,
    canvas: options.canvas,
    paper: options.paper,
    css: HANDOUT_CSS,
    paperMm: HANDOUT_PAPER[options.paper],
    margins: HANDOUT_MARGINS,
  };
  if (deck.rendered.meta.description) input.description = deck.rendered.meta.description;
  return input;
}

/** Lays the open print view out as a handout and prints it; the PDF's bytes. */
export async function printHandout(
  page: Page,
  deck: CompiledDeck,
  options: HandoutOptions,
  limits: DeckLimits,
): Promise<Uint8Array> {
  const paperMm = HANDOUT_PAPER[options.paper];
  await page.evaluate(layoutHandout, handoutLayout(deck, options));
  await page.waitFor('the fonts to load', () => document.fonts.ready.then(() => true), undefined, {
    timeout: limits.ready,
  });
  return page.pdf(
    {
      paperWidth: paperMm.width / MM_PER_INCH,
      paperHeight: paperMm.height / MM_PER_INCH,
      marginTop: 0,
      marginBottom: 0,
      marginLeft: 0,
      marginRight: 0,
      preferCSSPageSize: true,
      ...TAGGED_PDF,
    },
    { timeout: limits.print },
  );
}
