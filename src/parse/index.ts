// Source text → Deck model. Pure: no file access, never throws on bad input; author mistakes
// become diagnostics with their line and column.
//
// The front matter is read as YAML; the body is read once by markdown-it with the deck's grammar
// (src/markdown/), and its token stream is split into slides. markdown-it gets the whole file with
// the front matter blanked out, so token lines are file lines.

import { LABEL_LANGUAGES, labelsFor } from '../labels.js';
import { DEFAULT_SEPARATORS, findBoundaries, type SeparatorPatterns } from '../markdown/boundaries.js';
import { createEnv } from '../markdown/env.js';
import { markdown } from '../markdown/index.js';
import type { Deck, DeckMeta, Diagnostic, Slide } from '../model.js';
import { inReadingOrder, placeDiagnostic, type SourceMap } from '../source-map.js';
import { quoted } from '../wording.js';
import { parseFrontMatter } from './front-matter.js';
import { firstHeading, isEmptySlide, slideAttributes, splitSlides } from './slides.js';
import { checkVariants } from './variants.js';

export interface ParseOptions {
  /** Mark block elements with their source line (`data-line`), for `deck check`. */
  sourceLines?: boolean;
  /** Where each line of `source` was written, when it holds included files (compile/includes.ts). */
  sourceMap?: SourceMap;
}

/** The deck's separators: its own from front matter, else the defaults. */
export function separatorPatterns(meta: Partial<DeckMeta>): SeparatorPatterns {
  return {
    horizontal: meta.separator ?? DEFAULT_SEPARATORS.horizontal,
    vertical: meta.verticalSeparator ?? DEFAULT_SEPARATORS.vertical,
    notes: meta.notesSeparator ?? DEFAULT_SEPARATORS.notes,
  };
}

/**
 * An option of reveal.js's Markdown plugin that changes what Markdown becomes (`reveal: {markdown: {…}}`):
 * true or false when the deck sets it, else undefined.
 */
function markdownOption(reveal: Record<string, unknown>, name: 'smartypants' | 'animateLists'): boolean | undefined {
  const options = reveal.markdown;
  const value =
    typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[name] : undefined;
  return typeof value === 'boolean' ? value : undefined;
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function editorLineCount(lines: readonly string[]): number {
  return lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}

/** The lines of the file. markdown-it reads CR and CRLF line ends as LF: these must be the same lines. */
export function sourceLines(source: string): string[] {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  // Splitting at one character is several times faster than at a pattern (bench row "compile").
  return text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n');
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(?:md|markdown)$/i, '');
}

export function parseDeck(source: string, file: string, options: ParseOptions = {}): Deck {
  const lines = sourceLines(source);
  const frontMatter = parseFrontMatter(lines, file);
  const diagnostics: Diagnostic[] = [...frontMatter.diagnostics];
  const bodyStart = frontMatter.bodyStartIndex;
  const meta: DeckMeta = { title: '', lang: 'en', html: true, reveal: {}, ...frontMatter.values };

  const bodyLines = lines.map((line, i) => (i < bodyStart ? '' : line));
  const bodyText = bodyLines.join('\n');
  const found = findBoundaries(bodyLines, bodyText, separatorPatterns(meta), bodyStart);
  for (const problem of found.problems) {
    diagnostics.push({
      severity: 'warning',
      message: problem.message,
      file,
      line: problem.line + 1,
      column: problem.column + 1,
    });
  }
  const env = createEnv(bodyLines, file, found.boundaries, options.sourceMap, meta.lang);
  const { labels, known } = labelsFor(meta.lang);
  if (!known) {
    diagnostics.push({
      severity: 'warning',
      message: `lang "${quoted(meta.lang)}" has no labels of its own: the words the toolkit adds (legends, handouts, "${labels.slideOf(1, 2)}") are in English; languages with their own: ${LABEL_LANGUAGES.join(', ')}`,
      file,
      line: frontMatter.keyLines.lang ?? 1,
      column: 1,
    });
  }
  const md = markdown({
    html: meta.html,
    // Curly quotes and dashes unless the deck turns reveal.js's smartypants off.
    typographer: markdownOption(meta.reveal, 'smartypants') ?? true,
    quotes: labels.quotes,
    animateLists: markdownOption(meta.reveal, 'animateLists') ?? false,
    sourceLines: options.sourceLines ?? false,
  });
  const tokens = bodyStart < lines.length ? md.parse(bodyText, env) : [];
  // One at a time: spreading a deck's worth of diagnostics into a call can overflow the stack.
  for (const diagnostic of env.diagnostics) diagnostics.push(diagnostic);

  const slides: Slide[] = [];
  const emptySlides: Diagnostic[] = [];
  for (const [index, parts] of splitSlides(tokens, found.boundaries.blankSeparators).entries()) {
    const { attributes, positions } = slideAttributes(parts);
    const firstLine = (
      parts.body.find((token) => token.map) ??
      parts.notes?.find((token) => token.map) ??
      parts.handout?.find((token) => token.map)
    )?.map?.[0];
    const startLine = (firstLine ?? (parts.separatorLine ?? bodyStart) + 1) + 1;
    const slide: Slide = {
      index,
      h: parts.h,
      v: parts.v,
      span: { file, startLine },
      attributes,
      attributePositions: positions,
      body: parts.body,
    };
    if (parts.notes) slide.notes = parts.notes;
    if (parts.handout) slide.handout = parts.handout;
    slides.push(slide);
    if (isEmptySlide(parts, attributes)) {
      emptySlides.push({
        severity: 'warning',
        message: 'empty slide: it shows as a blank slide; remove the separator above it if that is not meant',
        file,
        line: Math.min((parts.separatorLine ?? bodyStart) + 1, editorLineCount(lines)),
        column: 1,
      });
    }
  }
  // A deck of nothing but separators has one problem, not one per gap.
  if (emptySlides.length === slides.length) {
    if (!diagnostics.some((d) => d.severity === 'error')) {
      const line = Math.max(1, Math.min(bodyStart + 1, editorLineCount(lines)));
      diagnostics.push({ severity: 'error', message: 'the deck has no slides', file, line, column: 1 });
    }
    slides.length = 0;
  } else {
    for (const diagnostic of emptySlides) diagnostics.push(diagnostic);
  }
  for (const diagnostic of checkVariants(meta, slides, lines, file)) diagnostics.push(diagnostic);
  meta.title = frontMatter.values.title ?? firstHeading(slides[0]?.body ?? []) ?? baseName(file);
  const placed = options.sourceMap
    ? diagnostics.map((diagnostic) => placeDiagnostic(options.sourceMap, file, diagnostic))
    : diagnostics;
  placed.sort(inReadingOrder(options.sourceMap, file));
  const deck: Deck = { file, meta, metaLines: frontMatter.keyLines, slides, assets: env.assets, diagnostics: placed };
  if (options.sourceMap) deck.sourceMap = options.sourceMap;
  return deck;
}
