// Static build: every deck into OUT/<name>/ with the runtime, its assets and public/, plus
// OUT/index.html listing every deck in OUT. The result opens from file:// and needs no network.
//
// With --single-file, each deck is instead one HTML file, OUT/<name>.html (single-file.ts).
//
// A build replaces only the folders of the decks it builds: `deck build one.md` leaves the other
// decks in OUT alone, and the index lists them all, from the summary each deck folder keeps.
// Nothing is written unless every deck compiles; the new folders and the index are written aside
// and moved into place together, in one synchronous step that no signal can interrupt, so an
// interrupted build leaves the old output or the new one, never a mix.

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type CompileResult, compileDecks } from '../compile/compile.js';
import { deckRuntimeFiles, type RuntimeBundle, runtimeBundle } from '../compile/runtime-bundle.js';
import { DeckError } from '../errors.js';
import {
  type DeckSummary,
  type IndexFont,
  parseSummary,
  renderIndexPage,
  summarize,
  summaryJson,
} from '../html/index-page.js';
import { deckContentSecurityPolicy, pageStyles, renderPage } from '../html/page.js';
import { type CompiledDeck, hasErrors, type Project } from '../model.js';
import { checkOwnFolder } from '../platform/destination.js';
import { onInterrupt } from '../platform/interrupt.js';
import { displayPath, isInside } from '../platform/paths.js';
import type { RenderOptions } from '../render/index.js';
import { singleFileDeck } from './single-file.js';
import { THUMBNAIL_FILE, type ThumbnailResult, writeThumbnails } from './thumbnails.js';

export interface BuildOptions {
  outDir: string;
  project: Project;
  render?: RenderOptions;
  /** Each deck as one HTML file, OUT/<name>.html, that holds everything (no folder, no index page). */
  singleFile?: boolean;
  /** A picture of each deck's first slide on the index page (taken in a browser; see thumbnails.ts). */
  thumbnails?: boolean;
  /** Build this variant of each deck (parse/variants.ts); without it, every variant of a deck that has them. */
  variant?: string;
}

export interface BuildResult extends CompileResult {
  outDir: string;
  /** Every deck the output's index page lists: the ones built now and the ones already there. */
  indexed: DeckSummary[];
  /** With `singleFile`: each deck's file and its size in bytes. */
  singleFiles: { name: string; file: string; size: number }[];
  /** With `thumbnails`: how many were taken and reused, and why any are missing. */
  thumbnails?: Omit<ThumbnailResult, 'keys'>;
}

/** Marks a folder as build output, so that a later build may replace decks in it. */
const BUILD_MARKER = '.deck-build';
const BUILD_MARKER_TEXT = 'Built by deck build: each build replaces the folders of the decks it builds.\n';
/** In each deck's folder: what the index page says about the deck. A dot file, so public/ cannot clash. */
const SUMMARY_FILE = '.deck.json';
const INDEX_PAGE = 'index.html';

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
  await writeFile(join(folder, INDEX_PAGE), html);
}

/** The default theme's text faces, for the index page (in the runtime bundle, beside the theme). */
async function indexFonts(runtime: RuntimeBundle): Promise<IndexFont[]> {
  const read = (file: string) => readFile(join(runtime.dir, 'fonts', file)).then((bytes) => bytes.toString('base64'));
  return [
    { weight: 400, base64: await read('atkinson-hyperlegible-latin-400-normal.woff2') },
    { weight: 700, base64: await read('atkinson-hyperlegible-latin-700-normal.woff2') },
    // The default theme's plain zero in bold type (default.css).
    { weight: 700, base64: await read('public-sans-latin-700-normal.woff2'), unicodeRange: 'U+0030' },
  ];
}

/**
 * Checked before any work: the output folder must not hold sources, must be a folder (or be
 * possible to make) the user can write to, and if it has anything in it, a build made it.
 */
async function checkOutDir(outDir: string, sources: readonly string[], project: Project): Promise<void> {
  const shown = (path: string) => displayPath(path, project.root);
  const label = `--out ${shown(outDir)}`;
  const protectedPaths = [project.root, project.slidesDir, project.publicDir, ...sources];
  const clash = protectedPaths.find((path) => isInside(path, outDir));
  if (clash) {
    throw new DeckError(
      'USAGE',
      `${label} would replace ${shown(clash) === '.' ? 'the current folder' : shown(clash)}; choose a separate output folder`,
    );
  }
  // Every deck gets a copy of public/: an output inside it would be copied into itself.
  if (isInside(outDir, project.publicDir)) {
    throw new DeckError(
      'USAGE',
      `${label} is inside ${shown(project.publicDir)}, which every deck gets a copy of; choose a folder outside it`,
    );
  }
  await checkOwnFolder(
    { path: outDir, label, shown },
    BUILD_MARKER,
    `${shown(outDir)} exists and was not made by deck build; choose another --out or remove it`,
  );
}

