// Opens built decks in the system Chromium (never a downloaded one) for browser tests.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/browser/find.js';

/** Built by tests/global-setup.ts. */
export const BUILT = resolve('tests/.output/dist');
export const FLAGSHIP = join(BUILT, 'leadership-vs-management/index.html');

export async function openBrowser(): Promise<Browser> {
  return launchBrowser();
}

/** One browser for the whole test file: started before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

export interface OpenedDeck {
  page: Page;
  errors: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

export async function openDeck(
  browser: Browser,
  file: string,
  query = '',
  viewport = { width: 1280, height: 720 },
): Promise<OpenedDeck> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href + query);
  if (query.includes('print-pdf')) {
    await page.waitForFunction(() => document.documentElement.dataset.printReady === 'true');
  } else {
    await page.waitForFunction(() => window.deck?.isReady() === true);
  }
  await page.evaluate(() => document.fonts.ready);
  return { page, errors, requests };
}
