// The browser tests' browser, and how they open built decks in it. Vitest runs tests/browser/
// without isolation (vitest.config.ts), so this module and the browser it starts are shared by
// every file a worker runs (one browser per worker, not per file); the worker's environment
// (environment.ts) closes it at the end.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { onTestFinished } from 'vitest';
import { openDeck as openDeckPage, openPrintView } from '../../src/browser/deck-page.js';
import { type Browser, launchBrowser, type Page, type Viewport } from '../../src/browser/driver.js';
import { DEFAULT_CANVAS } from '../../src/contract.js';
import { SHARED_BROWSER } from './environment.js';

/** Built by tests/global-setup.ts. */
export const BUILT = resolve('tests/.output/dist');
/** The flagship deck's full talk (its variant "full": all of its slides). */
export const FLAGSHIP = join(BUILT, 'leadership-vs-management-full/index.html');
export const FIXTURES = resolve('tests/.output/fixtures');

const shared = globalThis as { [SHARED_BROWSER]?: Promise<Browser> };

/** The run's browser, started by the first test that asks for it. */
export function browser(): Promise<Browser> {
  shared[SHARED_BROWSER] ??= launchBrowser();
  return shared[SHARED_BROWSER];
}

/** A new tab of the run's browser, closed when the current test finishes. */
export async function newPage(viewport: Viewport = DEFAULT_CANVAS): Promise<Page> {
  const page = await (await browser()).newPage({ viewport });
  onTestFinished(() => page.close().catch(() => undefined));
  return page;
}

/** A built deck (its index.html) in a new tab, on screen or in its print view, ready and with its fonts. */
export async function openDeck(file: string, { print = false } = {}): Promise<Page> {
  const page = await newPage();
  const url = pathToFileURL(file).href;
  if (print) await openPrintView(page, url);
  else await openDeckPage(page, url);
  return page;
}

/** Waits `ms` milliseconds: for things that happen, if at all, after a while (a payload's timer). */
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
