// PowerPoint export of the flagship deck and the comparison fixtures, in real Chromium, read back
// from the file's XML: every slide, every text editable, the notes, tables, the Venn's shapes.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPptx, type PptxResult } from '../../src/commands/pptx.js';
import { parseDeck } from '../../src/parse/index.js';
import { projectAt } from '../../src/platform/paths.js';
import { renderDeck } from '../../src/render/index.js';
import { markdownOf, REPO } from '../helpers.js';

const FLAGSHIP = 'slides/leadership-vs-management.md';
const COMPARE = 'tests/fixtures/decks/compare.md';
const dir = mkdtempSync(join(tmpdir(), 'deck-pptx-test-'));

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const decodeXml = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Presentation {
  slides: string[];
  notes: string[];
  core: string;
  presentation: string;
}

/** The slides' and notes' XML, in the presentation's order. */
async function open(file: string): Promise<Presentation> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const count = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  const text = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const slides = await Promise.all(numbers.map((n) => text(`ppt/slides/slide${n}.xml`)));
  // Each slide names its notes page in its relationships.
  const notes = await Promise.all(
    numbers.map(async (n) => {
      const rels = await text(`ppt/slides/_rels/slide${n}.xml.rels`);
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      return target ? text(`ppt/notesSlides/${target}`) : '';
    }),
  );
  return { slides, notes, core: await text('docProps/core.xml'), presentation: await text('ppt/presentation.xml') };
}

/** The text of a piece of DrawingML, paragraphs joined by spaces. */
const textOf = (xml: string) =>
  squash(
    decodeXml(
      xml
        .split(/<\/a:p>/)
        .map((p) => [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''))
        .join(' '),
    ),
  );

