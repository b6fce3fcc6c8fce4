// `deck pptx`: an editable PowerPoint file with the speaker notes. The deck is built and opened in
// its print view, where every slide is laid out on a page of the canvas's size; each slide is
// measured there (browser/slide-layout.ts) and rebuilt with pptxgenjs as native objects: a text
// box per block with its runs, tables, ellipses, pictures. Sizes come from the measurement, so
// text set in the deck's fonts fits the boxes PowerPoint draws.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Pptx from 'pptxgenjs';
import { DECK_LIMITS, type DeckLimits, openPrintView } from '../browser/deck-page.js';
import type { Page } from '../browser/driver.js';
import { type Block, type MeasuredSlide, measureSlides, type Paragraph, type Run } from '../browser/slide-layout.js';
import type { CanvasSize } from '../contract.js';
import { labelsFor } from '../labels.js';
import type { CompiledDeck, Diagnostic, Project } from '../model.js';
import { writeFileAtomically } from '../platform/atomic-write.js';
import { plural } from '../wording.js';
import { withBuiltDeck } from './deck-in-browser.js';

export interface PptxOptions {
  /** The deck's Markdown file. */
  deck: string;
  project: Project;
  out: string;
  /** One slide per fragment step instead of the final state of each slide. */
  fragments?: boolean;
  /** The variant to export, for a deck with variants. */
  variant?: string;
  progress?: (line: string) => void;
  limits?: DeckLimits;
}

export interface PptxResult {
  file: string;
  slides: number;
  diagnostics: Diagnostic[];
}

/** The width of every slide, in inches: PowerPoint's widescreen slide (LAYOUT_WIDE) for a 16:9 deck. */
const SLIDE_WIDTH_INCHES = 13.333;
/** Masters are named `Deck <kind>`. */
const MASTER = 'Deck';
const MONOSPACE = 'Consolas';

export async function exportPptx(options: PptxOptions): Promise<PptxResult> {
  const progress = options.progress ?? (() => {});
  const out = resolve(options.out);
  const limits = options.limits ?? DECK_LIMITS;
  progress('loading deck');
  return withBuiltDeck(
    { deck: options.deck, project: options.project, temporaryPrefix: 'deck-pptx-', variant: options.variant },
    async ({ deck, url, canvas, browser, diagnostics }) => {
      // Twice the device pixels: a drawing that becomes a picture stays sharp on a large screen.
      const page = await browser.newPage({ viewport: { ...canvas, deviceScaleFactor: 2 } });
      await openPrintView(page, url, { fragments: options.fragments ?? false }, limits);
      // A PDF waits for pictures as it prints; a screenshot of a background does not.
      await page.waitFor('the background pictures to load', backgroundsLoaded, undefined, { timeout: limits.ready });
      const slides = await page.evaluate(measureSlides);
      progress(`laying out ${plural(slides.length, 'slide')}`);
      const pictures = await picturesOf(page, slides);
      const backgrounds = await backgroundsOf(page, slides, canvas);
      const bytes = await writePresentation(deck, slides, pictures, backgrounds, canvas);
      progress(`writing ${out}`);
      await writeFileAtomically(out, bytes);
      return { file: out, slides: slides.length, diagnostics };
    },
    (diagnostics) => ({ file: out, slides: 0, diagnostics }),
  );
}

/** Resolves once every background picture of the print view has loaded (or failed to). */
function backgroundsLoaded(): Promise<boolean> {
  const urls = [...document.querySelectorAll('.slide-background, .slide-background-content')].flatMap((element) =>
    [...getComputedStyle(element).backgroundImage.matchAll(/url\("?(.*?)"?\)/g)].map((match) => match[1]!),
  );
  const loads = urls.map(
    (url) =>
      new Promise<void>((done) => {
        const image = new Image();
        image.onload = () => done();
        image.onerror = () => done();
        image.src = url;
      }),
  );
  return Promise.all(loads).then(() => true);
}

