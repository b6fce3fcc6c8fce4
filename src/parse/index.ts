// Source text → Deck model. Pure: no file access, never throws on bad input; author mistakes
// become diagnostics with their line and column.

import type { Deck, DeckMeta, Diagnostic, Slide, SourceBlock } from '../model.js';
import { parseFrontMatter } from './front-matter.js';
import { type LineScan, scanLines, splitLines } from './lines.js';
import { findNotesStart, stripNotesMarker } from './notes.js';
import { OPENS_SLIDE_COMMENT, type SlideAttributeSink, takeSlideAttributes } from './slide-attributes.js';
import { type SlideChunk, splitSlides } from './split.js';

export function parseDeck(source: string, file: string): Deck {
  const lines = splitLines(source.replace(/^\uFEFF/, ''));
  const scan = scanLines(lines);
  const frontMatter = parseFrontMatter(lines, file);
  const diagnostics: Diagnostic[] = [
    ...frontMatter.diagnostics,
    ...unclosedBlocks(scan, file, frontMatter.bodyStartIndex),
  ];
  const error = (message: string, line: number) =>
    diagnostics.push({ severity: 'error', message, file, line, column: 1 });

  const chunks =
    frontMatter.bodyStartIndex >= lines.length && frontMatter.diagnostics.length > 0
      ? []
      : splitSlides(lines, scan.inert, frontMatter.bodyStartIndex);
  const slides: Slide[] = [];
  const emptySlides: Diagnostic[] = [];
  for (const chunk of chunks) {
    const slide = readSlide(lines, scan, chunk, file, diagnostics);
    if (slide) {
      slide.index = slides.length;
      slides.push(slide);
    } else if (chunks.length > 1) {
      emptySlides.push({
        severity: 'warning',
        message: 'empty slide (two separators with nothing between them)',
        file,
        line: Math.min(chunk.startIndex + 1, editorLineCount(lines)),
        column: 1,
      });
    }
  }
  renumber(slides);
  // A deck of nothing but separators has one problem, not one per gap.
  if (slides.length > 0) diagnostics.push(...emptySlides);
  if (slides.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    error('the deck has no slides', Math.max(1, Math.min(frontMatter.bodyStartIndex + 1, editorLineCount(lines))));
  }

  const meta: DeckMeta = {
    title: frontMatter.values.title ?? firstHeading(slides) ?? baseName(file),
    lang: 'en',
    html: false,
    reveal: {},
    ...frontMatter.values,
  };
  return { file, meta, metaLines: frontMatter.keyLines, slides, diagnostics };
}

const HAS_CONTENT = /\S/;

/** One slide from its chunk of lines (its index still to be set), or undefined when the chunk holds nothing. */
function readSlide(
  lines: readonly string[],
  scan: LineScan,
  chunk: SlideChunk,
  file: string,
  diagnostics: Diagnostic[],
): Slide | undefined {
  const sink: SlideAttributeSink = { attributes: {}, positions: {}, diagnostics };
  const notesStart = findNotesStart(lines, scan.inert, chunk.startIndex, chunk.endIndex);
  // The chunk's lines, from chunk.startIndex on, with slide attribute comments taken out.
  const text = withoutSlideComments(lines, scan.inert, chunk, file, sink);
  const offset = (i: number) => i - chunk.startIndex;

  const bodyEnd = notesStart < 0 ? chunk.endIndex : notesStart;
  const body: SourceBlock = { text: text.slice(0, offset(bodyEnd)).join('\n'), startLine: chunk.startIndex + 1 };
  let notes: SourceBlock | undefined;
  if (notesStart >= 0) {
    const marked = text[offset(notesStart)] ?? '';
    const first = stripNotesMarker(marked);
    const rest = text.slice(offset(notesStart) + 1);
    notes = {
      text: rest.length > 0 ? `${first}\n${rest.join('\n')}` : first,
      startLine: notesStart + 1,
      firstLineOffset: marked.length - first.length,
    };
  }
  const hasNotes = notes !== undefined && HAS_CONTENT.test(notes.text);
  if (!HAS_CONTENT.test(body.text) && !hasNotes && Object.keys(sink.attributes).length === 0) return undefined;

  // The slide "is" at its first line with content: that is where an author looks for it.
  let first = chunk.startIndex;
  while (first < chunk.endIndex - 1 && !HAS_CONTENT.test(lines[first] ?? '')) first++;
  // Built with one shape (no conditional spreads): V8 keeps such objects fast.
  const slide: Slide = {
    index: 0,
    h: chunk.h,
    v: chunk.v,
    span: { file, startLine: first + 1, endLine: Math.max(chunk.endIndex, first + 1) },
    attributes: sink.attributes,
    attributePositions: sink.positions,
    body,
  };
  if (hasNotes && notes) slide.notes = notes;
  return slide;
}

/** The chunk's lines with slide attribute comments taken out, including ones that span lines. */
function withoutSlideComments(
  lines: readonly string[],
  inert: readonly boolean[],
  chunk: SlideChunk,
  file: string,
  sink: SlideAttributeSink,
): string[] {
  const out: string[] = [];
  for (let i = chunk.startIndex; i < chunk.endIndex; i++) {
    const line = lines[i] ?? '';
    if (inert[i] || !line.includes('.slide:')) {
      out.push(line);
      continue;
    }
    // A comment opened here and closed on a later line of this slide is read as one.
    let end = i;
    const opened = OPENS_SLIDE_COMMENT.exec(line);
    if (opened && !line.slice(opened.index).includes('-->')) {
      while (end + 1 < chunk.endIndex && !(lines[end] ?? '').slice(end === i ? opened.index : 0).includes('-->')) end++;
    }
    const text = lines.slice(i, end + 1).join('\n');
    out.push(...takeSlideAttributes(text, file, i + 1, sink).split('\n'));
    i = end;
  }
  return out;
}

function unclosedBlocks(scan: LineScan, file: string, bodyStartIndex: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (scan.unclosedFence && scan.unclosedFence.index >= bodyStartIndex) {
    found.push({
      severity: 'error',
      message: `code block is not closed: add a line "${scan.unclosedFence.marker}" after it`,
      file,
      line: scan.unclosedFence.index + 1,
      column: 1,
    });
  }
  if (scan.unclosedComment !== undefined && scan.unclosedComment >= bodyStartIndex) {
    found.push({
      severity: 'error',
      message: 'HTML comment is not closed: add "-->" at its end',
      file,
      line: scan.unclosedComment + 1,
      column: 1,
    });
  }
  return found;
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function editorLineCount(lines: readonly string[]): number {
  return lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}

/** Skipped empty slides leave gaps in h/v: close them so reveal.js indices match. */
function renumber(slides: Slide[]): void {
  let h = -1;
  let v = 0;
  let lastSourceH = -1;
  for (const slide of slides) {
    if (slide.h !== lastSourceH) {
      h += 1;
      v = 0;
      lastSourceH = slide.h;
    } else {
      v += 1;
    }
    slide.h = h;
    slide.v = v;
  }
}

/** The first ATX heading of the first slide, outside code blocks. */
function firstHeading(slides: readonly Slide[]): string | undefined {
  const lines = splitLines(slides[0]?.body.text ?? '');
  const { inert } = scanLines(lines);
  for (const [i, line] of lines.entries()) {
    const match = inert[i] ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (match?.[1]) return match[1].replace(/[*_`]/g, '');
  }
  return undefined;
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(?:md|markdown)$/i, '');
}
