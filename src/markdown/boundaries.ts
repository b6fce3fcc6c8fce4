// Where slides and speaker notes begin. Separators are regular expressions over the text, as
// reveal.js's Markdown plugin has them (and reveal-md passes them on from front matter); the notes
// marker is one too. Found here before parsing, they become block boundaries: the block rules in
// slide-boundaries.ts turn them into tokens where markdown-it reaches them as the start of a block,
// so a separator inside fenced code or an HTML comment never splits.

export interface SeparatorPatterns {
  /** Starts a horizontal slide (reveal.js `data-separator`). */
  horizontal: string;
  /** Starts a vertical slide below the current one (`data-separator-vertical`); none when undefined. */
  vertical?: string;
  /** Starts the speaker notes (`data-separator-notes`), matched without regard to case. */
  notes: string;
}

/**
 * A line that is exactly `---` starts a horizontal slide, `--` or `----` a vertical one, with or
 * without blank lines around them (reveal.js splits on `\n---\n`; reveal-md adds `----`); a line
 * starting with `Note:` or `Notes:` starts the notes.
 */
export const DEFAULT_SEPARATORS: SeparatorPatterns = {
  horizontal: '^---[ \\t]*$',
  vertical: '^(?:--|----)[ \\t]*$',
  notes: '^[ \\t]{0,3}notes?:',
};

export interface Separator {
  vertical: boolean;
  /** The lines the separator covers: [start, end), 0-based. */
  start: number;
  end: number;
}

export interface Boundaries {
  /** Separators with text on their lines, by the line of their first text. */
  separators: Map<number, Separator>;
  /** Separators made of blank lines only (`^\n\n\n`): placed between blocks after parsing. */
  blankSeparators: Separator[];
  /** The first line of each of `blankSeparators`, sorted. */
  blankSeparatorStarts: number[];
  /** Lines that start with a notes marker, with the marker's length. */
  notes: Map<number, number>;
  /** Lines that start with the participants' handout marker, with the marker's length. */
  handouts: Map<number, number>;
  /**
   * For each line, the first separator or notes line after it (the line count when none): no block
   * but code and comments may run past it. A table, as block rules ask for it at every block
   * (bench row "compile").
   */
  stopAfter: Int32Array;
}

export interface BoundaryProblem {
  message: string;
  /** 0-based line and column. */
  line: number;
  column: number;
}

/**
 * The participants' handout marker: a line starting with `Handout:` in a slide starts text meant
 * only for the participants' handout (`deck pdf --handout participants`), after the notes or
 * instead of them. Not configurable: it is the toolkit's own, not reveal.js's.
 */
export const HANDOUT_MARKER = /^[ \t]{0,3}handout:/i;

/** Offset of each line's first character in the text the lines came from (joined by `\n`). */
function lineStarts(lines: readonly string[]): number[] {
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += (lines[i]?.length ?? 0) + 1;
  }
  return starts;
}

/** Index of the first line whose start is at or after `offset`. */
function firstLineFrom(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first stop after `line`, or `fallback` when none comes before it. */
export function nextStop(stops: readonly number[], line: number, fallback: number): number {
  let low = 0;
  let high = stops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (stops[middle]! <= line) low = middle + 1;
    else high = middle;
  }
  return Math.min(stops[low] ?? fallback, fallback);
}

/** The end a block starting at `line` may run to: the next boundary, or `endLine` if that is sooner. */
export function blockEnd(boundaries: Boundaries, line: number, endLine: number): number {
  return Math.min(boundaries.stopAfter[line] ?? endLine, endLine);
}

/** For each of `lineCount` lines, the first of the sorted `stops` after it, else `lineCount`. */
function stopsAfter(stops: readonly number[], lineCount: number): Int32Array {
  const table = new Int32Array(lineCount);
  let next = stops.length - 1;
  for (let line = lineCount - 1; line >= 0; line--) {
    while (next >= 0 && stops[next]! > line) next--;
    table[line] = stops[next + 1] ?? lineCount;
  }
  return table;
}

/** Every match of `pattern` in `text` that is not empty. */
function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex += 1;
    else yield match;
  }
}

/**
 * Finds separators and notes markers in `lines` (`text` split at `\n`) at or after `fromLine` (the
 * body's first line).
 * The patterns must be valid regular expressions (front matter checks them).
 */
export function findBoundaries(
  lines: readonly string[],
  text: string,
  patterns: SeparatorPatterns,
  fromLine: number,
): { boundaries: Boundaries; problems: BoundaryProblem[] } {
  const starts = lineStarts(lines);
  const boundaries: Boundaries = {
    separators: new Map(),
    blankSeparators: [],
    blankSeparatorStarts: [],
    notes: new Map(),
    handouts: new Map(),
    stopAfter: new Int32Array(0),
  };
  const problems: BoundaryProblem[] = [];
  const stops = new Set<number>();
  const bodyStart = starts[fromLine] ?? text.length;

  // As reveal.js does: one expression for both kinds; a match is horizontal when the horizontal
  // expression alone matches it.
  const either = new RegExp(
    patterns.vertical ? `${patterns.horizontal}|${patterns.vertical}` : patterns.horizontal,
    'mg',
  );
  const horizontal = new RegExp(patterns.horizontal);
  either.lastIndex = bodyStart;
  for (const match of matches(either, text)) {
    const end = match.index + match[0].length;
    // The lines the match covers are those that start inside it.
    const first = firstLineFrom(starts, match.index);
    const last = firstLineFrom(starts, end) - 1;
    if (first > last) {
      const line = firstLineFrom(starts, match.index + 1) - 1;
      problems.push({
        message: 'a slide separator in the middle of a line does not split the slide; put it on a line of its own',
        line,
        column: match.index - (starts[line] ?? 0),
      });
      continue;
    }
    const separator: Separator = { vertical: !horizontal.test(match[0]), start: first, end: last + 1 };
    let textLine = -1;
    for (let line = first; line <= last; line++) {
      stops.add(line);
      if (textLine < 0 && (lines[line] ?? '').trim() !== '') textLine = line;
    }
    if (textLine >= 0) {
      boundaries.separators.set(textLine, separator);
    } else {
      boundaries.blankSeparators.push(separator);
      boundaries.blankSeparatorStarts.push(first);
    }
  }

  const notes = new RegExp(patterns.notes, 'mgi');
  notes.lastIndex = bodyStart;
  for (const match of matches(notes, text)) {
    const line = firstLineFrom(starts, match.index + 1) - 1;
    const lineStart = starts[line] ?? 0;
    const lineText = lines[line] ?? '';
    // A marker counts at the start of a line (after its indentation) and within that line.
    const marker = match.index + match[0].length - lineStart;
    if (lineText.slice(0, match.index - lineStart).trim() !== '' || marker > lineText.length) continue;
    if (boundaries.notes.has(line) || boundaries.separators.has(line)) continue;
    boundaries.notes.set(line, marker);
    stops.add(line);
  }
  for (let line = fromLine; line < lines.length; line++) {
    const text = lines[line] ?? '';
    // Cheap first: most lines do not start with an "h" after their indentation.
    if (!/^[ \t]{0,3}h/i.test(text)) continue;
    const marker = HANDOUT_MARKER.exec(text);
    if (!marker || boundaries.separators.has(line) || boundaries.notes.has(line)) continue;
    boundaries.handouts.set(line, marker[0].length);
    stops.add(line);
  }
  const sorted = [...stops].sort((a, b) => a - b);
  boundaries.stopAfter = stopsAfter(sorted, lines.length);
  return { boundaries, problems };
}