/** What each slide of a deck says on screen, block by block, from its HTML. */
function visibleTexts(file: string): string[][] {
  const html = renderDeck(parseDeck(readFileSync(file, 'utf8'), file)).sectionsHtml;
  const sections = html
    .split(/<section/)
    .slice(1)
    // A stack's own tag holds its slides and nothing of its own.
    .filter((section) => !/^[^>]*>\s*$/.test(section));
  return sections.map((section) => {
    const shown = section
      .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
      .replace(/<span class="sr-only">[\s\S]*?<\/span>/g, '')
      .replace(/<(title|desc)[^>]*>[\s\S]*?<\/\1>/g, '');
    return [...shown.matchAll(/<(h[1-6]|p|li|td|th|text)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((match) => squash(decodeXml(match[2]!.replace(/<(ul|ol)[\s\S]*$/, '').replace(/<[^>]+>/g, ''))))
      .filter((text) => text !== '');
  });
}

async function exportDeck(deck: string, name: string, fragments = false): Promise<PptxResult> {
  // The flagship deck's full talk: all of its slides.
  const variant = deck === FLAGSHIP ? { variant: 'full' } : {};
  return exportPptx({ deck, project: REPO, out: join(dir, name), fragments, ...variant });
}

describe('deck pptx: the flagship deck', () => {
  let result: PptxResult;
  let pptx: Presentation;
  const source = readFileSync(FLAGSHIP, 'utf8');
  const deck = parseDeck(source, FLAGSHIP);
  beforeAll(async () => {
    result = await exportDeck(FLAGSHIP, 'flagship.pptx');
    pptx = await open(result.file);
  });

  it('has one slide per slide of the deck', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.slides).toBe(deck.slides.length);
    expect(pptx.slides).toHaveLength(deck.slides.length);
  });

  it('has every text of every slide as editable text on that slide, and no slide that is only a picture', () => {
    const expected = visibleTexts(FLAGSHIP);
    expect(expected).toHaveLength(pptx.slides.length);
    expected.forEach((texts, i) => {
      const slide = textOf(pptx.slides[i]!);
      expect(slide, `slide ${i + 1}`).not.toBe('');
      for (const text of texts) expect(slide, `slide ${i + 1}`).toContain(text);
    });
  });

  it('puts each title in the title placeholder, and each block in one text box', () => {
    pptx.slides.forEach((slide, i) => {
      expect(slide, `slide ${i + 1}`).toMatch(/<p:ph\s[^>]*type="title"/);
    });
    // The three bullets of slide 2 are paragraphs of one box, with real bullets.
    const bullets = pptx.slides[1]!.split('<p:sp>').filter((shape) => shape.includes('<a:buChar'));
    expect(bullets).toHaveLength(1);
    expect(bullets[0]!.match(/<a:buChar/g)!.length).toBeGreaterThanOrEqual(5);
    // A paragraph's properties come first in it, once, however many runs it has.
    for (const slide of pptx.slides) expect(slide).not.toMatch(/<\/a:r><a:pPr/);
  });

  it('has the notes of every slide as plain text, after the planned time', () => {
    deck.slides.forEach((slide, i) => {
      // Quotation marks straight: the notes are set with curly ones.
      const notes = textOf(pptx.notes[i]!).replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
      const written = squash(markdownOf(source, slide.notes).replace(/\*\*|__|[*_`]/g, ''));
      const firstSentence = /^.+?[.!?](?=\s|$)/.exec(written)?.[0] ?? '';
      expect(firstSentence, `slide ${i + 1}`).not.toBe('');
      expect(notes, `slide ${i + 1}`).toContain(firstSentence);
      expect(notes, `slide ${i + 1}`).toMatch(/^Planned time: \d+:\d\d /);
      expect(notes).not.toMatch(/\*\*|<p>/);
    });
  });

  it('makes tables of Markdown tables and of paired rows, with a header row', () => {
    const glance = pptx.slides.find((slide) => textOf(slide).startsWith('Three differences at a glance'))!;
    expect(glance).toContain('<a:tbl>');
    expect(textOf(glance)).toContain('Management Leadership Keeps people aligned with the vision Sets the vision');
    const pairs = pptx.slides.filter((slide) => textOf(slide).startsWith('Difference 3'));
    expect(pairs.length).toBeGreaterThan(0);
    for (const slide of pairs) expect(slide).toContain('<a:tbl>');
  });

  it('draws the Venn as two ellipses that let each other show through, with its groups as text', () => {
    const venn = pptx.slides.find((slide) => textOf(slide).startsWith('The same lists as a Venn'))!;
    expect(venn.match(/prst="ellipse"/g)).toHaveLength(2);
    expect(venn.match(/<a:alpha val="\d+"\/>/g)?.length).toBeGreaterThanOrEqual(2);
    const shapes = venn.split('<p:sp>').map(textOf);
    expect(shapes).toContain('Communication Motivation Delegation');
    expect(shapes).toContain('Management');
    expect(shapes).toContain('Leadership');
  });

  it('marks the shared items of a comparison as on screen', () => {
    const skills = pptx.slides.find((slide) => textOf(slide).startsWith('ProjectManager’s top 10 skills'))!;
    expect(textOf(skills)).toContain('Communication ◆');
    expect(skills).toMatch(/<a:highlight>/);
  });

  // LibreOffice is not needed to export, and CI does not install it: where it is, it opens the file.
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
  it.skipIf(!soffice)(
    'opens in LibreOffice Impress, one page per slide',
    async () => {
      // A profile of its own: another LibreOffice running at the same time would hold the usual one.
      const profile = pathToFileURL(join(dir, 'libreoffice-profile')).href;
      const args = [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        result.file,
      ];
      execFileSync(soffice!, args, {
        stdio: 'ignore',
        timeout: 120_000,
      });
      const pdf = readFileSync(join(dir, 'flagship.pdf'), 'latin1');
      expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(deck.slides.length);
    },
    150_000,
  );

  it('sets title, author, description, sections and the language', () => {
    expect(pptx.core).toContain('<dc:title>Leadership vs Management</dc:title>');
    expect(pptx.core).toContain('<dc:creator>Training team</dc:creator>');
    expect(pptx.core).toContain('<dc:subject>A session for new and aspiring team leads');
    const sections = [...pptx.presentation.matchAll(/<p14:section name="([^"]*)"/g)].map((m) => m[1]);
    expect(sections).toEqual([
      'Leadership vs Management',
      'Three key differences',
      'The skills behind each role',
      'Over to you',
    ]);
    expect(pptx.slides[0]).toMatch(/lang="en"/);
  });
});

describe('deck pptx: the comparison layouts', () => {
  let pptx: Presentation;
  let fragments: Presentation;
  beforeAll(async () => {
    pptx = await open((await exportDeck(COMPARE, 'compare.pptx')).file);
    fragments = await open((await exportDeck(COMPARE, 'compare-fragments.pptx', true)).file);
  });

  it('keeps every text of every layout, in its final state', () => {
    const expected = visibleTexts(COMPARE);
    expect(pptx.slides).toHaveLength(expected.length);
    expected.forEach((texts, i) => {
      for (const text of texts) expect(textOf(pptx.slides[i]!), `slide ${i + 1}`).toContain(text);
    });
    expect(pptx.slides[3]).toContain('<a:tbl>');
    expect(textOf(pptx.slides[3]!)).toContain('focuses on systems and structure focuses on people');
  });

  it('makes one slide per fragment step with --fragments', () => {
    expect(fragments.slides.length).toBeGreaterThan(pptx.slides.length);
    // The paired rows appear one by one: the first step has the header row only.
    const steps = fragments.slides.filter((slide) => textOf(slide).startsWith('Paired rows'));
    expect(steps.length).toBeGreaterThan(1);
    expect(textOf(steps[0]!)).not.toContain('administers');
    expect(textOf(steps.at(-1)!)).toContain('focuses on people');
  });
});

describe('deck pptx: another canvas, and tables with merged cells', () => {
  it('makes slides of the canvas shape, and tables with their merged cells', async () => {
    const project = mkdtempSync(join(tmpdir(), 'deck-pptx-canvas-'));
    const table =
      '<table><tr><th colspan="2">Both</th><th>One</th></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>';
    writeFileSync(
      join(project, 'square.md'),
      `---\ntitle: Square\nreveal:\n  width: 960\n  height: 720\n---\n\n# Merged\n\n${table}\n\nNote:\nA 4:3 deck.\n`,
    );
    const file = join(dir, 'square.pptx');
    await exportPptx({ deck: join(project, 'square.md'), project: projectAt(project), out: file });
    const pptx = await open(file);
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(pptx.presentation)!;
    expect(Number(size[1]) / Number(size[2])).toBeCloseTo(4 / 3, 2);
    expect(pptx.slides[0]!.match(/<a:gridCol /g)).toHaveLength(3);
    expect(pptx.slides[0]).toMatch(/gridSpan="2"/);
    expect(textOf(pptx.slides[0]!)).toContain('Both One a b c');
  });
});

describe('deck pptx: decks people write', () => {
  const slides = [
    // 1: characters XML does not allow, in a title, code and the notes
    '# Title \u0001 with a control\n\n```\nprintf "\u001b[0m"\n```\n\nNote:\nBell \u0007 here.',
    // 2, 3: two section slides with the same title
    '<!-- .slide: class="section" -->\n\n# Part',
    '<!-- .slide: class="section" -->\n\n# Part',
    // 4: a table whose cell spans more rows than there are, and a line break and hidden text in a cell
    '## Spans\n\n<table><tr><td rowspan="5">tall</td><td>one<br>two</td></tr><tr><td><span class="sr-only">unseen</span>seen</td></tr></table>',
    // 5: structure inside text
    '## Inside text\n\n<div style="display: contents"><p>In contents</p></div>\n\n<div>Lead text <ul><li>Listed in a div</li></ul></div>\n\n<p>Before<span style="display: block">On a line</span>After</p>\n\n<p>Shown <span style="display: none">SECRET</span></p>',
    // 6: lists numbered from 3, a list wrapped in a div inside an item, a picture in a heading
    '## Lists\n\n3. third\n4. fourth\n\n<ul><li>Outer <div><ul><li>Wrapped</li></ul></div></li></ul>\n\n### Logo <img src="img/team.png" alt="">',
    // 7: notes with a paragraph, a numbered list, a loose list, and plain text
    '## Notes\n\nNote:\nSay this first.\n\n1. one\n2. two\n\n- loose a\n\n  more of a\n\n- loose b',
    // 8: a square picture shown in a wide box, cropped by object-fit
    '## Cropped\n\n<img src="img/team.png" alt="Cropped" style="width: 300px; height: 100px; object-fit: cover">',
  ];
  let pptx: Presentation;
  let media: string[];
  let cropped: Uint8Array;
  beforeAll(async () => {
    const project = mkdtempSync(join(tmpdir(), 'deck-pptx-odd-'));
    mkdirSync(join(project, 'img'));
    writeFileSync(
      join(project, 'img/team.png'),
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNgYGD4z8DAwMDAxMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    writeFileSync(join(project, 'odd.md'), `---\ntitle: Odd\nhtml: true\n---\n\n${slides.join('\n\n---\n\n')}\n`);
    const file = join(dir, 'odd.pptx');
    const result = await exportPptx({ deck: join(project, 'odd.md'), project: projectAt(project), out: file });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pptx = await open(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    media = Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/'));
    const rels = await zip.file('ppt/slides/_rels/slide8.xml.rels')!.async('string');
    const target = /Target="\.\.\/media\/([^"]+)"/.exec(rels)![1]!;
    cropped = await zip.file(`ppt/media/${target}`)!.async('uint8array');
  });

  it('writes well-formed XML when the text holds control characters, and keeps the rest of the text', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML does not allow
    const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
    for (const xml of [...pptx.slides, ...pptx.notes]) expect(xml).not.toMatch(notInXml);
    expect(textOf(pptx.slides[0]!)).toContain('Title with a control');
    expect(textOf(pptx.notes[0]!)).toContain('Bell here.');
  });

  it('gives sections of the same title names of their own, each holding its slides', () => {
    const sections = [...pptx.presentation.matchAll(/<p14:section name="([^"]*)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['Odd', 'Part', 'Part (2)']);
  });

  it('keeps a table whole: spans within the table, line breaks, and no hidden text', () => {
    const table = pptx.slides[3]!;
    expect(table).toContain('rowSpan="2"');
    expect(table).not.toMatch(/rowSpan="[3-9]"/);
    expect(textOf(table)).not.toContain('unseen');
    expect(table).toMatch(/one<\/a:t>[\s\S]*two/);
  });

  it('finds text in every structure, each block on its own lines, and leaves out what is hidden', () => {
    const inside = textOf(pptx.slides[4]!);
    for (const text of ['In contents', 'Lead text', 'Listed in a div', 'Before', 'On a line', 'After', 'Shown']) {
      expect(inside).toContain(text);
    }
    expect(inside).not.toContain('SECRET');
    expect(inside).not.toContain('BeforeOn a line');
  });

  it('numbers lists from where they start, finds wrapped sub-lists and pictures in headings', () => {
    const lists = pptx.slides[5]!;
    expect(lists).toMatch(/<a:buAutoNum [^>]*startAt="3"/);
    expect(textOf(lists)).toContain('Wrapped');
    expect(lists).toContain('<p:pic>');
    // A picture without alt text has none, not its file's name.
    expect(lists).toContain('descr=""');
    expect(media.length).toBeGreaterThan(0);
  });

  it('draws a picture shown cropped as the page shows it, not the whole file stretched', () => {
    expect(pptx.slides[7]).toContain('descr="Cropped"');
    // A PNG of the 300x100 box at two device pixels per pixel, not the 2x2 file.
    expect(Buffer.from(cropped.subarray(0, 4)).toString('latin1')).toBe('\x89PNG');
    expect(Buffer.from(cropped).readUInt32BE(16)).toBe(600);
    expect(Buffer.from(cropped).readUInt32BE(20)).toBe(200);
  });

  it('writes notes line by line, numbered as written, nothing twice', () => {
    const notes = /<a:t>([\s\S]*?)<\/a:t>/.exec(pptx.notes[6]!)![1]!.split(/\r?\n/);
    expect(notes).toEqual(['Say this first.', '1. one', '2. two', '• loose a', 'more of a', '• loose b']);
  });
});

describe('deck pptx: a deck with errors', () => {
  it('reports them and writes nothing', async () => {
    const result = await exportDeck('tests/fixtures/bad/missing-image.md', 'broken.pptx');
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(existsSync(join(dir, 'broken.pptx'))).toBe(false);
  });
});

describe('deck pptx: pictures and code', () => {
  /** A PNG of 2x2 pixels. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNgYGD4z8DAwMDAxMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64',
  );
  let pictures: { slides: string[]; media: Record<string, Uint8Array> };
  let code: Presentation;
  beforeAll(async () => {
    const project = mkdtempSync(join(tmpdir(), 'deck-pptx-pictures-'));
    mkdirSync(join(project, 'img'));
    writeFileSync(join(project, 'img/team.png'), PNG);
    copyFileSync('tests/fixtures/decks/img/chart.svg', join(project, 'img/chart.svg'));
    writeFileSync(
      join(project, 'talk.md'),
      '# Pictures\n\nOur team ![The team at work](img/team.png) in March\n\n![Sales by quarter](img/chart.svg)\n\nNote:\nTwo pictures.\n\n---\n\n<!-- .slide: data-background-image="img/chart.svg" -->\n\n## On a picture\n',
    );
    const result = await exportPptx({
      deck: join(project, 'talk.md'),
      project: projectAt(project),
      out: join(dir, 'pictures.pptx'),
    });
    const zip = await JSZip.loadAsync(readFileSync(result.file));
    const media: Record<string, Uint8Array> = {};
    for (const name of Object.keys(zip.files).filter(
      (file) => file.startsWith('ppt/media/') && !zip.files[file]!.dir,
    )) {
      media[name] = await zip.file(name)!.async('uint8array');
    }
    const slides = ['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml'].map((name) => zip.file(name)!.async('string'));
    pictures = { slides: await Promise.all(slides), media };
    code = await open((await exportDeck('tests/fixtures/decks/code-steps.md', 'code.pptx')).file);
  });

  it('shows each picture with its alt text, an SVG as a PNG that PowerPoint shows', () => {
    const slide = pictures.slides[0]!;
    // A picture in a line of text: the text stays text, the picture a picture, each in its place.
    expect(textOf(slide)).toContain('Our team in March');
    const xOf = (xml: string) => Number(/<a:off x="(\d+)"/.exec(xml)![1]);
    const widthOf = (xml: string) => Number(/<a:ext cx="(\d+)"/.exec(xml)![1]);
    const before = slide.split('<p:sp>').find((shape) => textOf(shape) === 'Our team')!;
    const after = slide.split('<p:sp>').find((shape) => textOf(shape) === 'in March')!;
    const picture = slide.split('<p:pic>').find((shape) => shape.includes('descr="The team at work"'))!;
    // Within half a pixel (9525 EMU a pixel): text sizes that fit a slide are fractional.
    expect(xOf(before) + widthOf(before)).toBeLessThanOrEqual(xOf(picture) + 4763);
    expect(xOf(after)).toBeGreaterThanOrEqual(xOf(picture) + widthOf(picture) - 4763);
    expect(slide.match(/<p:pic>/g)).toHaveLength(2);
    expect(slide).toContain('descr="The team at work"');
    expect(slide).toContain('descr="Sales by quarter"');
    const files = Object.entries(pictures.media);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const [name, bytes] of files) {
      expect(name).not.toMatch(/\.svg$/);
      expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('\x89PNG');
    }
    // The PNG goes in as it is; the SVG as a picture of it, at two device pixels per pixel of the canvas.
    expect(files.some(([, bytes]) => Buffer.from(bytes).equals(PNG))).toBe(true);
    const drawn = files.find(([, bytes]) => !Buffer.from(bytes).equals(PNG))![1];
    const pixelWidth = Buffer.from(drawn).readUInt32BE(16);
    const chart = /descr="Sales by quarter"[\s\S]*?<a:ext cx="(\d+)"/.exec(slide)!;
    const canvasWidth = (Number(chart[1]) / 914400) * (1280 / 13.333);
    expect(Math.abs(pixelWidth - 2 * canvasWidth)).toBeLessThan(4);
  });

  it('puts a background picture behind the slide, and its text on top as text', () => {
    const [plain, pictured] = pictures.slides;
    expect(pictured).toMatch(/<p:bg><p:bgPr><a:blipFill/);
    expect(plain).toMatch(/<p:bg><p:bgPr><a:solidFill>/);
    expect(textOf(pictured!)).toBe('On a picture');
  });

  it('sets code in a monospace font, line by line, with its highlighted colours', () => {
    const slide = code.slides[0]!;
    expect(textOf(slide)).toContain('function add(a, b) {');
    expect(textOf(slide)).toContain('return sum;');
    expect(slide).toContain('typeface="Consolas"');
    const colours = new Set([...slide.matchAll(/<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => m[1]));
    expect(colours.size).toBeGreaterThanOrEqual(4);
  });
});
