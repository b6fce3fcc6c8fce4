// Where each line of a deck's text came from. A deck with includes is read as one text: the deck
// file with each include line replaced by the lines of the file it names. Inside the pipeline every
// line number is a line of that text; a diagnostic leaves it with its own file, line and column
// through `placeDiagnostic`. A deck without includes has no map: its lines are its file's.

import type { Diagnostic } from './model.js';

/** A run of consecutive lines of the deck's text that are consecutive lines of one file. */
export interface SourceSegment {
  /** 0-based line of the deck's text where the run starts. */
  start: number;
  length: number;
  /** The file, as diagnostics name it (relative to the project when inside it). */
  file: string;
  /** 1-based line of the file where the run starts. */
  fileLine: number;
  /**
   * The file's folder relative to the deck's folder, with `/` (`parts`, `../shared`), or '' for
   * the deck's own folder: URLs in the file are relative to it.
   */
  folder: string;
}

export interface SourceMap {
  /** Sorted by `start`, without gaps: every line of the text is in one. */
  segments: SourceSegment[];
}

/**
 * A path relative to the deck (`parts/img/a.png`) as the file at `line` wrote it: relative to that
 * file's folder when the line is in an included file (`img/a.png`).
 */
export function asWrittenAt(map: SourceMap | undefined, line: number, path: string): string {
  const folder = originOf(map, line)?.folder;
  return folder && path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
}

/** Where the 1-based `line` of the deck's text was written; undefined when the text has no map. */
export function originOf(map: SourceMap | undefined, line: number): SourceSegment | undefined {
  if (!map || map.segments.length === 0) return undefined;
  const index = line - 1;
  let low = 0;
  let high = map.segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (map.segments[middle]!.start <= index) low = middle;
    else high = middle - 1;
  }
  return map.segments[low];
}

/** A file and 1-based line for the 1-based `line` of the deck's text (the deck file's own line without a map). */
export function placeLine(map: SourceMap | undefined, file: string, line: number): { file: string; line: number } {
  const segment = originOf(map, line);
  if (!segment) return { file, line };
  const offset = Math.min(Math.max(line - 1 - segment.start, 0), Math.max(segment.length - 1, 0));
  return { file: segment.file, line: segment.fileLine + offset };
}

/** The diagnostic at its own file and line, when it was found at a line of the deck's text. */
export function placeDiagnostic(map: SourceMap | undefined, deckFile: string, diagnostic: Diagnostic): Diagnostic {
  if (!map || diagnostic.file !== deckFile) return diagnostic;
  return { ...diagnostic, ...placeLine(map, deckFile, diagnostic.line) };
}

/**
 * Diagnostics in reading order: the deck file's first, then each included file's in the order it
 * is first read, each by line and column.
 */
export function inReadingOrder(map: SourceMap | undefined, deckFile: string): (a: Diagnostic, b: Diagnostic) => number {
  const rank = new Map<string, number>([[deckFile, 0]]);
  for (const segment of map?.segments ?? []) if (!rank.has(segment.file)) rank.set(segment.file, rank.size);
  const rankOf = (file: string) => rank.get(file) ?? rank.size;
  return (a, b) =>
    rankOf(a.file) - rankOf(b.file) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Builds a map a line at a time, joining lines that follow each other in one file into one run. */
export class SourceMapBuilder {
  private readonly segments: SourceSegment[] = [];
  private lines = 0;

  add(file: string, fileLine: number, folder: string): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.file === file && last.folder === folder && last.fileLine + last.length === fileLine) {
      last.length += 1;
    } else {
      this.segments.push({ start: this.lines, length: 1, file, fileLine, folder });
    }
    this.lines += 1;
  }

  get lineCount(): number {
    return this.lines;
  }

  build(): SourceMap {
    return { segments: this.segments };
  }
}
