// PDF export through reveal.js's print view: one browser launch, one print. Slides come out one
// 16:9 page per slide (or per fragment step) at exactly the slide's size; the handout puts each
// slide beside its notes on portrait paper. Text stays text, shapes stay vector.

import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { DeckError } from '../errors.js';
import { type Diagnostic, hasErrors } from '../model.js';
import { launchBrowser } from './browser.js';
import { buildDecks, type CompiledDeck } from './build.js';
import { HANDOUT_CSS, type HandoutInput, layoutHandout } from './handout-page.js';
import { onInterrupt } from './interrupt.js';

export type Paper = 'a4' | 'letter';

export interface PdfOptions {
  /** The deck's Markdown file. */
  deck: string;
  out: string;
  /** One page per fragment step instead of per slide. */
  fragments?: boolean;
  /** A portrait handout with notes instead of slides. */
  handout?: boolean;
  paper?: Paper;
  /** Progress lines, as the work goes. */
  progress?: (line: string) => void;
}

export interface PdfResult {
  file: string;
  pages: number;
  diagnostics: Diagnostic[];
}

const READY_TIMEOUT = 30_000;

function deckFacts(deck: CompiledDeck): string[] {
  const { meta, slides } = deck.rendered;
  return [
    meta.author,
    meta.date,
    meta.duration ? `${meta.duration} minutes` : undefined,
    `${slides.length} slides`,
  ].filter((fact): fact is string => Boolean(fact));
}

async function setMetadata(
  bytes: Uint8Array,
  deck: CompiledDeck,
  handout: boolean,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { meta } = deck.rendered;
  pdf.setTitle(handout ? `${meta.title}: handout` : meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.description) pdf.setSubject(meta.description);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('deck-toolkit');
  pdf.setProducer('deck-toolkit with Chromium');
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}

export async function exportPdf(options: PdfOptions): Promise<PdfResult> {
  const progress = options.progress ?? (() => {});
  const out = resolve(options.out);
  progress('loading deck');
  // A fresh build beside the system's temp files: never stale, and the user's dist/ is left alone.
  const buildDir = await mkdtemp(join(tmpdir(), 'deck-pdf-'));
  const undo = onInterrupt(() => rmSync(buildDir, { recursive: true, force: true }));
  try {
    const built = await buildDecks([options.deck], { outDir: join(buildDir, 'dist'), publicDir: 'public' });
    if (hasErrors(built.diagnostics) || !built.decks[0]) return { file: out, pages: 0, diagnostics: built.diagnostics };
    const deck = built.decks[0];
    const page = pathToFileURL(join(built.outDir, deck.name, 'index.html'));
    const { width, height } = deck.rendered.revealConfig as { width: number; height: number };
    page.search = `?print-pdf&margin=0&pdfSeparateFragments=${options.fragments && !options.handout ? 'true' : 'false'}`;

    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(String(error)));
      await tab.addInitScript(() => {
        const ready = new Promise<void>((done) => document.addEventListener('pdf-ready', () => done(), { once: true }));
        (window as unknown as { deckPdfReady: Promise<void> }).deckPdfReady = ready;
      });
      await tab.goto(page.href);
      await tab
        .waitForFunction(
          () => (window as unknown as { deckPdfReady: Promise<void> }).deckPdfReady.then(() => true),
          undefined,
          {
            timeout: READY_TIMEOUT,
          },
        )
        .catch(() => {
          throw new DeckError(
            'IO',
            `reveal.js did not finish its print layout within ${READY_TIMEOUT / 1000} s${errors.length ? `: ${errors[0]}` : ''}`,
          );
        });
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      const count = await tab.evaluate(() => document.querySelectorAll('.reveal .slides .pdf-page').length);
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
          paper,
          css: HANDOUT_CSS,
        };
        if (deck.rendered.meta.description) input.description = deck.rendered.meta.description;
        await tab.evaluate(layoutHandout, input);
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        bytes = await tab.pdf({
          format: paper,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footer(deck.rendered.meta.title),
          margin: { top: '14mm', bottom: '16mm', left: '15mm', right: '15mm' },
        });
      } else {
        bytes = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      }
      progress(`writing ${out}`);
      const final = await setMetadata(bytes, deck, options.handout ?? false);
      await writeFile(out, final.bytes);
      return { file: out, pages: final.pages, diagnostics: built.diagnostics };
    } finally {
      await browser.close();
    }
  } finally {
    await rm(buildDir, { recursive: true, force: true });
    undo();
  }
}

function footer(title: string): string {
  const safe = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="font: 8pt Arial, sans-serif; color: #4a5361; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;"><span>${safe}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}
