import { resolve } from 'node:path';
import {
  DECK_LIMITS,
  type DeckLimits,
  markDocumentStructure,
  openPrintView,
  TAGGED_PDF,
} from '../browser/deck-page.js';
import type { HandoutKind } from '../html/handout-kinds.js';
import { labelsFor } from '../labels.js';
import type { CompiledDeck, Diagnostic, Project } from '../model.js';
import { writeFileAtomically } from '../platform/atomic-write.js';
import { type BuiltDeck, withBuiltDeck } from './deck-in-browser.js';
import { printHandout } from './handout-pdf.js';
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

/** The facts on a handout's cover, in the deck's language. */
function deckFacts(deck: CompiledDeck): string[] {
  const { meta, slides } = deck.rendered;
  const { labels } = labelsFor(meta.lang);
  return [
    meta.author,
    meta.date,
    meta.variant ? labels.variant(meta.variant) : undefined,
    meta.duration ? labels.minutes(meta.duration) : undefined,
    labels.slides(slides.length),
  ].filter((fact): fact is string => Boolean(fact));
}

/** The PDF with the deck's document information set. */
async function setMetadata(
  bytes: Uint8Array,
  deck: CompiledDeck,
  handout: HandoutKind | undefined,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { meta } = deck.rendered;
  const info: DocumentInfo = {
    title: handout ? labelsFor(meta.lang).labels.handout.documentTitle(meta.title, handout) : meta.title,
    lang: meta.lang,
    creator: 'deck-toolkit',
    producer: 'deck-toolkit with Chromium',
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.description ? { subject: meta.description } : {}),
  };
  return withDocumentInfo(bytes, info);
}

export async function exportPdf(options: ExportOptions): Promise<PdfResult> {
  const progress = options.progress ?? (() => {});
  const out = resolve(options.out);
  const limits = options.limits ?? DECK_LIMITS;
  progress('loading deck');
  return withBuiltDeck(
    { deck: options.deck, project: options.project, temporaryPrefix: 'deck-pdf-', variant: options.variant },
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
    `laying out ${count} ${options.handout === 'trainer' ? 'slides for the trainer’s handout' : options.handout === 'participants' ? 'slides for the participants’ handout' : options.fragments ? 'pages (fragment steps)' : 'slides'}`,
  );

  const bytes = options.handout
    ? await printHandout(
        page,
        deck,
        {
          kind: options.handout,
          paper: options.paper === 'letter' ? 'Letter' : 'A4',
          title: deck.rendered.meta.title,
          facts: deckFacts(deck),
          canvas,
        },
        limits,
      )
    : await markDocumentStructure(page).then(() =>
        page.pdf({ preferCSSPageSize: true, ...TAGGED_PDF }, { timeout: limits.print }),
      );
  progress(`writing ${out}`);
  const final = await setMetadata(bytes, deck, options.handout);
  await writeFileAtomically(out, final.bytes);
  return { file: out, pages: final.pages, diagnostics };
}