/** The summaries kept in the deck folders of `outDir` (folders without one are not listed). */
async function summariesIn(outDir: string): Promise<DeckSummary[]> {
  const entries = await readdir(outDir, { withFileTypes: true });
  const summaries = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => {
        const text = await readFile(join(outDir, entry.name, SUMMARY_FILE), 'utf8').catch(() => undefined);
        return text === undefined ? undefined : parseSummary(entry.name, text);
      }),
  );
  return summaries.filter((summary) => summary !== undefined);
}

/**
 * Moves each staged entry into `outDir`, putting the one it replaces aside in `replaced`.
 * Synchronous on purpose: a signal handler cannot run halfway, so the output is old or new.
 * If a move fails, the ones already made are undone.
 */
function moveIntoPlace(staging: string, names: readonly string[], outDir: string, replaced: string): void {
  const undo: (() => void)[] = [];
  try {
    mkdirSync(replaced);
    for (const name of names) {
      const target = join(outDir, name);
      if (existsSync(target)) {
        renameSync(target, join(replaced, name));
        undo.push(() => renameSync(join(replaced, name), target));
      }
      renameSync(join(staging, name), target);
      undo.push(() => renameSync(target, join(staging, name)));
    }
  } catch (error) {
    for (const step of undo.reverse()) step();
    throw error;
  }
}

/**
 * Builds the decks into `outDir`. On any deck error it returns the diagnostics and leaves
 * `outDir` as it was; otherwise the decks' new folders and the index replace the old ones at once.
 */
export async function buildDecks(paths: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const { project } = options;
  const outDir = resolve(project.root, options.outDir);
  const sources = paths.map((path) => resolve(project.root, path));
  await checkOutDir(outDir, sources, project);
  const compiled = await compileDecks(paths, project, {
    ...options.render,
    ...(options.variant !== undefined ? { variant: options.variant } : {}),
  });
  if (hasErrors(compiled.diagnostics) || compiled.decks.length === 0) {
    return { ...compiled, outDir, indexed: [], singleFiles: [] };
  }

  const runtime = await runtimeBundle();
  const created = !existsSync(outDir);
  const staging = join(outDir, `.deck-staging-${process.pid}`);
  let moved = false;
  // Stopped before the move: the new files go (and the output folder, if this build made it).
  // After it: only the replaced folders, put aside in the staging folder, go.
  const undo = onInterrupt(() => rmSync(created && !moved ? outDir : staging, { recursive: true, force: true }));
  try {
    await mkdir(staging, { recursive: true });
    const decks = [...compiled.decks].sort((a, b) => a.name.localeCompare(b.name));
    if (options.singleFile) {
      const singleFiles: BuildResult['singleFiles'] = [];
      const diagnostics = [...compiled.diagnostics];
      for (const deck of decks) {
        const single = await singleFileDeck(deck, runtime, project);
        const name = `${deck.name}.html`;
        await writeFile(join(staging, name), single.html);
        diagnostics.push(...single.diagnostics);
        singleFiles.push({ name: deck.name, file: join(outDir, name), size: Buffer.byteLength(single.html) });
      }
      await writeFile(join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);
      moveIntoPlace(
        staging,
        [BUILD_MARKER, ...decks.map((deck) => `${deck.name}.html`)],
        outDir,
        join(staging, '.replaced'),
      );
      moved = true;
      return { ...compiled, diagnostics, outDir, indexed: [], singleFiles };
    }
    for (const deck of decks) await writeDeck(deck, join(staging, deck.name), runtime, project.publicDir);
    const built = new Set(decks.map((deck) => deck.name));
    const before = await summariesIn(outDir);
    const thumbnails = options.thumbnails
      ? await writeThumbnails(
          decks.map((deck) => {
            const previous = before.find((summary) => summary.name === deck.name);
            return {
              deck,
              folder: join(staging, deck.name),
              ...(previous ? { previous: { folder: join(outDir, deck.name), key: previous.thumbnailKey } } : {}),
            };
          }),
          runtime,
        )
      : undefined;
    const summaries = decks.map((deck) => {
      const key = thumbnails?.keys.get(deck.name);
      return { ...summarize(deck), ...(key ? { thumbnail: THUMBNAIL_FILE, thumbnailKey: key } : {}) };
    });
    for (const summary of summaries) await writeFile(join(staging, summary.name, SUMMARY_FILE), summaryJson(summary));
    const kept = before.filter((summary) => !built.has(summary.name));
    const indexed = [...kept, ...summaries].sort((a, b) => a.name.localeCompare(b.name));
    await writeFile(join(staging, INDEX_PAGE), renderIndexPage(indexed, await indexFonts(runtime)));
    await writeFile(join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);
    moveIntoPlace(staging, [BUILD_MARKER, ...built, INDEX_PAGE], outDir, join(staging, '.replaced'));
    moved = true;
    const result: BuildResult = { ...compiled, outDir, indexed, singleFiles: [] };
    if (thumbnails) {
      const { keys: _keys, ...counts } = thumbnails;
      result.thumbnails = counts;
    }
    return result;
  } catch (error) {
    if (created) await rm(outDir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
    undo();
  }
}
