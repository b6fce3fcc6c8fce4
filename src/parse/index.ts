// Source text → Deck model. Pure: no file access, never throws on bad input; author mistakes
// become diagnostics with their line and column.

import type { Attributes, Deck, DeckMeta, Diagnostic, Slide, SourceBlock } from '../model.js';
import { parseFrontMatter } from './front-matter.js';
import { inertLines, splitLines } from './lines.js';
import { findNotesStart, stripNotesMarker } from './notes.js';
import { takeSlideAttributes } from './slide-attributes.js';
import { splitSlides } from './split.js';

export function parseDeck(source: string, file: string): Deck {
  const lines = splitLines(source.replace(/^\uFEFF/, ''));
  const inert = inertLines(lines);
  const frontMatter = parseFrontMatter(lines, file);
  const diagnostics: Diagnostic[] = [...frontMatter.diagnostics];
  const slides: Slide[] = [];

  const chunks =
    frontMatter.bodyStartIndex >= lines.length && frontMatter.diagnostics.length > 0
      ? []
      : splitSlides(lines, inert, frontMatter.bodyStartIndex);
  for (const chunk of chunks) {
    const attributes: Attributes = {};
    const take = (i: number) =>
      inert[i] ? (lines[i] ?? '') : takeSlideAttributes(lines[i] ?? '', { file, line: i + 1 }, attributes, diagnostics);
    const notesStart = findNotesStart(lines, inert, chunk.startIndex, chunk.endIndex);
    const bodyEnd = notesStart < 0 ? chunk.endIndex : notesStart;
    const bodyLines: string[] = [];
    for (let i = chunk.startIndex; i < bodyEnd; i++) bodyLines.push(take(i));
    const body: SourceBlock = { text: bodyLines.join('\n'), startLine: chunk.startIndex + 1 };
    let notes: SourceBlock | undefined;
    if (notesStart >= 0) {
      const noteLines = [stripNotesMarker(take(notesStart))];
      for (let i = notesStart + 1; i < chunk.endIndex; i++) noteLines.push(take(i));
      notes = { text: noteLines.join('\n'), startLine: notesStart + 1 };
    }
    const isEmpty = body.text.trim() === '' && !notes?.text.trim();
    if (isEmpty && Object.keys(attributes).length === 0) {
      // A lone trailing separator or a doubled one: nothing to show, so say so.
      if (chunks.length > 1) {
        diagnostics.push({
          severity: 'warning',
          message: 'empty slide (two separators with nothing between them)',
          file,
          line: Math.min(chunk.startIndex + 1, lines.length),
          column: 1,
        });
      }
      continue;
    }
    // The slide "is" at its first line with content: that is where an author looks for it.
    let first = chunk.startIndex;
    while (first < chunk.endIndex - 1 && (lines[first] ?? '').trim() === '') first++;
    slides.push({
      index: slides.length,
      h: chunk.h,
      v: chunk.v,
      span: { file, startLine: first + 1, endLine: Math.max(chunk.endIndex, first + 1) },
      attributes,
      body,
      ...(notes?.text.trim() ? { notes } : {}),
    });
  }
  renumber(slides);

  if (slides.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      message: 'the deck has no slides',
      file,
      line: Math.min(frontMatter.bodyStartIndex + 1, Math.max(lines.length, 1)),
      column: 1,
    });
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

function firstHeading(slides: readonly Slide[]): string | undefined {
  const match = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(slides[0]?.body.text ?? '');
  return match?.[1]?.replace(/[*_`]/g, '');
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(?:md|markdown)$/i, '');
}