/** Picture files PowerPoint shows as they are, known by their first bytes (not their name). */
const IMAGE_SIGNATURES: { type: string; signature: number[] }[] = [
  { type: 'image/png', signature: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', signature: [0x47, 0x49, 0x46, 0x38] },
];

/** The type of a picture file PowerPoint shows as it is; undefined for any other file. */
function imageType(bytes: Uint8Array): string | undefined {
  return IMAGE_SIGNATURES.find(({ signature }) => signature.every((byte, i) => bytes[i] === byte))?.type;
}

/**
 * Each picture as data PowerPoint shows: a PNG, JPEG or GIF file shown whole as it is; anything
 * else (SVG, WebP, an inline drawing, a video's frame, a cropped picture) as a PNG of it as the
 * page draws it.
 */
async function picturesOf(page: Page, slides: MeasuredSlide[]): Promise<Map<Block, string>> {
  const pictures = new Map<Block, string>();
  for (const slide of slides) {
    for (const block of slide.blocks) {
      if (block.kind !== 'picture') continue;
      // A picture the page could not load shows nothing there either.
      if (!block.loaded) continue;
      // A file shown cropped or stretched goes in as the page draws it.
      const bytes =
        block.whole && block.src.startsWith('file:')
          ? await readFile(fileURLToPath(block.src)).catch(() => undefined)
          : undefined;
      const type = bytes && imageType(bytes);
      if (bytes && type) {
        pictures.set(block, `${type};base64,${bytes.toString('base64')}`);
        continue;
      }
      const png = await page.screenshot({
        clip: { x: block.box.x, y: slide.top + block.box.y, width: block.box.w, height: block.box.h },
      });
      pictures.set(block, `image/png;base64,${Buffer.from(png).toString('base64')}`);
    }
  }
  return pictures;
}

/**
 * The background of each slide that has a picture or a gradient, as a PNG of it as the page draws
 * it (its size, position and opacity included): the slide's content is hidden meanwhile.
 */
async function backgroundsOf(
  page: Page,
  slides: MeasuredSlide[],
  canvas: CanvasSize,
): Promise<Map<MeasuredSlide, string>> {
  /** Shows or hides what is on page `i` of the print view over its background. */
  const showContent = ([i, shown]: [number, boolean]) => {
    const pageElement = document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')[i];
    // All but the background (the slide, its number); opacity, not visibility: the print view's
    // styles make elements inside visible again.
    for (const child of pageElement?.children ?? []) {
      if (child instanceof HTMLElement && !child.matches('.slide-background')) {
        child.style.setProperty('opacity', shown ? '' : '0', shown ? '' : 'important');
      }
    }
  };
  const backgrounds = new Map<MeasuredSlide, string>();
  for (const [index, slide] of slides.entries()) {
    if (!slide.backgroundPicture) continue;
    await page.evaluate(showContent, [index, false]);
    const png = await page.screenshot({ clip: { x: 0, y: slide.top, width: canvas.width, height: canvas.height } });
    await page.evaluate(showContent, [index, true]);
    backgrounds.set(slide, `image/png;base64,${Buffer.from(png).toString('base64')}`);
  }
  return backgrounds;
}

/** Characters XML does not allow (control characters, lone surrogates): text from a deck may hold them. */
const NOT_IN_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string) => text.replace(NOT_IN_XML, '');

/** A type size in points as PowerPoint takes it: tenths, 1 pt at the least. */
const typeSize = (points: number) => Math.max(1, Math.round((Number.isFinite(points) ? points : 18) * 10) / 10);

