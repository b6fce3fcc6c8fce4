// The dev server: a saved edit shows up in the browser without a reload, on the same slide;
// a broken deck shows its error and keeps the last good slides up.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/commands/dev.js';
import { REPO } from '../helpers.js';
import { openBrowser } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'deck-dev-'));
const file = join(dir, 'talk.md');
const deckText = (second: string) =>
  `---\ntitle: Live\n---\n\n# First\n\n![Chart](img/chart.svg)\n\n---\n\n## Second\n\n${second}\n\n---\n\n## Third\n`;
const log: string[] = [];

let browser: Browser;
let server: ViteDevServer;
let url: string;
let page: Page;

beforeAll(async () => {
  mkdirSync(join(dir, 'img'));
  writeFileSync(join(dir, 'img/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  writeFileSync(file, deckText('Original text'));
  ({ server, url } = await startDevServer({ file, project: REPO, port: 0, log: (line) => log.push(line) }));
  browser = await openBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.waitForFunction(() => window.deck?.isReady() === true);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Saves the deck as an editor would: a person's saves are never a few milliseconds apart. */
async function save(text: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  writeFileSync(file, text);
}

const presentText = () =>
  page.evaluate(() => [...document.querySelectorAll('.reveal .slides section.present')].pop()?.textContent ?? '');

describe('deck dev', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = server.httpServer?.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the files the slides refer to from beside the deck', async () => {
    const response = await fetch(new URL('assets/img/chart.svg', url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<svg');
    await page.waitForFunction(
      () => (document.querySelector('img[alt="Chart"]') as HTMLImageElement | null)?.naturalWidth === 10,
    );
  });

  it('survives a request with broken percent-encoding', async () => {
    const response = await fetch(new URL('assets/%E0%A4%A', url));
    expect(response.status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
  });

  it('serves nothing from outside the project and the deck', async () => {
    for (const path of ['/@fs/etc/passwd', '/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/@fs/root/.bashrc']) {
      const response = await fetch(new URL(path, url));
      const body = await response.text();
      expect(body, path).not.toMatch(/root:.*:0:0:/);
      expect([403, 404], path).toContain(response.status);
    }
  });

  it('swaps in an edit on the same slide without reloading the page', async () => {
    await page.evaluate(() => {
      window.deck!.slide(1, 0);
      (window as unknown as { marker: string }).marker = 'still here';
    });
    expect(await presentText()).toContain('Original text');
    await save(deckText('Edited text'));
    await page.waitForFunction(() =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Edited text'),
    );
    const state = await page.evaluate(() => ({
      indices: window.deck!.getIndices(),
      marker: (window as unknown as { marker?: string }).marker,
    }));
    expect(state.indices.h).toBe(1);
    expect(state.marker).toBe('still here');
  });

  it("shows a broken deck's error and keeps the last good slides", async () => {
    await save(`${deckText('Edited text')}\n<!-- .slide: onclick="x()" -->\n`);
    await page.waitForSelector('vite-error-overlay', { state: 'attached' });
    const overlay = await page.evaluate(
      () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '',
    );
    expect(overlay).toContain('talk.md:19:14: error: slide attribute comment: attribute "onclick" is not allowed');
    expect(log.some((line) => line.includes('talk.md:19:14: error'))).toBe(true);
    expect(await presentText()).toContain('Edited text');

    await save(deckText('Fixed text'));
    await page.waitForFunction(() =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Fixed text'),
    );
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay'))).toBeNull();
  });
  it("opens speaker view with the current slide's notes", async () => {
    await save(`${deckText('Spoken text')}\nNote: Say the third thing.\n`);
    await page.waitForFunction(() => document.body.textContent?.includes('Spoken text'));
    await page.evaluate(() => window.deck!.slide(2, 0));
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await speaker.waitForFunction(() =>
      document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Say the third thing.'),
    );
    await speaker.close();
  });
});
