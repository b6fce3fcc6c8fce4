// The dev server: a saved edit shows up in the browser without a reload, on the same slide; a
// change only a new page can apply (most reveal.js options, the theme, the language) reloads it,
// on the same slide; a broken deck shows its error and keeps the last good slides up; a save of a
// file the deck includes updates it as a save of the deck does.

import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeck } from '../../src/browser/deck-page.js';
import type { Page } from '../../src/browser/driver.js';
import { startDevServer } from '../../src/commands/dev.js';
import { REPO } from '../helpers.js';
import { browser } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'deck-dev-'));
const file = join(dir, 'talk.md');
const deckText = (second: string, frontMatter = '') =>
  `---\ntitle: Live\n${frontMatter}---\n\n# First\n\n![Chart](img/chart.svg)\n\n---\n\n## Second\n\n${second}\n\n---\n\n## Third\n`;
const log: string[] = [];

let server: ViteDevServer;
let url: string;
let page: Page;

beforeAll(async () => {
  mkdirSync(join(dir, 'img'));
  writeFileSync(join(dir, 'img/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  writeFileSync(join(dir, 'custom.css'), ':root { --live-theme: loaded; }\n');
  writeFileSync(file, deckText('Original text'));
  ({ server, url } = await startDevServer({ file, project: REPO, port: 0, log: (line) => log.push(line) }));
  page = await (await browser()).newPage();
  await openDeck(page, url);
});

afterAll(async () => {
  await page?.close();
  await server?.close();
});

/** Saves the deck as an editor would: a person's saves are never a few milliseconds apart. */
async function save(text: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  writeFileSync(file, text);
}

/** Leaves a mark in the page's window: it survives an update in place, not a reload. */
const markPage = () =>
  page.evaluate(() => {
    (window as unknown as { marker: string }).marker = 'still here';
  });

const pageState = () =>
  page.evaluate(() => ({
    h: window.deck!.getIndices().h,
    title: document.title,
    ...((window as unknown as { marker?: string }).marker ? { marker: 'still here' } : {}),
  }));

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
    await page.waitFor(
      'the image to load',
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

  it('serves a deck file as a file, never as a page, and never once a link to elsewhere takes its place', async () => {
    const assetUrl = new URL('assets/img/chart.svg', url);
    const served = await fetch(assetUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-security-policy')).toBe('sandbox');
    await served.arrayBuffer();

    const elsewhere = join(mkdtempSync(join(tmpdir(), 'deck-elsewhere-')), 'secret.svg');
    writeFileSync(elsewhere, '<svg xmlns="http://www.w3.org/2000/svg"><title>secret</title></svg>');
    const chart = join(dir, 'img/chart.svg');
    renameSync(chart, `${chart}.saved`);
    symlinkSync(elsewhere, chart);
    try {
      const response = await fetch(assetUrl);
      expect(await response.text()).not.toContain('secret');
      expect(response.status).toBe(404);
    } finally {
      rmSync(chart);
      renameSync(`${chart}.saved`, chart);
    }
  });

  it('swaps in an edit on the same slide without reloading the page', async () => {
    await page.evaluate(() => {
      window.deck!.slide(1, 0);
      (window as unknown as { marker: string }).marker = 'still here';
    });
    expect(await presentText()).toContain('Original text');
    await save(deckText('Edited text'));
    await page.waitFor('the edit', () =>
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
    await page.waitFor('the error overlay', () => document.querySelector('vite-error-overlay') !== null);
    const overlay = await page.evaluate(
      () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '',
    );
    expect(overlay).toContain('talk.md:19:14: error: slide attribute comment: attribute "onclick" is not allowed');
    expect(log.some((line) => line.includes('talk.md:19:14: error'))).toBe(true);
    expect(await presentText()).toContain('Edited text');

    await save(deckText('Fixed text'));
    await page.waitFor('the fix', () =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Fixed text'),
    );
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay') === null)).toBe(true);
  });

  it('swaps in an edit of a file the deck includes, and of one it includes from then on', async () => {
    mkdirSync(join(dir, 'parts'), { recursive: true });
    const part = join(dir, 'parts/shared.md');
    writeFileSync(part, '## Shared\n\nShared first\n');
    const slidesText = () => page.evaluate(() => document.querySelector('.reveal .slides')?.textContent ?? '');
    await save(deckText('Fixed text\n\n<!-- include: parts/shared.md -->'));
    await page.waitFor('the included slide', () =>
      document.querySelector('.reveal .slides')?.textContent?.includes('Shared first'),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    writeFileSync(part, '## Shared\n\nShared edited\n');
    await page.waitFor('the edit of the included file', () =>
      document.querySelector('.reveal .slides')?.textContent?.includes('Shared edited'),
    );
    expect(await slidesText()).not.toContain('Shared first');
    await save(deckText('Fixed text'));
    await page.waitFor(
      'the include gone',
      () => !document.querySelector('.reveal .slides')?.textContent?.includes('Shared'),
    );
  });

  it('applies a reveal.js option that a running deck can take in place', async () => {
    await markPage();
    await save(deckText('Fixed text', 'reveal:\n  transition: fade\n'));
    await page.waitFor('the new transition', () => window.deck?.getConfig().transition === 'fade');
    expect(await pageState()).toEqual({ h: 1, marker: 'still here', title: 'Live' });
  });

  it('loads the page again, on the same slide, for a new canvas size', async () => {
    await markPage();
    await save(deckText('Fixed text', 'reveal:\n  transition: fade\n  width: 1920\n  height: 1080\n'));
    await page.waitFor('the new canvas', () => window.deck?.isReady() && window.deck.getConfig().width === 1920);
    expect(await pageState()).toEqual({ h: 1, title: 'Live' });
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--deck-slide-height')),
    ).toBe('1080px');
  });

  it('loads the page again, on the same slide, for a new language', async () => {
    await markPage();
    await save(deckText('Fixed text', 'lang: fr\n'));
    await page.waitFor('the new language', () => document.documentElement?.lang === 'fr' && window.deck?.isReady());
    expect(await pageState()).toEqual({ h: 1, title: 'Live' });
  });

  it('loads the page again, on the same slide, for a new theme', async () => {
    await markPage();
    await save(deckText('Fixed text', 'lang: fr\ntheme: custom.css\n'));
    await page.waitFor(
      'the new theme',
      () =>
        window.deck?.isReady() &&
        getComputedStyle(document.documentElement).getPropertyValue('--live-theme') === 'loaded',
    );
    expect(await pageState()).toEqual({ h: 1, title: 'Live' });
  });
  it("opens speaker view with the current slide's notes", async () => {
    await save(`${deckText('Spoken text')}\nNote: Say the third thing.\n`);
    await page.waitFor('the edit', () => window.deck?.isReady() && document.body.textContent?.includes('Spoken text'));
    await page.evaluate(() => window.deck!.slide(2, 0));
    const speaker = await page.waitForPopup(() => page.press('s'));
    await speaker.waitFor('the notes', () =>
      document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Say the third thing.'),
    );
    await speaker.close();
  });
});

describe('what the dev server serves', () => {
  const status = (path: string) => fetch(new URL(path, url)).then((response) => response.status);

  it('serves the files the deck refers to, and nothing else of its folder or the project', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'not for the room');
    expect(await status('/assets/img/chart.svg')).toBe(200);
    expect([403, 404]).toContain(await status('/secret.txt'));
    expect([403, 404]).toContain(await status('/talk.md'));
    expect([403, 404]).toContain(await status(`/@fs${join(dir, 'secret.txt')}`));
    expect([403, 404]).toContain(await status(`/@fs${join(process.cwd(), 'package.json')}`));
    expect([403, 404]).toContain(await status('/@fs/etc/passwd'));
  });

  it('says a port in use is in use, and ends at once', async () => {
    const port = Number(new URL(url).port);
    await expect(startDevServer({ file, project: REPO, port, log: () => undefined })).rejects.toThrow(
      `port ${port} is in use; choose another with --port, or leave --port out`,
    );
  });

  it('says a host that is not this machine is not one of its addresses', async () => {
    await expect(
      startDevServer({ file, project: REPO, port: 0, host: '203.0.113.7', log: () => undefined }),
    ).rejects.toThrow('cannot listen on --host 203.0.113.7: it is not an address of this machine');
  });
});
