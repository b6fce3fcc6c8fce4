// PDF export of the flagship deck, in real Chromium, read back with a PDF library: nothing lost,
// every page where it belongs.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfResult } from '../../src/commands/pdf.js';
import { DeckError } from '../../src/errors.js';
import { parseDeck } from '../../src/parse/index.js';
import { markdownOf, REPO } from '../helpers.js';
import { deckOfSize, neverLoadingDeck } from './decks.js';

const FILE = 'slides/leadership-vs-management.md';
const SOURCE = readFileSync(FILE, 'utf8');
const deck = parseDeck(SOURCE, FILE);
const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-test-'));

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const plain = (markdown: string) => squash(markdown.replace(/\*\*|__|[*_`]/g, '').replace(/^#+\s*/gm, ''));
const headings = deck.slides.map((s) => plain(/^#{1,2} (.+)$/m.exec(markdownOf(SOURCE, s.body))?.[1] ?? ''));
const firstSentences = deck.slides.map((s) => /^.+?[.!?](?=\s|$)/.exec(plain(markdownOf(SOURCE, s.notes)))?.[0] ?? '');

async function read(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return { pages: text.map(squash), pdf };
}

const progress: string[][] = [];
async function exportDeck(
  name: string,
  options: { fragments?: boolean; handout?: 'trainer' | 'participants'; paper?: 'a4' | 'letter' },
): Promise<PdfResult> {
  const lines: string[] = [];
  progress.push(lines);
  return exportPdf({
    deck: FILE,
    project: REPO,
    out: join(dir, name),
    progress: (line) => lines.push(line),
    ...options,
  });
}

describe('deck pdf: slides', () => {
  let result: PdfResult;
  let pages: string[];
  let pdf: PDFDocument;
  /** The temporary folder of this export: it must be left as it was found, empty. */
  const temporary = mkdtempSync(join(tmpdir(), 'deck-pdf-tmp-'));
  beforeAll(async () => {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      result = await exportDeck('slides.pdf', {});
    } finally {
      process.env.TMPDIR = before;
    }
    ({ pages, pdf } = await read(result.file));
  });

  it("leaves nothing in the temporary folder, the browser's own files included", () => {
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('has one 16:9 page per slide at exactly the slide size', () => {
    expect(result.pages).toBe(deck.slides.length);
    expect(pdf.getPageCount()).toBe(21);
    for (const page of pdf.getPages()) expect(page.getSize()).toEqual({ width: 960, height: 540 });
  });

  it('carries the title and author', () => {
    expect(pdf.getTitle()).toBe('Leadership vs Management');
    expect(pdf.getAuthor()).toBe('Training team');
  });

  it('has every slide heading as text on its own page', () => {
    // Case aside: quote slides set their heading in capitals.
    for (const [i, heading] of headings.entries()) {
      expect(pages[i]?.toLowerCase(), `page ${i + 1}`).toContain(heading.toLowerCase());
    }
  });

  it('keeps comparison layouts as text, Venn diagram included', () => {
    const venn = pages[headings.indexOf('The same lists as a Venn')]!;
    for (const skill of ['Commercial awareness', 'Communication', 'Trustworthiness']) expect(venn).toContain(skill);
  });

  it('said what it was doing', () => {
    expect(progress[0]).toEqual(['loading deck', 'laying out 21 slides', `writing ${result.file}`]);
  });
});

describe('deck pdf --fragments', () => {
  it('has one page per fragment step, in reading order', async () => {
    const result = await exportDeck('fragments.pdf', { fragments: true });
    const { pages } = await read(result.file);
    // The Bennis pairs slide has three steps: the empty table, then a row at a time.
    expect(pages).toHaveLength(21 + 3);
    const bennis = headings.indexOf('Difference 3: Organizing vs aligning');
    const steps = pages.slice(bennis, bennis + 4);
    expect(
      steps.map((p) => ['administers', 'maintains', 'focuses on systems'].filter((row) => p.includes(row)).length),
    ).toEqual([0, 1, 2, 3]);
    expect(pages[bennis + 4]?.toLowerCase()).toContain(headings[bennis + 1]?.toLowerCase());
  });
});

describe('deck pdf --handout', () => {
  it.each(['a4', 'letter'] as const)('puts every slide with the start of its notes on %s paper', async (paper) => {
    const result = await exportDeck(`handout-${paper}.pdf`, { handout: 'trainer', paper });
    const { pages, pdf } = await read(result.file);
    const size = pdf.getPage(0).getSize();
    // A4 is 595.3 x 841.9 pt, Letter 612 x 792; Chromium rounds to its own units.
    const [width, height] = paper === 'a4' ? [595.3, 841.9] : [612, 792];
    expect(Math.abs(size.width - width)).toBeLessThan(1);
    expect(Math.abs(size.height - height)).toBeLessThan(1);
    expect(pdf.getTitle()).toBe('Leadership vs Management: handout');
    expect(pages[0]).toContain('Leadership vs Management');
    expect(pages[0]).toContain('Training team · 2026-12-01 · 40 minutes · 21 slides');
    let page = 1;
    deck.slides.forEach((_, i) => {
      const label = `Slide ${i + 1} of 21`;
      while (page < pages.length && !pages[page]!.includes(label)) page++;
      expect(page, `${label} is on a page`).toBeLessThan(pages.length);
      expect(pages[page]?.toLowerCase(), label).toContain(headings[i]?.toLowerCase());
      const notes = `${pages[page]} ${pages[page + 1] ?? ''}`;
      expect(notes, `${label}: first sentence of its notes`).toContain(firstSentences[i]);
    });
    for (const [i, text] of pages.entries()) expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
  });
});

describe("deck pdf: the deck's own canvas", () => {
  it('prints a 1920x1080 deck on pages of that size (1440x810 pt)', async () => {
    const result = await exportPdf({ deck: deckOfSize(1920, 1080), project: REPO, out: join(dir, 'wide.pdf') });
    const { pdf } = await read(result.file);
    expect(pdf.getPages().map((page) => page.getSize())).toEqual([
      { width: 1440, height: 810 },
      { width: 1440, height: 810 },
    ]);
  });
});

describe.runIf(process.platform !== 'win32')('deck pdf: a deck page that never finishes loading', () => {
  it('fails in time, naming what it still waits for, and writes nothing', async () => {
    const { deck, never } = neverLoadingDeck();
    const out = join(dir, 'never.pdf');
    const limits = { load: 500, ready: 500, print: 5000 };
    const failure = await exportPdf({ deck, project: REPO, out, limits }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeckError);
    expect(failure).toMatchObject({ code: 'PAGE' });
    expect((failure as DeckError).message).toMatch(
      // What else is still loading waits behind the file that never comes: the fonts, say.
      new RegExp(
        `^file:///.+/index\\.html\\?print-pdf\\S* did not finish loading within 0.5 s; still loading .*${never}`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe.runIf(existsSync('/usr/lib/chromium/chromium-headless-shell') && existsSync('/usr/bin/chromium'))(
  'deck pdf with the headless shell',
  () => {
    it('prints the same pages, text and sizes as the full browser', async () => {
      const shell = await exportDeck('shell.pdf', {});
      const saved = process.env.CHROME_PATH;
      process.env.CHROME_PATH = '/usr/bin/chromium';
      let browser: PdfResult;
      try {
        browser = await exportDeck('browser.pdf', {});
      } finally {
        if (saved === undefined) delete process.env.CHROME_PATH;
        else process.env.CHROME_PATH = saved;
      }
      const [fromShell, fromBrowser] = [await read(shell.file), await read(browser.file)];
      expect(fromShell.pages).toEqual(fromBrowser.pages);
      const sizes = (pdf: PDFDocument) => pdf.getPages().map((page) => page.getSize());
      expect(sizes(fromShell.pdf)).toEqual(sizes(fromBrowser.pdf));
    });
  },
);