/** `#rrggbb` as pptxgenjs wants it. */
const color = (hex: string) => hex.replace(/^#/, '').toUpperCase();

async function writePresentation(
  deck: CompiledDeck,
  slides: MeasuredSlide[],
  pictures: Map<Block, string>,
  backgrounds: Map<MeasuredSlide, string>,
  canvas: CanvasSize,
): Promise<Uint8Array> {
  // The package's types describe it as CommonJS; as a module its class is the default export.
  const { default: PptxGen } = (await import('pptxgenjs')) as unknown as { default: typeof Pptx.default.default };
  const pptx = new PptxGen();
  const { meta } = deck.rendered;
  // 16:9 decks get PowerPoint's widescreen slide; another canvas, a slide of its shape as wide.
  const height = Math.round(((SLIDE_WIDTH_INCHES * canvas.height) / canvas.width) * 1000) / 1000;
  if (Math.abs(height - 7.5) < 0.01) pptx.layout = 'LAYOUT_WIDE';
  else {
    pptx.defineLayout({ name: 'DECK', width: SLIDE_WIDTH_INCHES, height });
    pptx.layout = 'DECK';
  }
  pptx.title = xmlSafe(meta.title);
  if (meta.author) pptx.author = xmlSafe(meta.author);
  if (meta.description) pptx.subject = xmlSafe(meta.description);
  pptx.company = '';
  // Inches per CSS pixel of the canvas; points per pixel for type.
  const inches = SLIDE_WIDTH_INCHES / canvas.width;
  const points = inches * 72;
  const at = (value: number) => Math.round(value * inches * 1000) / 1000;
  /** CSS pixels of the canvas in points, to a tenth. */
  const pt = (value: number) => Math.round(value * points * 10) / 10;
  const lang = meta.lang;
  const { labels } = labelsFor(lang);

  pptx.theme = {
    headFontFace: titleOf(slides[0])?.paragraphs[0]?.fontFamily ?? 'Calibri',
    bodyFontFace: firstBodyFont(slides) ?? 'Calibri',
  };
  // A master per kind of slide (title, section, quote, content), built from the first slide of
  // that kind: its background, and a title placeholder where its title is, in its type. Titles go
  // in that placeholder, so PowerPoint's layout tools treat them as titles.
  const masters = new Map<string, string>();
  for (const measured of slides) {
    const kind = kindOf(measured);
    if (masters.has(kind)) continue;
    const name = `${MASTER} ${kind}`;
    masters.set(kind, name);
    const title = titleOf(measured);
    const style = title?.paragraphs[0];
    const box = title?.box ?? {
      x: canvas.width * 0.06,
      y: canvas.height * 0.06,
      w: canvas.width * 0.88,
      h: canvas.height * 0.14,
    };
    pptx.defineSlideMaster({
      title: name,
      background: { color: color(measured.background) },
      objects: [
        {
          placeholder: {
            options: {
              name: 'title',
              type: 'title',
              x: at(box.x),
              y: at(box.y),
              w: at(box.w),
              h: at(box.h),
              margin: 0,
              fontFace: style?.fontFamily ?? 'Calibri',
              fontSize: typeSize((style?.fontSize ?? 40) * points),
              color: color(style?.runs[0]?.color ?? '#000000'),
              bold: style?.runs[0]?.bold ?? false,
              align: style?.align ?? 'left',
              valign: 'top',
            },
            text: '',
          },
        },
      ],
    });
  }

  let section: string | undefined;
  const sections = new Set<string>();
  for (const measured of slides) {
    // A section slide opens a section of the presentation named by its title. Names are unique:
    // pptxgenjs files a slide under the first section of its name.
    if (measured.classes.includes('section') || section === undefined) {
      const name = xmlSafe(sectionName(measured, section === undefined ? meta.title : undefined));
      section = name;
      for (let n = 2; sections.has(section); n++) section = `${name} (${n})`;
      sections.add(section);
      pptx.addSection({ title: section });
    }
    const slide = pptx.addSlide({ masterName: masters.get(kindOf(measured))!, sectionTitle: section });
    const picture = backgrounds.get(measured);
    slide.background = picture ? { data: picture } : { color: color(measured.background) };
    for (const block of measured.blocks) addBlock(slide, block);
    const timing = measured.timing ? `${labels.plannedTime(clock(measured.timing))}\n\n` : '';
    slide.addNotes(xmlSafe(`${timing}${measured.notes}`));
  }
  return tidied((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);

  function addBlock(slide: Pptx.default.Slide, block: Block): void {
    const position = { x: at(block.box.x), y: at(block.box.y), w: at(block.box.w), h: at(block.box.h) };
    if (block.kind === 'text') {
      const runs = block.paragraphs.flatMap((paragraph, i) =>
        paragraphRuns(paragraph, i === block.paragraphs.length - 1),
      );
      slide.addText(runs, {
        ...position,
        ...(block.role === 'title' ? { placeholder: 'title' } : {}),
        margin: 0,
        valign: 'top',
        fit: 'none',
        wrap: !block.noWrap,
        lang,
        ...(block.role === 'code' ? { fontFace: MONOSPACE } : {}),
      });
    } else if (block.kind === 'table') {
      const rows = block.rows.map((row) =>
        row.map((cell) => ({
          text: xmlSafe(cell.text),
          options: {
            ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}),
            ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}),
            bold: cell.bold,
            color: color(cell.color),
            fontFace: cell.fontFamily,
            fontSize: typeSize(cell.fontSize * points),
            ...(cell.fill ? { fill: { color: color(cell.fill) } } : {}),
          },
        })),
      );
      slide.addTable(rows, {
        ...position,
        colW: block.columnWidths.map(at),
        border: { type: 'solid', pt: 0.75, color: 'BFBFBF' },
        margin: 0.05,
        valign: 'middle',
        autoPage: false,
      });
    } else if (block.kind === 'rect') {
      slide.addShape('rect', { ...position, fill: { color: color(block.fill) }, line: { type: 'none' } });
    } else if (block.kind === 'ellipse') {
      slide.addShape('ellipse', {
        ...position,
        fill: { color: color(block.fill), transparency: Math.round((1 - block.opacity) * 100) },
        line: { color: color(block.line), width: 1.5 },
      });
    } else {
      const data = pictures.get(block);
      if (data) slide.addImage({ data, ...position, altText: xmlSafe(block.alt) });
    }
  }

  function paragraphRuns(paragraph: Paragraph, last: boolean): Pptx.default.TextProps[] {
    const size = typeSize(paragraph.fontSize * points);
    // Lines as far apart as on screen: line height in points, not a multiple.
    const spacing = pt(paragraph.lineHeight);
    const indent = Math.round(paragraph.fontSize * points * 1.2);
    const bullet =
      paragraph.bullet === 'number'
        ? { type: 'number' as const, indent, numberStartAt: paragraph.number ?? 1 }
        : paragraph.bullet === 'bullet'
          ? { indent }
          : false;
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [{ text: ' ', color: '#000000' } satisfies Run];
    return runs.map((run, i) => ({
      text: xmlSafe(run.text),
      options: {
        fontSize: size,
        fontFace: run.mono ? MONOSPACE : paragraph.fontFamily,
        color: color(run.color),
        bold: run.bold ?? false,
        italic: run.italic ?? false,
        ...(run.highlight ? { highlight: color(run.highlight) } : {}),
        ...(run.link ? { hyperlink: { url: run.link } } : {}),
        ...(i === 0
          ? {
              bullet,
              indentLevel: paragraph.level ?? 0,
              align: paragraph.align,
              lineSpacing: spacing,
              paraSpaceBefore: pt(paragraph.spaceBefore ?? 0),
              paraSpaceAfter: pt(paragraph.spaceAfter ?? 0),
            }
          : {}),
        // The last run of a paragraph ends its line, unless it is the block's last paragraph.
        ...(i === runs.length - 1 && !last ? { breakLine: true } : {}),
        lang,
      },
    }));
  }
}

