// Splits the deck body into slides. A line that is exactly `---` separates horizontal slides,
// `--` or `----` vertical ones; either needs a blank line (or the start or end of the body)
// above and below, so a setext heading underline is never a separator.

export interface SlideChunk {
  /** Index of the chunk's first line in the file. */
  startIndex: number;
  /** Index one past its last line. */
  endIndex: number;
  h: number;
  v: number;
}

const HORIZONTAL = /^---\s*$/;
const VERTICAL = /^(?:--|----)\s*$/;

export function splitSlides(lines: readonly string[], inert: readonly boolean[], bodyStartIndex: number): SlideChunk[] {
  const chunks: SlideChunk[] = [];
  const isBlank = (i: number) => i < bodyStartIndex || i >= lines.length || (lines[i] ?? '').trim() === '';
  let start = bodyStartIndex;
  let h = 0;
  let v = 0;
  for (let i = bodyStartIndex; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inert[i] || !isBlank(i - 1) || !isBlank(i + 1)) continue;
    const horizontal = HORIZONTAL.test(line);
    if (!horizontal && !VERTICAL.test(line)) continue;
    chunks.push({ startIndex: start, endIndex: i, h, v });
    if (horizontal) {
      h += 1;
      v = 0;
    } else {
      v += 1;
    }
    start = i + 1;
  }
  chunks.push({ startIndex: start, endIndex: lines.length, h, v });
  return chunks;
}
