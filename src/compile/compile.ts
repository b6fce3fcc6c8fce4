// The compile step: read each deck, parse and render it, and check the files it refers to.
// Writes nothing; every command that needs a deck starts here.

import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DeckError } from '../errors.js';
import type { AssetReference, CompiledDeck, Diagnostic, Project } from '../model.js';
import { parseDeck } from '../parse/index.js';
import { deckName, displayPath, isInside } from '../platform/paths.js';
import { type RenderOptions, renderDeck } from '../render/index.js';
import { readDeck } from './read-deck.js';

export interface CompileResult {
  decks: CompiledDeck[];
  diagnostics: Diagnostic[];
}

async function checkAssets(deck: CompiledDeck, project: Project): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const base = dirname(deck.path);
  const sourceOf = new Map<string, string>();
  const problem = (asset: AssetReference, message: string) =>
    problems.push({ severity: 'error', message, file: deck.rendered.file, line: asset.line, column: asset.column });
  const assets = deck.rendered.assets.filter((asset) => {
    // A deck may use files from its own folder or the project, never from elsewhere on the disk.
    const source = resolve(base, asset.source);
    if (!isInside(source, base) && !isInside(source, project.root)) {
      problem(asset, `${asset.source} is outside the project folder; copy it next to the deck`);
      return false;
    }
    const other = sourceOf.get(asset.output);
    if (other !== undefined && other !== source) {
      problem(
        asset,
        `${asset.source} and ${displayPath(other, project.root)} would both be copied to ${asset.output}; rename one`,
      );
      return false;
    }
    sourceOf.set(asset.output, source);
    return true;
  });
  await Promise.all(
    assets.map(async (asset) => {
      const info = await stat(join(base, asset.source)).catch(() => undefined);
      if (!info?.isFile())
        problem(asset, `file not found: ${asset.source} (looked in ${displayPath(base, project.root)})`);
    }),
  );
  return problems;
}

/** Reads, parses and renders each deck and checks the files it refers to. */
export async function compileDecks(
  paths: readonly string[],
  project: Project,
  options: RenderOptions = {},
): Promise<CompileResult> {
  const diagnostics: Diagnostic[] = [];
  const decks: CompiledDeck[] = [];
  const names = new Map<string, string>();
  for (const path of paths) {
    const file = displayPath(path, project.root);
    const read = await readDeck(resolve(project.root, path));
    if (!read.ok) {
      diagnostics.push({ ...read.diagnostic, file });
      continue;
    }
    const rendered = renderDeck(parseDeck(read.text, file, options), options);
    const deck: CompiledDeck = { name: deckName(path), path: resolve(project.root, path), rendered };
    const clash = names.get(deck.name);
    if (clash && clash !== deck.path) {
      throw new DeckError(
        'USAGE',
        `two decks would both build to "${deck.name}/": ${displayPath(clash, project.root)} and ${file}`,
      );
    }
    names.set(deck.name, deck.path);
    const found = [...rendered.diagnostics, ...(await checkAssets(deck, project))];
    diagnostics.push(...found.sort((a, b) => a.line - b.line || a.column - b.column));
    decks.push(deck);
  }
  return { decks, diagnostics };
}