/** The kind of a slide, for its master: from its class, as the themes style them. */
function kindOf(slide: MeasuredSlide): string {
  return ['title', 'section', 'quote'].find((kind) => slide.classes.includes(kind)) ?? 'content';
}

function titleOf(slide: MeasuredSlide | undefined): Extract<Block, { kind: 'text' }> | undefined {
  const title = slide?.blocks.find((block) => block.kind === 'text' && block.role === 'title');
  return title?.kind === 'text' ? title : undefined;
}

function firstBodyFont(slides: MeasuredSlide[]): string | undefined {
  for (const slide of slides) {
    for (const block of slide.blocks) {
      if (block.kind === 'text' && block.role === 'body') return block.paragraphs[0]?.fontFamily;
    }
  }
  return undefined;
}

function sectionName(slide: MeasuredSlide, fallback: string | undefined): string {
  if (fallback !== undefined && !slide.classes.includes('section')) return fallback;
  const text =
    titleOf(slide)
      ?.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
      .join(' ') ?? '';
  return text || fallback || 'Section';
}

/** Seconds as m:ss. */
function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** pptxgenjs names a picture without alt text after its file, "preencoded.png": no alt text is meant. */
const NAMED_AFTER_FILE = / descr="preencoded\.[a-z]+"/g;

/** A paragraph's properties written again after one of its runs: allowed only as its first child. */
const LATE_PARAGRAPH_PROPERTIES = /(<\/a:r>)(?:<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>)/g;

/**
 * The file with two things pptxgenjs writes put right: each paragraph's properties only where the
 * format allows them, first in the paragraph (it writes them again before every run after the
 * first, `<a:buNone/>` and all, which PowerPoint may refuse to open without a repair); and no file
 * name as the alt text of a picture that has none.
 */
async function tidied(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!/^ppt\/(?:slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    const fixed = xml.replace(LATE_PARAGRAPH_PROPERTIES, '$1').replace(NAMED_AFTER_FILE, ' descr=""');
    if (fixed !== xml) zip.file(name, fixed);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
