// Static build: every deck into OUT/<name>/index.html with the runtime, its assets and public/,
// plus OUT/index.html listing the decks. The result opens from file:// and needs no network.
// Nothing is written unless every deck compiles; the new folder replaces the old one whole.

import { existsSync, renameSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type CompileResult, compileDecks } from '../compile/compile.js';
import { deckRuntimeFiles, type RuntimeBundle, runtimeBundle } from '../compile/runtime-bundle.js';
import { DeckError } from '../errors.js';
import { renderIndexPage, summarize } from '../html/index-page.js';
import { deckContentSecurityPolicy, pageStyles, renderPage } from '../html/page.js';
import { type CompiledDeck, hasErrors, type Project } from '../model.js';
import { onInterrupt } from '../platform/interrupt.js';
import { displayPath, isInside } from '../platform/paths.js';
import type { RenderOptions } from '../render/index.js';

export interface BuildOptions {
  outDir: string;
  project: Project;
  render?: RenderOptions;
}

export interface BuildResult extends CompileResult {
  outDir: string;
}

async function writeDeck(deck: CompiledDeck, folder: string, runtime: RuntimeBundle, publicDir?: string) {
  await mkdir(folder, { recursive: true });
  if (publicDir && existsSync(publicDir)) {
    await cp(publicDir, folder, { recursive: true, filter: (source) => !basename(source).startsWith('.') });
  }
  for (const file of deckRuntimeFiles(runtime, deck.rendered.toolkitStyles)) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await copyFile(join(runtime.dir, file), join(folder, file));
  }
  const base = dirname(deck.path);
  for (const asset of deck.rendered.assets) {
    await mkdir(dirname(join(folder, asset.output)), { recursive: true });
    await copyFile(join(base, asset.source), join(folder, asset.output));
  }
  const html = renderPage(deck.rendered, {
    styles: pageStyles(deck.rendered, { style: runtime.style, bundleUrl: '' }),
    script: { src: runtime.script, module: false },
    contentSecurityPolicy: deckContentSecurityPolicy(runtime.scriptHashes),
  });
  await writeFile(join(folder, 'index.html'), html);
}

/** Marks a folder as build output, so that a later build may replace it. */
const BUILD_MARKER = '.deck-build';

/** The output folder is replaced whole: never let that be a folder holding sources or other files. */
async function checkOutDir(outDir: string, decks: readonly CompiledDeck[], project: Project): Promise<void> {
  const protectedPaths = [project.root, project.slidesDir, project.publicDir, ...decks.map((d) => d.path)];
  const clash = protectedPaths.find((path) => isInside(path, outDir));
  if (clash)
    throw new DeckError(
      'USAGE',
      `--out ${displayPath(outDir, project.root)} would replace ${displayPath(clash, project.root) || 'the current folder'}; choose a separate output folder`,
    );
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new DeckError(
      'USAGE',
      `--out ${displayPath(outDir, project.root)} is a file, not a folder; choose a folder for the build`,
    );
  }
  const entries = info ? await readdir(outDir) : [];
  if (entries.length > 0 && !entries.includes(BUILD_MARKER)) {
    throw new DeckError(
      'USAGE',
      `${displayPath(outDir, project.root)} exists and was not made by deck build; choose another --out or remove it`,
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
  const outDir = resolve(options.project.root, options.outDir);
  const compiled = await compileDecks(paths, options.project, options.render);
  if (hasErrors(compiled.diagnostics) || compiled.decks.length === 0) return { ...compiled, outDir };

  await checkOutDir(outDir, compiled.decks, options.project);
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
    for (const deck of decks) await writeDeck(deck, join(staging, deck.name), runtime, options.project.publicDir);
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
