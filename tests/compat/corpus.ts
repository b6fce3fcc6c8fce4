// The corpus of real decks in tests/fixtures/real/: one folder per deck, laid out as in the
// repository it came from (so relative image paths still point at the same files), with a
// deck.json that says which file is the deck and how its host showed it. SOURCES.md says where
// each one came from.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve('tests/fixtures/real');

/**
 * How the deck's real host turned it into slides:
 * - `reveal-md@6`: reveal-md 6 puts the Markdown (front matter removed) in a `<textarea data-template>`
 *   of its page template and lets the plugin split it in the browser;
 * - `reveal-md@5`: reveal-md 2 to 5 split the Markdown with the plugin's `slidify` on the server and
 *   put the slides in the page;
 * - `reveal.js-page`: an HTML page of the author's with a `<section data-markdown …>`.
 */
export type Host = 'reveal-md@6' | 'reveal-md@5' | 'reveal.js-page';

export interface PageSection {
  /** Where the page sits in the deck's folder: relative URLs in the deck resolve from there. */
  path: string;
  /** The `<section>`'s attributes as the page has them (`data-markdown`, `data-separator`, …). */
  section: Record<string, string>;
  /** An inline deck: the template element and its text exactly as in the page. */
  template?: { element: 'script' | 'textarea'; text: string };
  /** Options the page passes to `Reveal.initialize` that change what the Markdown becomes. */
  revealConfig?: Record<string, unknown>;
}

export interface CorpusDeck {
  name: string;
  /** The deck's folder. */
  dir: string;
  host: Host;
  /** The Markdown file, relative to `dir`: what our build compiles. */
  file: string;
  /** reveal-md's project configuration (reveal-md.json), relative to `dir`. */
  revealMdConfig?: string;
  page?: PageSection;
}

export function loadCorpus(root = CORPUS_DIR): CorpusDeck[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(root, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'deck.json'), 'utf8')) as Omit<CorpusDeck, 'name' | 'dir'>;
      return { name: entry.name, dir, ...manifest };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The separators a host passes to the plugin, under the plugin's option names. */
export interface Separators {
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
}

/** A page section's separator attributes, as plugin options. */
export function pageSeparators(page: PageSection): Separators {
  const options: Separators = {};
  const { section } = page;
  if (section['data-separator'] !== undefined) options.separator = section['data-separator'];
  if (section['data-separator-vertical'] !== undefined) options.verticalSeparator = section['data-separator-vertical'];
  if (section['data-separator-notes'] !== undefined) options.notesSeparator = section['data-separator-notes'];
  return options;
}
