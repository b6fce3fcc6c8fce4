// Static build: every deck into OUT/<name>/index.html with the runtime, its assets and public/,
// plus OUT/index.html listing the decks. The result opens from file:// and needs no network.
// Nothing is written unless every deck compiles; the new folder replaces the old one whole.

import { existsSync, renameSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DeckError } from '../errors.js';
import { type Diagnostic, hasErrors, type RenderedDeck } from '../model.js';
import { parseDeck } from '../parse/index.js';
import { type RenderOptions, renderDeck } from '../render/index.js';
import { type DeckSummary, renderIndexPage } from './index-page.js';
import { onInterrupt } from './interrupt.js';
import { deckContentSecurityPolicy, renderPage } from './page.js';
import { deckName, displayPath } from './paths.js';
import { readDeck } from './read-deck.js';
import { type RuntimeBundle, runtimeBundle } from './runtime-bundle.js';

export interface CompiledDeck {
  /** Folder name in the output: the file's name without `.md`. */
  name: string;
  /** Absolute path of the deck file. */
  path: string;
  rendered: RenderedDeck;
}

export interface CompileResult {
  decks: CompiledDeck[];
  diagnostics: Diagnostic[];
}

export interface BuildOptions {
  outDir: string;
  render?: RenderOptions;
  /** Copied as is into every deck's folder, when it exists. */
  publicDir?: string;
}

export interface BuildResult extends CompileResult {
  outDir: string;
}

/** Whether `path` is `folder` or inside it. */
const isInside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

async function checkAssets(deck: CompiledDeck): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const base = dirname(deck.path);
  const project = process.cwd();
  const sourceOf = new Map<string, string>();
  const problem = (asset: RenderedDeck['assets'][number], message: string) =>
    problems.push({ severity: 'error', message, file: deck.rendered.file, line: asset.line, column: asset.column });
  const assets = deck.rendered.assets.filter((asset) => {
    // A deck may use files from its own folder or the project, never from elsewhere on the disk.
    const source = resolve(base, asset.source);
    if (!isInside(source, base) && !isInside(source, project)) {
      problem(asset, `${asset.source} is outside the project folder; copy it next to the deck`);
      return false;
    }
    const other = sourceOf.get(asset.output);
    if (other !== undefined && other !== source) {
      problem(asset, `${asset.source} and ${displayPath(other)} would both be copied to ${asset.output}; rename one`);
      return false;
    }
    sourceOf.set(asset.output, source);
    return true;
  });
  await Promise.all(
    assets.map(async (asset) => {
      const info = await stat(join(base, asset.source)).catch(() => undefined);
      if (!info?.isFile()) {
        problems.push({
          severity: 'error',
          message: `file not found: ${asset.source} (looked in ${displayPath(base)})`,
          file: deck.rendered.file,
          line: asset.line,
          column: asset.column,
        });
      }
    }),
  );
  return problems;
}

/** Reads, parses and renders each deck and checks the files it refers to. Writes nothing. */
export async function compileDecks(paths: readonly string[], options: RenderOptions = {}): Promise<CompileResult> {
  const diagnostics: Diagnostic[] = [];
  const decks: CompiledDeck[] = [];
  const names = new Map<string, string>();
  for (const path of paths) {
    const file = displayPath(path);
    const read = await readDeck(path);
    if (!read.ok) {
      diagnostics.push({ ...read.diagnostic, file });
      continue;
    }
    const rendered = renderDeck(parseDeck(read.text, file), options);
    const deck: CompiledDeck = { name: deckName(path), path: resolve(path), rendered };
    const clash = names.get(deck.name);
    if (clash && clash !== deck.path) {
      throw new DeckError('USAGE', `two decks would both build to "${deck.name}/": ${displayPath(clash)} and ${file}`);
    }
    names.set(deck.name, deck.path);
    const found = [...rendered.diagnostics, ...(await checkAssets(deck))];
    diagnostics.push(...found.sort((a, b) => a.line - b.line || a.column - b.column));
    decks.push(deck);
  }
  return { decks, diagnostics };
}

