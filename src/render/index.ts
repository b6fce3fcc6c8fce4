// Deck model → reveal.js HTML and config. Pure: the same deck always renders to the same string,
// and author mistakes found on the way are diagnostics, never exceptions.

import type { MarkdownIt } from 'markdown-it';
import { escapeHtml } from '../escape.js';
import type { Attributes, Deck, Diagnostic, RenderedDeck, RenderedSlide, Slide, SourcePosition } from '../model.js';
import { mergeAttributes } from '../parse/attribute-list.js';
import { assetOutputUrl, assetReference, isLocalUrl } from './assets.js';
import { createEnv, type RenderEnv } from './env.js';
import { markdown } from './markdown.js';
import { planTimings } from './pacing.js';
import { revealConfig } from './reveal-config.js';
import { sanitize } from './sanitize.js';
import { deckStyles } from './theme.js';

const BACKGROUND_URLS = ['data-background-image', 'data-background-video'];

function renderAttributes(attributes: Attributes): string {
  return Object.entries(attributes)
    .map(([name, value]) => (value === '' && name.startsWith('data-') ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
}

interface SlideOutput {
  slide: Slide;
  attributes: Attributes;
  html: string;
  notesLength: number;
}

export interface RenderOptions {
  /** Mark block elements and slides with their source line (`data-line`), for `deck check`. */
  sourceLines?: boolean;
}

/** The markdown-it instances a deck renders with: slide bodies (with source lines for checks) and notes. */
interface Renderers {
  body: MarkdownIt;
  notes: MarkdownIt;
}

function renderSlide(deck: Deck, slide: Slide, envs: RenderEnv[], options: RenderOptions, md: Renderers): SlideOutput {
  const clean = (html: string) => (deck.meta.html ? sanitize(html) : html);
  const prefix = `s${slide.index + 1}`;
  const bodyEnv = createEnv(slide.body, deck.file, prefix);
  envs.push(bodyEnv);
  let html = clean(md.body.render(slide.body.text, bodyEnv));
  if (slide.notes) {
    const notesEnv = createEnv(slide.notes, deck.file, `${prefix}-notes`);
    envs.push(notesEnv);
    html += `<aside class="notes">\n${clean(md.notes.render(slide.notes.text, notesEnv))}</aside>\n`;
  }
  const attributes: Attributes = { ...bodyEnv.sectionAttributes };
  if (options.sourceLines) attributes['data-line'] = String(slide.span.startLine);
  mergeAttributes(attributes, slide.attributes);
  for (const name of BACKGROUND_URLS) {
    const url = attributes[name];
    if (url === undefined || !isLocalUrl(url)) continue;
    bodyEnv.assets.push(assetReference(url, attributePosition(slide, name)));
    attributes[name] = assetOutputUrl(url);
  }
  return { slide, attributes, html, notesLength: slide.notes?.text.trim().length ?? 0 };
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
      message: `data-timing must be a positive number of seconds, not "${value}"`,
      file,
      ...attributePosition(output.slide, 'data-timing'),
    });
    return undefined;
  }
  return seconds;
}

function checkIds(outputs: readonly SlideOutput[], diagnostics: Diagnostic[], file: string): void {
  const seen = new Map<string, number>();
  for (const { slide, attributes } of outputs) {
    const id = attributes.id;
    if (id === undefined) continue;
    const first = seen.get(id);
    const here = attributePosition(slide, 'id');
    if (first !== undefined) {
      diagnostics.push({
        severity: 'error',
        message: `slide id "${id}" is already used by the slide at line ${first}`,
        file,
        ...here,
      });
    } else {
      seen.set(id, here.line);
    }
  }
}

export function renderDeck(deck: Deck, options: RenderOptions = {}): RenderedDeck {
  const envs: RenderEnv[] = [];
  const diagnostics: Diagnostic[] = [...deck.diagnostics];
  const md: Renderers = {
    body: markdown({ html: deck.meta.html, sourceLines: options.sourceLines ?? false }),
    notes: markdown({ html: deck.meta.html }),
  };
  const outputs = deck.slides.map((slide) => renderSlide(deck, slide, envs, options, md));
  const theme = deckStyles(
    deck,
    envs.some((env) => env.hasCode),
    diagnostics,
  );
  checkIds(outputs, diagnostics, deck.file);

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

  const slides: RenderedSlide[] = outputs.map(({ slide }, i) => ({
    index: slide.index,
    h: slide.h,
    v: slide.v,
    line: slide.span.startLine,
    hasNotes: slide.notes !== undefined,
    ...(timings[i] !== undefined ? { timing: timings[i] } : {}),
  }));
  const assets = [...theme.assets];
  for (const env of envs) {
    // Most blocks find nothing: plain loops, no spread of empty lists.
    for (const diagnostic of env.diagnostics) diagnostics.push(diagnostic);
    for (const asset of env.assets) assets.push(asset);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    file: deck.file,
    meta: deck.meta,
    metaLines: deck.metaLines,
    sectionsHtml: sections.join(''),
    toolkitStyles: theme.toolkit,
    styles: theme.own,
    revealConfig: revealConfig(deck.meta.reveal),
    slides,
    assets,
    diagnostics,
  };
}
