// Deck model → reveal.js HTML and config. Pure: the same deck always renders to the same string,
// and author mistakes found on the way are diagnostics, never exceptions.

import type { MarkdownIt, Token } from 'markdown-it';
import { escapeHtml } from '../escape.js';
import {
  assetOutputUrl,
  assetReference,
  fromFolder,
  isLocalUrl,
  reachesOutside,
  refusedPage,
  rewriteCssUrls,
} from '../markdown/assets.js';
import { mergeAttributes } from '../markdown/attribute-list.js';
import { hasCode } from '../markdown/code.js';
import { markdown } from '../markdown/index.js';
import type {
  AssetReference,
  Attributes,
  Deck,
  Diagnostic,
  RenderedDeck,
  RenderedSlide,
  Slide,
  SourcePosition,
} from '../model.js';
import { inReadingOrder, originOf, placeDiagnostic, placeLine } from '../source-map.js';
import { quoted } from '../wording.js';
import { fragmentSteps, slideTitle, splitNoteAsides } from './outline.js';
import { planTimings } from './pacing.js';
import { revealConfig } from './reveal-config.js';
import { hasRawHtml, sanitize, sanitizerRemovals } from './sanitize.js';
import { deckStyles, isRevealTheme } from './theme.js';

/** Slide attributes that name a file, and how it is used (an SVG runs no script as an image). */
const BACKGROUND_URLS: Record<string, 'image' | 'media' | 'frame'> = {
  'data-background-image': 'image',
  'data-background-video': 'media',
  'data-background-iframe': 'frame',
};
/** The longest countdown a slide may have: a day, in seconds. */
const MAX_COUNTDOWN = 86_400;
/** Slide attributes whose value is CSS, which may load files with `url()`. */
const CSS_ATTRIBUTES = ['style', 'data-background-gradient'];
/** A page of the deck's own in a frame would run its own scripts, past the deck's safety rules. */
const FRAME = 'data-background-iframe';

/**
 * `data-background`, reveal.js's shorthand: an image when the value is a web or file address or
 * names an image file (as reveal.js decides), else a colour.
 */
