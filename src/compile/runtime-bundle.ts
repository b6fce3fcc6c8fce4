// The browser runtime (reveal.js, the notes plugin, our start-up code, the theme and its fonts)
// is the same for every deck: it is bundled once as a classic script, which runs from file://,
// and cached under a key made of its inputs. Editing slides never re-bundles it.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLKIT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RUNTIME_ENTRY = join(TOOLKIT_ROOT, 'src/runtime/main.ts');
const THEME_DIR = join(TOOLKIT_ROOT, 'theme');
const PACKAGES = ['reveal.js', 'vite', '@fontsource/atkinson-hyperlegible', '@fontsource/source-serif-4'];

export interface RuntimeBundle {
  dir: string;
  /** Files to copy into a deck's folder, relative to `dir`, sorted. */
  files: string[];
  script: string;
  style: string;
  /** CSP hashes of the inline scripts the bundle writes itself (reveal.js's speaker view). */
  scriptHashes: string[];
}

const META = 'bundle.json';

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

/** Installed version of a package, found the way Node finds it (some hide package.json behind "exports"). */
async function packageVersion(name: string): Promise<string> {
  for (let dir = TOOLKIT_ROOT; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
    if (dirname(dir) === dir) return 'missing';
  }
}

async function cacheKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of PACKAGES) hash.update(`${name}@${await packageVersion(name)}\n`);
  const inputs = [
    ...(await listFiles(join(TOOLKIT_ROOT, 'src/runtime'))).map((f) => join(TOOLKIT_ROOT, 'src/runtime', f)),
    ...(await listFiles(THEME_DIR)).map((f) => join(THEME_DIR, f)),
  ];
  for (const file of inputs) {
    hash.update(`${relative(TOOLKIT_ROOT, file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle(outDir: string): Promise<void> {
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
        input: RUNTIME_ENTRY,
        output: {
          format: 'iife',
          entryFileNames: 'deck.js',
          assetFileNames: (asset) =>
            asset.names.some((n) => n.endsWith('.css')) ? 'deck.css' : 'fonts/[name][extname]',
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
      await bundle(staging);
      const scriptHashes = speakerViewScriptHashes(await readFile(join(staging, 'deck.js'), 'utf8'));
      await writeFile(join(staging, META), JSON.stringify({ scriptHashes }));
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
  const meta = JSON.parse(await readFile(join(dir, META), 'utf8')) as { scriptHashes: string[] };
  const files = (await listFiles(dir)).filter((file) => file !== META);
  return { dir, files, script: 'deck.js', style: 'deck.css', scriptHashes: meta.scriptHashes };
}
