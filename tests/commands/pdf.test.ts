// PDF export of the flagship deck, in real Chromium, read back with a PDF library: nothing lost,
// every page where it belongs.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfResult } from '../../src/commands/pdf.js';
import { compileDecks } from '../../src/compile/compile.js';
import { DeckError } from '../../src/errors.js';
import { parseDeck } from '../../src/parse/index.js';
import { clock } from '../../src/wording.js';
import { markdownOf, REPO } from '../helpers.js';
import { deckOfSize, neverLoadingDeck, writeDeck } from './decks.js';

const FILE = 'slides/leadership-vs-management.md';
const SOURCE = readFileSync(FILE, 'utf8');
const deck = parseDeck(SOURCE, FILE);
const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-test-'));

/** Spaces squashed, and quotation marks straight: the source has straight ones, the slides curly. */
const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim();
const plain = (markdown: string) => squash(markdown.replace(/\*\*|__|[*_`]/g, '').replace(/^#+\s*/gm, ''));
const headings = deck.slides.map((s) => plain(/^#{1,2} (.+)$/m.exec(markdownOf(SOURCE, s.body))?.[1] ?? ''));
const firstSentences = deck.slides.map((s) => /^.+?[.!?](?=\s|$)/.exec(plain(markdownOf(SOURCE, s.notes)))?.[0] ?? '');

async function read(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return { pages: text.map(squash), pdf };
}

/** The names of the fonts a PDF embeds (its /FontName entries, without the subset tag). */
const embeddedFonts = (pdf: string) => [
  ...new Set([...pdf.matchAll(/\/FontName\s*\/(?:[A-Z]{6}\+)?([^\s/>]+)/g)].map((match) => match[1]!)),
];

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
    // The full talk: all of the deck's slides.
    variant: 'full',
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

/** The flagship's full talk as compiled: each slide's planned start and length, as the handout words them. */
async function fullTalkPlan(): Promise<string[]> {
  const { decks } = await compileDecks([FILE], REPO, { variant: 'full' });
  let start = 0;
  return decks[0]!.rendered.slides.map((slide) => {
    const plan = `starts ${clock(start)} · ${clock(slide.timing ?? 0)}`;
    start += slide.timing ?? 0;
    return plan;
  });
}

/** The page (0-based) that holds `text`, from `from` on; -1 when none does. */
const pageWith = (pages: string[], text: string, from = 0) =>
  pages.findIndex((page, i) => i >= from && page.includes(text));

describe('deck pdf --handout', () => {
  it.each(['a4', 'letter'] as const)(
    "puts every slide with its plan and the start of its notes on %s paper, in the theme's font",
    async (paper) => {
      const result = await exportDeck(`handout-${paper}.pdf`, { handout: 'trainer', paper });
      const { pages, pdf } = await read(result.file);
      const size = pdf.getPage(0).getSize();
      // A4 is 595.3 x 841.9 pt, Letter 612 x 792; Chromium rounds to its own units.
      const [width, height] = paper === 'a4' ? [595.3, 841.9] : [612, 792];
      for (const page of pdf.getPages()) {
        expect(Math.abs(page.getSize().width - width)).toBeLessThan(1);
        expect(Math.abs(page.getSize().height - height)).toBeLessThan(1);
      }
      expect(size.width).toBeLessThan(size.height);
      expect(pdf.getTitle()).toBe('Leadership vs Management: handout');
      expect(pages[0]).toContain('Leadership vs Management');
      expect(pages[0]).toContain('Training team · 2026-12-01 · full version · 40 minutes · 21 slides');
      const plan = await fullTalkPlan();
      expect(plan[0]).toBe('starts 0:00 · 2:00');
      let page = 1;
      deck.slides.forEach((_, i) => {
        const label = `Slide ${i + 1} of 21`;
        page = pageWith(pages, label, page);
        expect(page, `${label} is on a page`).toBeGreaterThan(0);
        expect(pages[page]?.toLowerCase(), label).toContain(headings[i]?.toLowerCase());
        expect(pages[page], `${label}: its plan`).toContain(plan[i]);
        const notes = `${pages[page]} ${pages[page + 1] ?? ''}`;
        expect(notes, `${label}: first sentence of its notes`).toContain(firstSentences[i]);
      });
      // Three to a page at most, after the cover; the flagship's long notes take more room.
      expect(pages.length).toBeGreaterThanOrEqual(1 + 21 / 3);
      expect(pages.length).toBeLessThanOrEqual(1 + 21);
      for (const [i, text] of pages.entries()) expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      // Every line in the theme's font (Atkinson Hyperlegible in the default theme), none in the browser's own.
      const fonts = embeddedFonts(readFileSync(result.file, 'latin1'));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => /Arial|Helvetica|Times|DejaVu|Liberation/i.test(font))).toEqual([]);
    },
  );
});

describe('deck pdf --handout participants', () => {
  let pages: string[];
  let pdf: PDFDocument;
  beforeAll(async () => {
    const result = await exportDeck('participants.pdf', { handout: 'participants' });
    ({ pages, pdf } = await read(result.file));
  });

  it('puts three slides on each page after the cover, with ruled lines and no speaker notes', () => {
    expect(pages).toHaveLength(1 + Math.ceil(21 / 3));
    expect(pdf.getTitle()).toBe('Leadership vs Management: participants’ handout');
    for (let i = 0; i < 21; i++) {
      expect(pages[1 + Math.floor(i / 3)], `slide ${i + 1}`).toContain(`Slide ${i + 1} of 21`);
    }
    for (const sentence of firstSentences) expect(pages.join(' ')).not.toContain(sentence);
    expect(pages.join(' ')).not.toMatch(/\bstarts \d+:\d\d/);
  });

  it("shows a slide's Handout: text beside it", () => {
    const exercise = pageWith(pages, 'Exercise: your skill profile');
    expect(pages[exercise]).toContain('Exercise: your skill profile (five minutes)');
    expect(pages[exercise]).toContain(
      'In pairs, two minutes each: tell your partner what you picked and why, then swap.',
    );
  });
});

describe('deck pdf --handout with notes longer than a page', () => {
  // A slide whose notes are fourteen paragraphs, and one whose notes are a single paragraph of
  // 1,500 numbered words: both go on over the following pages, every word of them kept.
  const paragraph = (n: number) =>
    `Paragraph ${n} begins here. ${'The trainer tells a story from practice and asks the room what they would do. '.repeat(4)}Paragraph ${n} ends here.`;
  const words = Array.from({ length: 1500 }, (_, i) => `w${i + 1}`).join(' ');
  const long = writeDeck({
    'long-notes.md': `---\ntitle: Long notes\nduration: 30\n---\n\n# Many paragraphs\n\nNote:\n${Array.from({ length: 14 }, (_, i) => paragraph(i + 1)).join('\n\n')}\n\n---\n\n## One long paragraph\n\nNote: ${words}\n\n---\n\n## Short\n\nNote: Short.\n\nHandout: Read this at home.\n`,
  });
  let pages: string[];
  beforeAll(async () => {
    const result = await exportPdf({ deck: long, project: REPO, out: join(dir, 'long.pdf'), handout: 'trainer' });
    ({ pages } = await read(result.file));
  });

  it('goes on under "(continued)" on the next page, saying so at the foot of the page before', () => {
    const continued = pages.map((page) => (page.match(/\(continued\)/g) ?? []).length);
    const overleaf = pages.map((page) => (page.match(/continued on the next page/g) ?? []).length);
    expect(continued[0]).toBe(0);
    expect(continued.slice(1, -1).every((count, i) => count >= overleaf[i + 1]! - 1)).toBe(true);
    expect(continued.reduce((a, b) => a + b, 0)).toBe(overleaf.reduce((a, b) => a + b, 0));
    expect(continued.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    for (const [i, page] of pages.entries()) {
      if (continued[i]! > 0)
        expect(page).toMatch(/Slide [12] of 3 · (Many paragraphs|One long paragraph) \(continued\)/);
    }
  });

  it('keeps every paragraph and every word, in order', () => {
    const text = pages.join(' ');
    for (let n = 1; n <= 14; n++) {
      expect(text.indexOf(`Paragraph ${n} ends here.`)).toBeGreaterThan(text.indexOf(`Paragraph ${n} begins here.`));
    }
    const found = [...text.matchAll(/\bw(\d+)\b/g)].map((match) => Number(match[1]));
    expect(found).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
  });

  it("keeps the short slide whole, and its Handout: text out of the trainer's handout", () => {
    const last = pages[pages.length - 1]!;
    expect(last).toContain('Slide 3 of 3 · Short');
    expect(last).toContain('Short.');
    expect(pages.join(' ')).not.toContain('Read this at home.');
  });
});

