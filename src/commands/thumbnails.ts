// The index page's thumbnails: each deck's first slide as a small PNG in its folder, taken from the
// built deck in a browser (browser/slide-images.ts). A thumbnail is kept for as long as what it
// shows cannot have changed (same page, runtime and files), so rebuilding a deck whose page did
// not change starts no browser. Thumbnails are decoration: without a browser, or when one fails,
// the build goes on and says why the index has none.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDeck } from '../browser/deck-page.js';
import { type Browser, launchBrowser } from '../browser/driver.js';
import { showStep, slideSteps, stillDeck } from '../browser/slide-images.js';
import type { RuntimeBundle } from '../compile/runtime-bundle.js';
import { canvasSize } from '../contract.js';
import { DeckError } from '../errors.js';
import type { CompiledDeck } from '../model.js';

export const THUMBNAIL_FILE = 'thumbnail.png';
/** Pixels across: sharp at the index page's 240 CSS pixels on a high-density screen. */
export const THUMBNAIL_WIDTH = 480;
/** A deck's page gets this long to load and show its first slide. */
const LIMITS = { load: 15_000, ready: 15_000, print: 15_000 };

/** A deck built into `folder` (its index.html written), and what its thumbnail was the last time. */
export interface ThumbnailJob {
  deck: CompiledDeck;
  folder: string;
  /** The deck's folder from the build before, if there is one. */
  previous?: { folder: string; key?: string };
}

export interface ThumbnailResult {
  /** The key of each deck's thumbnail, by deck name; decks without one are not in it. */
  keys: Map<string, string>;
  made: number;
  reused: number;
  /** Why some or all decks have no thumbnail. */
  skipped?: string;
}

/**
 * What a thumbnail depends on: the deck's page, the runtime and theme (the bundle's name is a hash
 * of them), and each file the deck uses, by size and time of change (reading every picture and
 * video again would cost more than taking the thumbnail).
 */
async function thumbnailKey(job: ThumbnailJob, runtime: RuntimeBundle): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${basename(runtime.dir)}\n`);
  hash.update(await readFile(join(job.folder, 'index.html')));
  for (const asset of job.deck.rendered.assets) {
    const info = await stat(resolve(dirname(job.deck.path), asset.source)).catch(() => undefined);
    hash.update(`\n${asset.output} ${info?.size ?? '-'} ${info?.mtimeMs ?? '-'}`);
  }
  return hash.digest('hex').slice(0, 24);
}

async function takeThumbnail(browser: Browser, job: ThumbnailJob): Promise<void> {
  const canvas = canvasSize(job.deck.rendered.revealConfig);
  const page = await browser.newPage({ viewport: canvas });
  try {
    await openDeck(page, pathToFileURL(join(job.folder, 'index.html')).href, LIMITS);
    await stillDeck(page, canvas);
    const [first] = await slideSteps(page, false);
    if (first) await showStep(page, first);
    const png = await page.screenshot({
      clip: { x: 0, y: 0, ...canvas },
      scale: THUMBNAIL_WIDTH / canvas.width,
      timeout: LIMITS.print,
    });
    await writeFile(join(job.folder, THUMBNAIL_FILE), png);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Gives each deck folder a thumbnail: the one from the build before when its key still matches,
 * else a new one, taken in the browser that `startBrowser` starts (only if one is needed).
 */
export async function writeThumbnails(
  jobs: readonly ThumbnailJob[],
  runtime: RuntimeBundle,
  startBrowser: () => Promise<Browser> = launchBrowser,
): Promise<ThumbnailResult> {
  const result: ThumbnailResult = { keys: new Map(), made: 0, reused: 0 };
  const toTake: { job: ThumbnailJob; key: string }[] = [];
  for (const job of jobs) {
    const key = await thumbnailKey(job, runtime);
    const old = job.previous && join(job.previous.folder, THUMBNAIL_FILE);
    if (old && job.previous?.key === key && existsSync(old)) {
      await copyFile(old, join(job.folder, THUMBNAIL_FILE));
      result.keys.set(job.deck.name, key);
      result.reused++;
    } else {
      toTake.push({ job, key });
    }
  }
  if (toTake.length === 0) return result;

  let browser: Browser | undefined;
  try {
    browser = await startBrowser();
    for (const { job, key } of toTake) {
      await takeThumbnail(browser, job);
      result.keys.set(job.deck.name, key);
      result.made++;
    }
  } catch (error) {
    // The browser is missing or failed: the decks are built all the same.
    if (!(error instanceof DeckError)) throw error;
    result.skipped = error.message;
  } finally {
    await browser?.close().catch(() => undefined);
  }
  return result;
}
