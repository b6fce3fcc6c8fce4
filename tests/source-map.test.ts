// Lines of a deck's text with its includes in place, back to the file and line they were written at.

import { describe, expect, it } from 'vitest';
import { inReadingOrder, placeDiagnostic, placeLine, SourceMapBuilder } from '../src/source-map.js';

/** deck.md lines 1-3, then parts/a.md lines 1-2 (between blank lines standing for line 3's include), then deck.md 4. */
function courseMap() {
  const map = new SourceMapBuilder();
  map.add('deck.md', 1, '');
  map.add('deck.md', 2, '');
  map.add('deck.md', 3, '');
  map.add('parts/a.md', 1, 'parts');
  map.add('parts/a.md', 2, 'parts');
  map.add('deck.md', 3, '');
  map.add('deck.md', 4, '');
  return map.build();
}

describe('the source map', () => {
  it('joins lines that follow each other in one file into one run', () => {
    expect(courseMap().segments.map((s) => [s.start, s.length, s.file, s.fileLine])).toEqual([
      [0, 3, 'deck.md', 1],
      [3, 2, 'parts/a.md', 1],
      // The include line's second stand-in and the line after it follow each other.
      [5, 2, 'deck.md', 3],
    ]);
  });

  it('places each line of the text in its own file', () => {
    const map = courseMap();
    expect([1, 3, 4, 5, 6, 7].map((line) => placeLine(map, 'deck.md', line))).toEqual([
      { file: 'deck.md', line: 1 },
      { file: 'deck.md', line: 3 },
      { file: 'parts/a.md', line: 1 },
      { file: 'parts/a.md', line: 2 },
      { file: 'deck.md', line: 3 },
      { file: 'deck.md', line: 4 },
    ]);
    // Past the end: the last line there is.
    expect(placeLine(map, 'deck.md', 99)).toEqual({ file: 'deck.md', line: 4 });
    expect(placeLine(undefined, 'deck.md', 7)).toEqual({ file: 'deck.md', line: 7 });
  });

  it("moves only the deck's own diagnostics, and orders them as they are read", () => {
    const map = courseMap();
    const at = (file: string, line: number) => ({ severity: 'error' as const, message: 'm', file, line, column: 2 });
    expect(placeDiagnostic(map, 'deck.md', at('deck.md', 5))).toEqual(at('parts/a.md', 2));
    expect(placeDiagnostic(map, 'deck.md', at('theme.css', 5))).toEqual(at('theme.css', 5));
    const sorted = [at('parts/a.md', 1), at('deck.md', 4), at('other.md', 1), at('deck.md', 1)].sort(
      inReadingOrder(map, 'deck.md'),
    );
    expect(sorted.map((d) => `${d.file}:${d.line}`)).toEqual(['deck.md:1', 'deck.md:4', 'parts/a.md:1', 'other.md:1']);
  });
});
