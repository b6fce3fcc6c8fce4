import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Token } from 'markdown-it';
import type { Deck, Diagnostic, Project, RenderedDeck } from '../src/model.js';
import { parseDeck } from '../src/parse/index.js';
import { projectAt } from '../src/platform/paths.js';
import { renderDeck } from '../src/render/index.js';

export const FILE = 'deck.md';

/** The repository as a project: tests run from its root. */
export const REPO: Project = projectAt(process.cwd());

export function parse(source: string): Deck {
  return parseDeck(source, FILE);
}

export function render(source: string): RenderedDeck {
  return renderDeck(parseDeck(source, FILE));
}

/** Milliseconds of CPU a call takes: the bound of the tests of hostile sizes. */
export function cpu(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Diagnostics as `line:column severity message` strings, for readable assertions. */
export function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
}

/** The HTML of one slide's <section>, found by its 0-based position in reading order (stacks skipped). */
export function sectionHtml(deck: RenderedDeck, index: number): string {
  const sections = deck.sectionsHtml
    .split(/(?=<section)/)
    .filter((s) => s.startsWith('<section') && s !== '<section>\n');
  return sections[index] ?? '';
}

/** Every file under a folder with the hash of its bytes, to compare whole output trees. */
export function fileTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return files;
}

/**
 * The Markdown a slide's body or notes were read from: the source lines their tokens came from,
 * without the notes marker.
 */
export function markdownOf(source: string, tokens: readonly Token[] | undefined): string {
  const maps = (tokens ?? []).flatMap((token) => (token.map ? [token.map] : []));
  if (maps.length === 0) return '';
  const lines = source.split(/\r\n?|\n/);
  const start = Math.min(...maps.map((map) => map[0]));
  const end = Math.max(...maps.map((map) => map[1]));
  return lines
    .slice(start, end)
    .join('\n')
    .replace(/^\s*notes?:\s*/i, '');
}
