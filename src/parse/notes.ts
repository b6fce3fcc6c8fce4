// Speaker notes: a line starting with `Note:` or `Notes:` (any case) begins the notes;
// everything after it up to the end of the slide belongs to them.

const MARKER = /^\s{0,3}notes?:/i;

/** Index of the line that starts the notes, or -1. */
export function findNotesStart(
  lines: readonly string[],
  inert: readonly boolean[],
  startIndex: number,
  endIndex: number,
): number {
  for (let i = startIndex; i < endIndex; i++) {
    if (!inert[i] && MARKER.test(lines[i] ?? '')) return i;
  }
  return -1;
}

/** The notes' first line without its marker. */
export function stripNotesMarker(line: string): string {
  return line.replace(MARKER, '').trimStart();
}
