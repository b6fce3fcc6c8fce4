// Decks written for one test, in a folder of their own: a deck of a given canvas size, and a deck
// whose page never finishes loading.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes `files` into a new folder; returns the path of the first (the deck). */
export function writeDeck(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'deck-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return join(folder, Object.keys(files)[0]!);
}

/** Two slides on a canvas of the given size, the second with a paragraph 1700 px wide. */
export function deckOfSize(width: number, height: number): string {
  return writeDeck({
    [`deck-${width}x${height}.md`]: `---\ntitle: ${width} by ${height}\nreveal:\n  width: ${width}\n  height: ${height}\n---\n\n# Title\n\nNote: hi\n\n---\n\n## Wide\n\nA paragraph as wide as a big screen\n<!-- .element: style="width: 1700px" -->\n\nNote: hi\n`,
  });
}

/**
 * A deck whose page never finishes loading, as with a theme whose stylesheet imports a file from a
 * share that hangs: the file is a named pipe that nobody ever writes to. Returns the deck and the
 * URL of the file that never loads.
 */
export function neverLoadingDeck(): { deck: string; never: string } {
  const folder = mkdtempSync(join(tmpdir(), 'deck-never-'));
  const never = join(folder, 'never.css');
  execFileSync('mkfifo', [never]);
  const deck = writeDeck({
    'stuck.md': '---\ntitle: Stuck\ntheme: stuck.css\n---\n\n# Stuck\n\nNote: hi\n',
    'stuck.css': `@import url("${pathToFileURL(never).href}");\n`,
  });
  return { deck, never: pathToFileURL(never).href };
}
