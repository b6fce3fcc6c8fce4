// The browser runtime (reveal.js, the notes plugin, our start-up code and the structure every
// theme needs) is the same for every deck: it is bundled once as a classic script, which runs from
// file://, and cached under a key made of its inputs, beside the stylesheets a deck may add (the
// themes, with their fonts, and code highlighting). Editing slides never re-bundles it.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIGHLIGHT_THEMES } from '../render/highlight-themes.js';
import {
  DEFAULT_CODE_STYLESHEET,
  DEFAULT_THEME,
  highlightStylesheet,
  REVEAL_THEMES,
  themeStylesheet,
} from '../render/theme.js';
import {
  cssFileUrls,
  fontFaceRules,
  offlineRevealTheme,
  REVEAL_THEME_FONTS,
  rewriteCssUrls,
} from './theme-stylesheets.js';

export const TOOLKIT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RUNTIME_ENTRY = join(TOOLKIT_ROOT, 'src/runtime/main.ts');
/** The live room's script (`deck present`): a bundle of its own, so a built deck never carries it. */
export const ROOM_ENTRY = join(TOOLKIT_ROOT, 'src/runtime/room/main.ts');
const THEME_DIR = join(TOOLKIT_ROOT, 'theme');
const FONT_PACKAGES = [
  ...new Set([
    'atkinson-hyperlegible',
    'atkinson-hyperlegible-mono',
    'public-sans',
    'source-serif-4',
    ...Object.values(REVEAL_THEME_FONTS).flatMap((families) => families.map((family) => family.package)),
  ]),
].map((name) => `@fontsource/${name}`);
const PACKAGES = ['reveal.js', 'vite', 'highlight.js', ...FONT_PACKAGES];
const STYLESHEET_SOURCES = [
  'src/compile/runtime-bundle.ts',
  'src/compile/theme-stylesheets.ts',
  'src/render/theme.ts',
  'src/render/highlight-themes.ts',
];

export interface RuntimeBundle {
  dir: string;
  /** Files every deck's folder gets (the script and deck.css), relative to `dir`, sorted. */
  files: string[];
  script: string;
  style: string;
  /** The live room's script and stylesheet, relative to `dir`; only `deck present` serves them. */
  room: { script: string; style: string };
  /** CSP hashes of the inline scripts the bundle writes itself (reveal.js's speaker view). */
  scriptHashes: string[];
  /**
   * The stylesheets a deck may add (its theme, code highlighting), each with the files it needs
   * (itself, its fonts, its images), relative to `dir`.
   */
  stylesheets: Record<string, string[]>;
}

/** The files of the bundle a deck's folder needs: the runtime's, then its stylesheets' (each once). */
export function deckRuntimeFiles(runtime: RuntimeBundle, toolkitStyles: readonly string[]): string[] {
  const files = new Set(runtime.files);
  for (const style of toolkitStyles) {
    const needed = runtime.stylesheets[style];
    if (!needed) throw new Error(`runtime bundle: no stylesheet ${style}`);
    for (const file of needed) files.add(file);
  }
  return [...files];
}

const META = 'bundle.json';
const ROOM_FOLDER = 'room';

/**
 * reveal.js's notes plugin opens the speaker view by writing a page with an inline script into a
 * new window, which inherits the deck's Content-Security-Policy: that script must be allowed by
 * its hash. The page is a template literal in the bundle; read it back exactly as it will run.
 */
function speakerViewScriptHashes(bundleSource: string): string[] {
  const opening = 'document.write(`';
  const start = bundleSource.indexOf(opening);
  if (start < 0) throw new Error('runtime bundle: the speaker view page was not found; the notes plugin changed');
  let end = start + opening.length;
  while (end < bundleSource.length && bundleSource[end] !== '`') end += bundleSource[end] === '\\' ? 2 : 1;
  const literal = bundleSource.slice(start + opening.length, end);
  if (literal.includes('${')) throw new Error('runtime bundle: the speaker view page is no longer a plain template');
  const html = new Function(`return \`${literal}\`;`)() as string;
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Folder of an installed package, found the way Node finds it (some hide package.json behind "exports"). */
function packageDir(name: string): string | undefined {
  for (let dir = TOOLKIT_ROOT; ; dir = dirname(dir)) {
    const folder = join(dir, 'node_modules', name);
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(dir) === dir) return undefined;
  }
}

