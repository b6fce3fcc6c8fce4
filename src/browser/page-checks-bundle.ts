// The in-page checks (page-checks/, one rule per file) bundled into one classic script that
// `deck check` loads into the deck's page, where it defines `window.deckPageChecks`. Bundled with
// Vite, as the runtime is, once per version of their sources, and kept beside the compiled toolkit.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TOOLKIT_ROOT } from '../compile/runtime-bundle.js';
import type { Page } from './page.js';

const SOURCES = join(TOOLKIT_ROOT, 'src/browser/page-checks');
const CACHE = join(TOOLKIT_ROOT, 'lib/page-checks');
/** The global the script defines in the page. */
const GLOBAL = 'deckPageChecks';

/** Names the bundle after its sources, so that editing a rule makes a new one. */
async function sourcesKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(SOURCES)).sort()) {
    hash.update(`${name}\n`);
    hash.update(await readFile(join(SOURCES, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle(): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: TOOLKIT_ROOT,
    logLevel: 'error',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry: join(SOURCES, 'index.ts'), formats: ['iife'], name: GLOBAL, fileName: () => 'page-checks.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs
    .flatMap((output) => ('output' in output ? output.output : []))
    .find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('page checks: Vite produced no script');
  return chunk.code;
}

/** The script's source: from the cache, or bundled now when its sources changed. */
export async function pageChecksScript(cacheRoot = CACHE): Promise<string> {
  loaded ??= cachedScript(cacheRoot);
  return loaded;
}

let loaded: Promise<string> | undefined;

/** Loads the checks into `page` (again after each navigation): `window.deckPageChecks` in it. */
export async function loadPageChecks(page: Page): Promise<void> {
  await page.addScript(await pageChecksScript(), 'the page checks');
}

async function cachedScript(cacheRoot: string): Promise<string> {
  const file = join(cacheRoot, `${await sourcesKey()}.js`);
  if (existsSync(file)) return readFile(file, 'utf8');
  const code = await bundle();
  await mkdir(cacheRoot, { recursive: true });
  // Written beside its place and moved in whole, so that a half-written script is never used.
  const staging = `${file}.tmp-${process.pid}`;
  await writeFile(staging, code);
  for (const old of await readdir(cacheRoot)) {
    if (/^[0-9a-f]{16}\.js$/.test(old) && join(cacheRoot, old) !== file)
      await rm(join(cacheRoot, old), { force: true });
  }
  await rename(staging, file);
  return code;
}