const isBackgroundImage = (value: string) =>
  /^(?:https?:|file:|\/\/)/i.test(value.trim()) || /\.(?:svg|png|jpe?g|gif|bmp|webp)(?:[?#\s]|$)/i.test(value);

/**
 * Files the slide's own attributes name: each local one recorded as an asset and its URL rewritten;
 * one that reaches outside the deck, or a page that would run scripts, is an error at its attribute.
 */
function checkSlideUrls(
  deck: Deck,
  slide: Slide,
  attributes: Attributes,
  found: { diagnostics: Diagnostic[]; assets: AssetReference[] },
): void {
  const error = (name: string, message: string) =>
    found.diagnostics.push({ severity: 'error', message, file: deck.file, ...attributePosition(slide, name) });
  /** The URL to write in place of `url`, found in the attribute `name`. */
  const checked = (name: string, url: string, use: 'image' | 'media' | 'frame'): string => {
    const outside = reachesOutside(url);
    if (outside) {
      error(name, `${name} ${quoted(url)} ${outside}`);
      return url;
    }
    if (!isLocalUrl(url)) return url;
    const page = use === 'frame' ? undefined : refusedPage(url, use === 'image');
    if (use === 'frame' || page) {
      error(
        name,
        use === 'frame'
          ? `${FRAME} ${quoted(url)}: a local page in a frame runs scripts of its own; show it as an image or link to it`
          : `${name} ${quoted(url)} ${page}`,
      );
      return url;
    }
    // Written relative to the file the slide comes from: an included file's pictures are beside it.
    const position = attributePosition(slide, name);
    const fromDeck = fromFolder(url, originOf(deck.sourceMap, position.line)?.folder);
    found.assets.push(assetReference(fromDeck, position));
    return assetOutputUrl(fromDeck);
  };
  for (const [name, value] of Object.entries(attributes)) {
    const use = BACKGROUND_URLS[name] ?? (name === 'data-background' && isBackgroundImage(value) ? 'image' : undefined);
    if (use) attributes[name] = checked(name, value, use);
    else if (CSS_ATTRIBUTES.includes(name))
      attributes[name] = rewriteCssUrls(value, (url) => checked(name, url, 'image'));
  }
}

function renderAttributes(attributes: Attributes): string {
  return Object.entries(attributes)
    .map(([name, value]) => (value === '' && name.startsWith('data-') ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
}

interface SlideOutput {
  slide: Slide;
  attributes: Attributes;
  html: string;
  /** The notes as HTML ('' without notes), whether or not `html` carries them. */
  notesHtml: string;
  /** Text for the participants' handout: kept apart from the slide and its notes. */
  handoutHtml?: string;
  notesLength: number;
}

export interface RenderOptions {
  /** Mark slides with their source line (`data-line`), for `deck check`. */
  sourceLines?: boolean;
  /**
   * Leave the speaker notes out of the slides (default: in). The audience's copy of a deck in
   * `deck present` is made without them, so no page the audience loads holds a word of them.
   */
  notes?: boolean;
}

/** How much a slide's notes say, in characters: the weight of its share of the talk's time. */
function textLength(tokens: readonly Token[]): number {
  return tokens.reduce((sum, token) => sum + (token.type === 'deck_comment' ? 0 : token.content.trim().length), 0);
}

const saysSomething = (tokens: readonly Token[] | undefined) =>
  tokens?.some((token) => token.type !== 'deck_comment') ?? false;

function renderSlide(
  deck: Deck,
  slide: Slide,
  md: MarkdownIt,
  options: RenderOptions,
  found: { diagnostics: Diagnostic[]; assets: AssetReference[] },
): SlideOutput {
  // Raw HTML goes through the sanitizer; what it takes out is said at its line.
  const clean = (tokens: readonly Token[], html: string) => {
    if (!hasRawHtml(tokens)) return html;
    for (const removal of sanitizerRemovals(tokens)) {
      found.diagnostics.push({ severity: 'warning', file: deck.file, ...removal });
    }
    return sanitize(html);
  };
  const withNotes = options.notes !== false;
  const body = clean(slide.body, md.renderer.render(slide.body, md.options, {}));
  // reveal.js also takes as notes an `<aside class="notes">` in the slide's own HTML, and a
  // data-notes attribute: the presenter gets them with the rest, a copy without notes loses them.
  const asides = splitNoteAsides(body);
  let html = withNotes ? body : asides.html;
  const separated = slide.notes ? clean(slide.notes, md.renderer.render(slide.notes, md.options, {})) : '';
  if (slide.notes && withNotes) html += `<aside class="notes">\n${separated}</aside>\n`;
  const attributes: Attributes = {};
  if (options.sourceLines) attributes['data-line'] = String(slide.span.startLine);
  mergeAttributes(attributes, slide.attributes);
  const dataNotes = attributes['data-notes'];
  if (!withNotes) delete attributes['data-notes'];
  const notesHtml = [...(dataNotes ? [`<p>${escapeHtml(dataNotes)}</p>\n`] : []), ...asides.notes, separated].join('');
  checkSlideUrls(deck, slide, attributes, found);
  const output: SlideOutput = { slide, attributes, html, notesHtml, notesLength: textLength(slide.notes ?? []) };
  if (saysSomething(slide.handout)) {
    output.handoutHtml = clean(slide.handout!, md.renderer.render(slide.handout!, md.options, {}));
  }
  return output;
}

/** Where a slide attribute was written; the slide's first line for ones a plugin set. */
function attributePosition(slide: Slide, name: string): SourcePosition {
  return slide.attributePositions[name] ?? { line: slide.span.startLine, column: 1 };
}

function readTiming(output: SlideOutput, diagnostics: Diagnostic[], file: string): number | undefined {
  const value = output.attributes['data-timing'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    diagnostics.push({
      severity: 'error',
      message: `data-timing must be a positive number of seconds, not "${quoted(value)}"`,
      file,
      ...attributePosition(output.slide, 'data-timing'),
    });
    return undefined;
  }
  return seconds;
}

/**
 * A slide's countdown (`data-countdown`), in whole seconds: a positive number of seconds, at most
 * a day. Anything else is an error at the attribute.
 */
function readCountdown(output: SlideOutput, diagnostics: Diagnostic[], file: string): number | undefined {
  const value = output.attributes['data-countdown'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > MAX_COUNTDOWN) {
    diagnostics.push({
      severity: 'error',
      message: `data-countdown must be a number of seconds from 1 to ${MAX_COUNTDOWN}, not "${quoted(value)}"`,
      file,
      ...attributePosition(output.slide, 'data-countdown'),
    });
    return undefined;
  }
  return Math.round(seconds);
}

function checkIds(outputs: readonly SlideOutput[], diagnostics: Diagnostic[], deck: Deck): void {
  const file = deck.file;
  const seen = new Map<string, number>();
  for (const { slide, attributes } of outputs) {
    const id = attributes.id;
    if (id === undefined) continue;
    const first = seen.get(id);
    const here = attributePosition(slide, 'id');
    if (first !== undefined) {
      const there = placeLine(deck.sourceMap, file, first);
      const where = there.file === placeLine(deck.sourceMap, file, here.line).file ? '' : ` of ${there.file}`;
      diagnostics.push({
        severity: 'error',
        message: `slide id "${quoted(id)}" is already used by the slide at line ${there.line}${where}`,
        file,
        ...here,
      });
    } else {
      seen.set(id, here.line);
    }
  }
}

export function renderDeck(deck: Deck, options: RenderOptions = {}): RenderedDeck {
  // Found here at lines of the deck's text; placed in their own files below, with the deck's.
  const diagnostics: Diagnostic[] = [];
  const blocks = deck.slides.some(
    (slide) => hasCode(slide.body) || hasCode(slide.notes ?? []) || hasCode(slide.handout ?? []),
  );
  const inline = deck.slides.some((slide) =>
    [...slide.body, ...(slide.notes ?? []), ...(slide.handout ?? [])].some((token) =>
      token.children?.some((child) => child.type === 'code_inline'),
    ),
  );
  const theme = deckStyles(deck, { blocks, any: blocks || inline }, diagnostics);
  const found = { diagnostics, assets: [...theme.assets, ...deck.assets] };
  // Rendering rules are the same in every instance.
  const md = markdown({ html: deck.meta.html });
  const outputs = deck.slides.map((slide) => renderSlide(deck, slide, md, options, found));
  checkIds(outputs, diagnostics, deck);

  const explicit = outputs.map((output) => readTiming(output, diagnostics, deck.file));
  const timings =
    deck.meta.duration === undefined
      ? explicit
      : planTimings(
          outputs.map((output, i) => ({ explicit: explicit[i], notesLength: output.notesLength })),
          deck.meta.duration,
        );
  outputs.forEach((output, i) => {
    const timing = timings[i];
    if (timing !== undefined) output.attributes['data-timing'] = String(timing);
  });

  const sections: string[] = [];
  for (let i = 0; i < outputs.length; ) {
    const h = outputs[i]!.slide.h;
    let end = i;
    while (end < outputs.length && outputs[end]!.slide.h === h) end++;
    const stack = outputs.slice(i, end).map((o) => `<section${renderAttributes(o.attributes)}>\n${o.html}</section>\n`);
    sections.push(stack.length > 1 ? `<section>\n${stack.join('')}</section>\n` : stack[0]!);
    i = end;
  }

  const countdowns = outputs.map((output) => readCountdown(output, diagnostics, deck.file));
  const slides: RenderedSlide[] = outputs.map(({ slide, html, notesHtml, handoutHtml }, i) => ({
    index: slide.index,
    h: slide.h,
    v: slide.v,
    line: slide.span.startLine,
    hasNotes: saysSomething(slide.notes),
    title: slideTitle(slide.body),
    notesHtml,
    fragments: fragmentSteps(html),
    ...(handoutHtml !== undefined ? { handoutHtml } : {}),
    ...(timings[i] !== undefined ? { timing: timings[i] } : {}),
    ...(countdowns[i] !== undefined ? { countdown: countdowns[i] } : {}),
  }));
  const placed = [
    ...deck.diagnostics,
    ...diagnostics.map((diagnostic) => placeDiagnostic(deck.sourceMap, deck.file, diagnostic)),
  ].sort(inReadingOrder(deck.sourceMap, deck.file));
  return {
    ...(deck.sourceMap ? { sourceMap: deck.sourceMap } : {}),
    file: deck.file,
    meta: deck.meta,
    metaLines: deck.metaLines,
    sectionsHtml: sections.join(''),
    toolkitStyles: theme.toolkit,
    styles: theme.own,
    revealConfig: revealConfig(deck.meta.reveal, isRevealTheme(deck.meta.theme ?? '')),
    slides,
    assets: found.assets,
    diagnostics: placed,
  };
}
