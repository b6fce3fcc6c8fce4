import { resolve } from 'node:path';
import { DECK_LIMITS, type DeckLimits, openPrintView } from '../browser/deck-page.js';
import { escapeHtml } from '../escape.js';
import type { HandoutKind } from '../html/handout-kinds.js';
import { HANDOUT_CSS, type HandoutInput, layoutHandout } from '../html/handout-page.js';
import type { CompiledDeck, Diagnostic, Project } from '../model.js';
import { writeFileAtomically } from '../platform/atomic-write.js';
import { plural } from '../wording.js';
import { type BuiltDeck, withBuiltDeck } from './deck-in-browser.js';
import { type DocumentInfo, withDocumentInfo } from './pdf-info.js';

export type Paper = 'a4' | 'letter';

export interface ExportOptions {
  /** The deck's Markdown file. */
  deck: string;
  project: Project;
  out: string;
  /** One page per fragment step instead of per slide. */
  fragments?: boolean;
  /** A portrait handout instead of slides: the trainer's (slides, timings, notes) or the participants'. */
  handout?: HandoutKind;
  /** The variant to export, for a deck with variants. */
  variant?: string;
  paper?: Paper;
  /** Progress lines, as the work goes. */
  progress?: (line: string) => void;
  /** Time limits for the deck's page; the defaults suit any deck. */
  limits?: DeckLimits;
}

export interface PdfResult {
  file: string;
  pages: number;
  diagnostics: Diagnostic[];
}

function deckFacts(deck: CompiledDeck): string[] {
  const { meta, slides } = deck.rendered;
  return [
    meta.author,
    meta.date,
    meta.duration ? `${meta.duration} minutes` : undefined,
    plural(slides.length, 'slide'),
  ].filter((fact): fact is string => Boolean(fact));
}

/** The PDF with the deck's document information set. */
async function setMetadata(
  bytes: Uint8Array,
  deck: CompiledDeck,
  handout: boolean,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { meta } = deck.rendered;
  const info: DocumentInfo = {
    title: handout ? `${meta.title}: handout` : meta.title,
    lang: meta.lang,
    creator: 'deck-toolkit',
    producer: 'deck-toolkit with Chromium',
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.description ? { subject: meta.description } : {}),
  };
  return withDocumentInfo(bytes, info);
}

const MM = 1 / 25.4;
const PAPER_INCHES = { A4: { width: 210 * MM, height: 297 * MM }, Letter: { width: 8.5, height: 11 } } as const;

export async function exportPdf(options: ExportOptions): Promise<PdfResult> {
  const progress = options.progress ?? (() => {});
  const out = resolve(options.out);
  const limits = options.limits ?? DECK_LIMITS;
  progress('loading deck');
  return withBuiltDeck(
    {
      deck: options.deck,
      project: options.project,
      temporaryPrefix: 'deck-pdf-',
      ...(options.variant !== undefined ? { variant: options.variant } : {}),
    },
    (built) => printDeck(built, options, out, limits, progress),
    (diagnostics) => ({ file: out, pages: 0, diagnostics }),
  );
}

async function printDeck(
  { deck, url, canvas, browser, diagnostics }: BuiltDeck,
  options: ExportOptions,
  out: string,
  limits: DeckLimits,
  progress: (line: string) => void,
): Promise<PdfResult> {
  const page = await browser.newPage({ viewport: canvas });
  const count = await openPrintView(page, url, { fragments: Boolean(options.fragments && !options.handout) }, limits);
  progress(
    `laying out ${count} ${options.handout ? 'slides with notes' : options.fragments ? 'pages (fragment steps)' : 'slides'}`,
  );

  let bytes: Uint8Array;
  if (options.handout) {
    const paper = options.paper === 'letter' ? 'Letter' : 'A4';
    const input: HandoutInput & { css: string } = {
      title: deck.rendered.meta.title,
      facts: deckFacts(deck),
      slideWidthMm: 96,
      canvas,
      paper,
      css: HANDOUT_CSS,
    };
    if (deck.rendered.meta.description) input.description = deck.rendered.meta.description;
    await page.evaluate(layoutHandout, input);
    await page.waitFor('the fonts to load', () => document.fonts.ready.then(() => true), undefined, {
      timeout: limits.ready,
    });
    bytes = await page.pdf(
      {
        paperWidth: PAPER_INCHES[paper].width,
        paperHeight: PAPER_INCHES[paper].height,
        marginTop: 14 * MM,
        marginBottom: 16 * MM,
        marginLeft: 15 * MM,
        marginRight: 15 * MM,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer(deck.rendered.meta.title),
      },
      { timeout: limits.print },
    );
  } else {
    bytes = await page.pdf({ preferCSSPageSize: true }, { timeout: limits.print });
  }
  progress(`writing ${out}`);
  const final = await setMetadata(bytes, deck, options.handout !== undefined);
  await writeFileAtomically(out, final.bytes);
  return { file: out, pages: final.pages, diagnostics };
}

function footer(title: string): string {
  const safe = escapeHtml(title);
  return `<div style="font: 8pt Arial, sans-serif; color: #4a5361; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;"><span>${safe}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}