async function packageVersion(name: string): Promise<string> {
  const dir = packageDir(name);
  if (!dir) return 'missing';
  return (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function requirePackageDir(name: string): string {
  const dir = packageDir(name);
  if (!dir) throw new Error(`runtime bundle: the package ${name} is not installed; run npm install`);
  return dir;
}

/**
 * Writes a stylesheet into the bundle with the files it refers to: fonts named by their npm
 * package (`@fontsource/…`) go to fonts/, files beside the source keep their place beside it.
 * Returns every file written, relative to `outDir`.
 */
async function writeStylesheet(outDir: string, path: string, css: string, sourceDir: string): Promise<string[]> {
  const files = [path];
  const copies: [string, string][] = [];
  const rewritten = rewriteCssUrls(css, (url) => {
    if (!url.startsWith('@fontsource/')) return undefined;
    const [scope, name, ...rest] = url.split('/');
    const font = `fonts/${basename(url)}`;
    copies.push([join(requirePackageDir(`${scope}/${name}`), ...rest), font]);
    return posix.relative(posix.dirname(path), font);
  });
  for (const url of cssFileUrls(css)) {
    if (url.startsWith('@fontsource/')) continue;
    const file = posix.join(posix.dirname(path), url.replace(/[?#].*$/, ''));
    copies.push([join(sourceDir, url.replace(/[?#].*$/, '')), file]);
  }
  await mkdir(dirname(join(outDir, path)), { recursive: true });
  await writeFile(join(outDir, path), rewritten);
  for (const [from, to] of copies) {
    await mkdir(dirname(join(outDir, to)), { recursive: true });
    await copyFile(from, join(outDir, to));
    files.push(to);
  }
  return [...new Set(files)];
}

/** Writes every theme and highlighting stylesheet into `outDir` and returns what each needs. */
async function writeStylesheets(outDir: string): Promise<Record<string, string[]>> {
  const stylesheets: Record<string, string[]> = {};
  const add = async (path: string, css: string, sourceDir: string) => {
    stylesheets[path] = await writeStylesheet(outDir, path, css, sourceDir);
  };
  await add(themeStylesheet(DEFAULT_THEME), await readFile(join(THEME_DIR, 'default.css'), 'utf8'), THEME_DIR);
  await add(DEFAULT_CODE_STYLESHEET, await readFile(join(THEME_DIR, 'default-code.css'), 'utf8'), THEME_DIR);

  const revealThemes = join(requirePackageDir('reveal.js'), 'dist/theme');
  const additions = await readFile(join(THEME_DIR, 'reveal-theme.css'), 'utf8');
  for (const name of REVEAL_THEMES) {
    const css = offlineRevealTheme(await readFile(join(revealThemes, `${name}.css`), 'utf8'));
    await add(themeStylesheet(name), `${fontFaceRules(REVEAL_THEME_FONTS[name])}${css}\n${additions}`, revealThemes);
  }

  const highlightStyles = join(requirePackageDir('highlight.js'), 'styles');
  for (const name of HIGHLIGHT_THEMES) {
    const source = join(highlightStyles, `${name}.min.css`);
    await add(highlightStylesheet(name), await readFile(source, 'utf8'), dirname(source));
  }
  return stylesheets;
}

async function cacheKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of PACKAGES) hash.update(`${name}@${await packageVersion(name)}\n`);
  const inputs = [
    ...(await listFiles(join(TOOLKIT_ROOT, 'src/runtime'))).map((f) => join(TOOLKIT_ROOT, 'src/runtime', f)),
    ...(await listFiles(THEME_DIR)).map((f) => join(THEME_DIR, f)),
    // What the runtime imports from beside it: the contract it shares with Node, and the room's words and labels.
    join(TOOLKIT_ROOT, 'src/contract.ts'),
    join(TOOLKIT_ROOT, 'src/wording.ts'),
    join(TOOLKIT_ROOT, 'src/labels.ts'),
    // What makes the theme and highlighting stylesheets.
    ...STYLESHEET_SOURCES.map((f) => join(TOOLKIT_ROOT, f)),
  ];
  for (const file of inputs) {
    hash.update(`${relative(TOOLKIT_ROOT, file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Bundles `input` into `outDir` as one classic script, `<name>.js`, and its CSS as `<name>.css`. */
async function bundle(outDir: string, input: string, name: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: TOOLKIT_ROOT,
    base: './',
    logLevel: 'error',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      write: true,
      target: 'es2022',
      cssCodeSplit: false,
      modulePreload: false,
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        input,
        output: {
          format: 'iife',
          entryFileNames: `${name}.js`,
          assetFileNames: (asset) =>
            asset.names.some((n) => n.endsWith('.css')) ? `${name}.css` : 'fonts/[name][extname]',
        },
      },
    },
  });
}

/**
 * Where bundles live: beside the compiled toolkit, so that `npm install` (which compiles) leaves
 * one ready and a deck build never waits for Vite unless the runtime or theme changed.
 */
export const RUNTIME_ROOT = join(TOOLKIT_ROOT, 'lib/runtime');

/** The runtime bundle for the current sources, built now if there is none for them yet. */
export async function runtimeBundle(cacheRoot = RUNTIME_ROOT): Promise<RuntimeBundle> {
  const dir = join(cacheRoot, await cacheKey());
  if (!existsSync(join(dir, META))) {
    // Build beside the cache entry and move it in whole, so a half-written bundle is never used.
    const staging = `${dir}.tmp-${process.pid}`;
    await mkdir(cacheRoot, { recursive: true });
    try {
      await bundle(staging, RUNTIME_ENTRY, 'deck');
      await bundle(join(staging, ROOM_FOLDER), ROOM_ENTRY, 'room');
      const scriptHashes = speakerViewScriptHashes(await readFile(join(staging, 'deck.js'), 'utf8'));
      const stylesheets = await writeStylesheets(staging);
      await writeFile(join(staging, META), JSON.stringify({ scriptHashes, stylesheets }));
      // Finished bundles of earlier sources are of no more use (another process's work in progress is left alone).
      for (const old of await readdir(cacheRoot)) {
        if (/^[0-9a-f]{16}$/.test(old) && old !== basename(dir))
          await rm(join(cacheRoot, old), { recursive: true, force: true });
      }
      // Another process may have finished the same bundle first; theirs is as good as ours.
      await rename(staging, dir).catch((error: unknown) => {
        if (!existsSync(join(dir, META))) throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const meta = JSON.parse(await readFile(join(dir, META), 'utf8')) as Pick<
    RuntimeBundle,
    'scriptHashes' | 'stylesheets'
  >;
  const script = 'deck.js';
  const style = 'deck.css';
  const room = { script: `${ROOM_FOLDER}/room.js`, style: `${ROOM_FOLDER}/room.css` };
  return { dir, files: [script, style], script, style, room, ...meta };
}