async function writeDeck(deck: CompiledDeck, folder: string, runtime: RuntimeBundle, publicDir?: string) {
  await mkdir(folder, { recursive: true });
  if (publicDir && existsSync(publicDir)) {
    await cp(publicDir, folder, { recursive: true, filter: (source) => !basename(source).startsWith('.') });
  }
  for (const file of runtime.files) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await copyFile(join(runtime.dir, file), join(folder, file));
  }
  const base = dirname(deck.path);
  for (const asset of deck.rendered.assets) {
    await mkdir(dirname(join(folder, asset.output)), { recursive: true });
    await copyFile(join(base, asset.source), join(folder, asset.output));
  }
  const html = renderPage(deck.rendered, {
    styles: [runtime.style, ...deck.rendered.styles],
    script: { src: runtime.script, module: false },
    contentSecurityPolicy: deckContentSecurityPolicy(runtime.scriptHashes),
  });
  await writeFile(join(folder, 'index.html'), html);
}

export function summarize(deck: CompiledDeck): DeckSummary {
  const { meta, slides } = deck.rendered;
  return {
    name: deck.name,
    title: meta.title,
    slideCount: slides.length,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.duration ? { duration: meta.duration } : {}),
  };
}

/** Marks a folder as build output, so that a later build may replace it. */
const BUILD_MARKER = '.deck-build';

/** The output folder is replaced whole: never let that be a folder holding sources or other files. */
async function checkOutDir(outDir: string, decks: readonly CompiledDeck[], publicDir?: string): Promise<void> {
  const protectedPaths = [process.cwd(), ...decks.map((d) => d.path), ...(publicDir ? [resolve(publicDir)] : [])];
  const clash = protectedPaths.find((path) => isInside(path, outDir));
  if (clash)
    throw new DeckError(
      'USAGE',
      `--out ${displayPath(outDir)} would replace ${displayPath(clash) || 'the current folder'}; choose a separate output folder`,
    );
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new DeckError('USAGE', `--out ${displayPath(outDir)} is a file, not a folder; choose a folder for the build`);
  }
  const entries = info ? await readdir(outDir) : [];
  if (entries.length > 0 && !entries.includes(BUILD_MARKER)) {
    throw new DeckError(
      'USAGE',
      `${displayPath(outDir)} exists and was not made by deck build; choose another --out or remove it`,
    );
  }
}

/**
 * Puts `staging` in the place of `outDir`. Synchronous on purpose: a signal handler cannot run
 * between the two renames, so the output folder is never missing.
 */
function swap(staging: string, outDir: string, previous: string): void {
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, outDir);
    throw error;
  }
}

/**
 * Builds the decks into `outDir`. On any deck error it returns the diagnostics and leaves
 * `outDir` as it was; otherwise the new output replaces it in one rename.
 */
export async function buildDecks(paths: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(options.outDir);
  const compiled = await compileDecks(paths, options.render);
  if (hasErrors(compiled.diagnostics) || compiled.decks.length === 0) return { ...compiled, outDir };

  await checkOutDir(outDir, compiled.decks, options.publicDir);
  const runtime = await runtimeBundle();
  const staging = `${outDir}.tmp-${process.pid}`;
  const previous = `${outDir}.old-${process.pid}`;
  // Interrupted before the swap: the new files go, the old output stays. After it: only the
  // leftover old copy goes.
  const undo = onInterrupt(() => {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(outDir)) renameSync(previous, outDir);
    rmSync(previous, { recursive: true, force: true });
  });
  await rm(staging, { recursive: true, force: true });
  try {
    const decks = [...compiled.decks].sort((a, b) => a.name.localeCompare(b.name));
    for (const deck of decks) await writeDeck(deck, join(staging, deck.name), runtime, options.publicDir);
    await writeFile(join(staging, 'index.html'), renderIndexPage(decks.map(summarize)));
    await writeFile(join(staging, BUILD_MARKER), 'Built by deck build; replaced whole on the next build.\n');
    swap(staging, outDir, previous);
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
    undo();
  }
  return { ...compiled, outDir };
}
