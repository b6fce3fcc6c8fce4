// Line-level view of a Markdown source: which lines are inside fenced code blocks or
// multi-line HTML comments. Separators, notes markers and slide attribute comments found
// on such lines are content, not syntax.

const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;

export function splitLines(text: string): string[] {
  // Splitting on a string is several times faster than on a pattern, and most files have no \r.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

export interface LineScan {
  /** For each line, true when it belongs to a fenced code block or an HTML comment. */
  inert: boolean[];
  /** A fence still open at the end of the text: its line index and marker. */
  unclosedFence?: { index: number; marker: string };
  /** A comment still open at the end of the text: the index of the line that opened it. */
  unclosedComment?: number;
}

export function scanLines(lines: readonly string[]): LineScan {
  const inert: boolean[] = [];
  let fence: { char: string; length: number; index: number; marker: string } | undefined;
  let commentStart: number | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      inert.push(true);
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      return;
    }
    if (commentStart !== undefined) {
      inert.push(true);
      if (line.includes('-->') && closesAllComments(line.slice(line.indexOf('-->') + 3))) commentStart = undefined;
      return;
    }
    const open = line.includes('```') || line.includes('~~~') ? FENCE_OPEN.exec(line) : null;
    if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) {
      inert.push(true);
      fence = { char: open[1][0] as string, length: open[1].length, index, marker: open[1] };
      return;
    }
    inert.push(false);
    if (!closesAllComments(line)) commentStart = index;
  });
  return {
    inert,
    ...(fence ? { unclosedFence: { index: fence.index, marker: fence.marker } } : {}),
    ...(commentStart !== undefined ? { unclosedComment: commentStart } : {}),
  };
}

/**
 * The text with the inside of inline code spans (`like this`) blanked out, same length, so that
 * comment markers in code are not taken for comments.
 */
export function maskCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  const runs = [...text.matchAll(/`+/g)].map((run) => ({ start: run.index, length: run[0].length }));
  let masked = '';
  let position = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    // A code span ends at the next run of backticks of exactly the same length.
    const j = runs.findIndex((run, k) => k > i && run.length === open.length);
    if (j < 0) continue;
    const close = runs[j]!;
    const inside = open.start + open.length;
    masked += text.slice(position, inside) + text.slice(inside, close.start).replace(/[^\n]/g, ' ');
    position = close.start;
    i = j;
  }
  return masked + text.slice(position);
}

/** True when every `<!--` on the line is closed on the same line. */
function closesAllComments(rawLine: string): boolean {
  if (!rawLine.includes('<!--')) return true;
  const line = maskCodeSpans(rawLine);
  let position = 0;
  for (;;) {
    const open = line.indexOf('<!--', position);
    if (open < 0) return true;
    const close = line.indexOf('-->', open + 4);
    if (close < 0) return false;
    position = close + 3;
  }
}