describe('deck pdf --handout participants of a deck that prints its notes', () => {
  it('has no speaker notes even when reveal.js is asked to show them', async () => {
    const shown = writeDeck({
      'shown-notes.md':
        '---\ntitle: Shown notes\nreveal:\n  showNotes: true\n---\n\n# One\n\nNote: A secret for the trainer.\n\nHandout: For the room.\n',
    });
    const result = await exportPdf({
      deck: shown,
      project: REPO,
      out: join(dir, 'shown.pdf'),
      handout: 'participants',
    });
    const { pages } = await read(result.file);
    expect(pages.join(' ')).not.toContain('secret');
    expect(pages.join(' ')).toContain('For the room.');
  });
});

/** The PDF's bookmarks, nested as in the file: each title with the ones under it. */
interface Bookmark {
  title: string;
  items: Bookmark[];
}

async function structureOf(file: string) {
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const bookmarks = ((await document.getOutline()) ?? []) as Bookmark[];
  const outline = (items: Bookmark[]): unknown[] =>
    items.map((item) => (item.items.length > 0 ? [item.title, outline(item.items)] : item.title));
  /** Each page's structure elements (H1, P, L, …), in reading order. */
  const roles = async (pageNumber: number) => {
    const found: string[] = [];
    const walk = (node: { role?: string; children?: unknown[] } | null | undefined) => {
      if (!node) return;
      if (node.role && !['NonStruct', 'Root', 'Document'].includes(node.role)) found.push(node.role);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(await (await document.getPage(pageNumber)).getStructTree());
    return found;
  };
  return { outline: outline(bookmarks), markInfo: await document.getMarkInfo(), roles, pages: document.numPages };
}

describe('deck pdf: a tagged document with an outline', () => {
  const OUTLINE = 'tests/fixtures/decks/outline.md';

  it('the flagship: one bookmark per slide title, in order, and a tagged structure in its language', async () => {
    const file = join(dir, 'slides.pdf');
    if (!existsSync(file)) await exportDeck('slides.pdf', {});
    const { outline, markInfo, roles } = await structureOf(file);
    expect(markInfo?.Marked).toBe(true);
    // Case aside: quote slides set their heading in capitals, and the outline has the printed text.
    expect(outline.map((title) => squash(String(title)).toLowerCase())).toEqual(headings.map((h) => h.toLowerCase()));
    const bytes = readFileSync(file);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain('en');
    // The comparison slide: its title a heading, its column headings text, its items a list.
    const compare = await roles(headings.indexOf("ProjectManager's top 10 skills") + 1);
    expect(compare.filter((role) => /^H\d$/.test(role))).toEqual(['H1']);
  });

  it('nests vertical slides, skips untitled slides, and keeps other headings out of it', async () => {
    const result = await exportPdf({ deck: OUTLINE, project: REPO, out: join(dir, 'outline.pdf') });
    const { outline, markInfo, roles, pages } = await structureOf(result.file);
    expect(pages).toBe(6);
    expect(markInfo?.Marked).toBe(true);
    expect(outline).toEqual(['Opening', ['Stack top', ['Below the top']], 'After a picture', 'Closing']);
    expect(await roles(3)).toEqual(['H2', 'P', 'P']);
    expect(await roles(4)).toEqual(['P']);
    const pdf = await PDFDocument.load(readFileSync(result.file), { updateMetadata: false });
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain('de');
    expect(pdf.getTitle()).toBe('Structure for screen readers');
    expect(pdf.getAuthor()).toBe('Outline tester');
  });

  it('gives a slide printed once per fragment step one bookmark', async () => {
    const result = await exportPdf({
      deck: OUTLINE,
      project: REPO,
      out: join(dir, 'outline-fragments.pdf'),
      fragments: true,
    });
    const { outline, pages } = await structureOf(result.file);
    expect(pages).toBe(8);
    expect(outline).toEqual(['Opening', ['Stack top', ['Below the top']], 'After a picture', 'Closing']);
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
