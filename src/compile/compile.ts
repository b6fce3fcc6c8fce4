// The compile step: read each deck, parse and render it, and check the files it refers to.
// Writes nothing; every command that needs a deck starts here.

import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DeckError } from '../errors.js';
import {
  type AssetReference,
  type CompiledDeck,
  type Deck,
  type Diagnostic,
  formatDiagnostic,
  type Project,
} from '../model.js';
import { parseDeck } from '../parse/index.js';
import { selectVariant, unknownVariant } from '../parse/variants.js';
import { deckName, displayPath, isInside } from '../platform/paths.js';
import { type RenderOptions, renderDeck } from '../render/index.js';
import { asWrittenAt, inReadingOrder, originOf, placeDiagnostic } from '../source-map.js';
import { quoted } from '../wording.js';
import { readDeckSource } from './includes.js';
import { stylesheetFiles } from './stylesheet-files.js';

export interface CompileResult {
  decks: CompiledDeck[];
  diagnostics: Diagnostic[];
}

const SCRIPT_FILE = /\.(?:m?js|cjs)$/i;

/** Where a file really is, links followed; undefined when there is nothing there. */
const realPath = (path: string) => realpath(path).catch(() => undefined);

/**
 * Checks the files a deck refers to: each must be a regular, readable file inside the deck's folder
 * or the project, as it really is (a link to a file elsewhere is outside), and no two may land in
 * one place in the output.
 */
async function checkAssets(deck: CompiledDeck, project: Project): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const base = dirname(deck.path);
  const allowed = (await Promise.all([realPath(base), realPath(project.root)])).filter(
    (folder): folder is string => folder !== undefined,
  );
  const sourceOf = new Map<string, string>();
  const { file, sourceMap } = deck.rendered;
  const problem = (asset: AssetReference, message: string) =>
    problems.push(
      placeDiagnostic(sourceMap, file, { severity: 'error', message, file, line: asset.line, column: asset.column }),
    );
  const outside = (asset: AssetReference) =>
    problem(asset, `${quoted(asset.source)} is outside the project folder; copy it next to the deck`);
  const assets = deck.rendered.assets.filter((asset) => {
    // Nothing in a built deck may be a script: only its own runtime runs there.
    if (SCRIPT_FILE.test(asset.source)) {
      problem(
        asset,
        `${quoted(asset.source)} is a script, and a deck carries none of its own; to share code, link a .txt copy or a .zip`,
      );
      return false;
    }
    const source = resolve(base, asset.source);
    if (!isInside(source, base) && !isInside(source, project.root)) {
      outside(asset);
      return false;
    }
    const other = sourceOf.get(asset.output);
    if (other !== undefined && other !== source) {
      problem(
        asset,
        `${quoted(asset.source)} and ${displayPath(other, project.root)} would both be copied to ${asset.output}; rename one`,
      );
      return false;
    }
    sourceOf.set(asset.output, source);
    return true;
  });
  await Promise.all(
    assets.map(async (asset) => {
      const source = resolve(base, asset.source);
      const real = await realPath(source);
      if (real === undefined) {
        // A file named in an included file is looked for beside that file, and named as written there.
        const within = originOf(deck.rendered.sourceMap, asset.line)?.folder ?? '';
        const written = asWrittenAt(deck.rendered.sourceMap, asset.line, asset.source);
        const folder = displayPath(resolve(base, within), project.root);
        problem(asset, `file not found: ${quoted(written)} (looked in ${folder})`);
        return;
      }
      if (!allowed.some((folder) => isInside(real, folder))) {
        outside(asset);
        return;
      }
      const info = await stat(real);
      if (!info.isFile()) {
        problem(asset, `${quoted(asset.source)} is not a regular file; a slide can show files only`);
        return;
      }
      await access(real, constants.R_OK).catch(() =>
        problem(asset, `cannot read ${quoted(asset.source)}: permission denied`),
      );
    }),
  );
  return problems;
}

export interface CompileOptions extends RenderOptions {
  /**
   * The variant to make of each deck (parse/variants.ts); without it, a deck with variants makes
   * one deck per variant, named `<deck>-<variant>`.
   */
  variant?: string;
}

/**
 * The decks to make of a parsed deck: the variant asked for, else each of its variants, else the
 * deck (also when a variant is asked of a deck without any: it is the same in every variant).
 */
function decksOf(parsed: Deck, variant: string | undefined): { deck: Deck; variant?: string }[] | Diagnostic {
  const variants = parsed.meta.variants ?? [];
  if (variants.length === 0) return [{ deck: parsed }];
  if (variant !== undefined) {
    return unknownVariant(parsed, variant) ?? [{ deck: selectVariant(parsed, variant), variant }];
  }
  return variants.map(({ name }) => ({ deck: selectVariant(parsed, name), variant: name }));
}

/** Reads, parses and renders each deck (each of its variants) and checks the files it refers to. */
export async function compileDecks(
  paths: readonly string[],
  project: Project,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const diagnostics: Diagnostic[] = [];
  const decks: CompiledDeck[] = [];
  const names = new Map<string, string>();
  const said = new Set<string>();
  for (const path of paths) {
    const file = displayPath(path, project.root);
    const read = await readDeckSource(resolve(project.root, path), project);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const { text, sourceMap, included } = read.source;
    const parsed = parseDeck(text, file, { ...options, ...(sourceMap ? { sourceMap } : {}) });
    parsed.diagnostics.unshift(...read.source.diagnostics);
    const made = decksOf(parsed, options.variant);
    if (!Array.isArray(made)) {
      for (const diagnostic of [made, ...parsed.diagnostics]) diagnostics.push(diagnostic);
      continue;
    }
    // The variants of a deck share its text: a problem in it is said once, not once per variant.
    const found = new Map<string, Diagnostic>();
    for (const { deck: variantDeck, variant } of made) {
      const rendered = renderDeck(variantDeck, options);
      const name = variant === undefined ? deckName(path) : `${deckName(path)}-${variant}`;
      const deck: CompiledDeck = {
        name,
        path: resolve(project.root, path),
        rendered,
        included,
        ...(variant !== undefined ? { variant } : {}),
      };
      const clash = names.get(deck.name);
      if (clash && clash !== deck.path) {
        throw new DeckError(
          'USAGE',
          `two decks would both build to "${deck.name}/": ${displayPath(clash, project.root)} and ${file}`,
        );
      }
      names.set(deck.name, deck.path);
      const loaded = await stylesheetFiles(deck);
      rendered.assets.push(...loaded.assets);
      for (const diagnostic of [
        ...rendered.diagnostics,
        ...loaded.diagnostics,
        ...(await checkAssets(deck, project)),
      ]) {
        found.set(formatDiagnostic(diagnostic), diagnostic);
      }
      decks.push(deck);
    }
    for (const diagnostic of [...found.values()].sort(inReadingOrder(sourceMap, file))) {
      // A part several decks include has its problems said once.
      if (said.has(formatDiagnostic(diagnostic))) continue;
      said.add(formatDiagnostic(diagnostic));
      diagnostics.push(diagnostic);
    }
  }
  return { decks, diagnostics };
}
