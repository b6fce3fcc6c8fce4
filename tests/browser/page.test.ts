// A page of the driver, in the real browser: everything the commands and tests ask of a page, and
// how each request fails: within its time limit, as a DeckError('PAGE') that says what happened.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckError } from '../../src/errors.js';
import { newPage } from './harness.js';

const html = (body: string) => `data:text/html,${encodeURIComponent(body)}`;
const dir = mkdtempSync(join(tmpdir(), 'deck-page-'));

/** Writes a page (and the files it refers to) into a folder; returns the page's file:// URL. */
function site(files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return pathToFileURL(join(dir, Object.keys(files)[0]!)).href;
}

/**
 * A server on 127.0.0.1: / waits for a stylesheet it never sends (it holds the request open);
 * /outer holds a frame from another site (localhost), which runs in a process of its own.
 */
let server: Server;
let origin: string;
const PAGES: Record<string, string> = {
  '/': '<link rel="stylesheet" href="/slow.css"><p>Waiting for a stylesheet',
  '/outer': '<iframe src="http://localhost:PORT/inner"></iframe>',
  '/inner': '<img src="/inner.svg" alt=""><script>console.error("from the inner frame")</script>',
};
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow.css') return;
    const port = (server.address() as { port: number }).port;
    response.setHeader('Content-Type', 'text/html');
    response.end((PAGES[request.url ?? ''] ?? '').replace('PORT', String(port)));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('loading a URL', () => {
  it('waits for the load event, images and stylesheets included', async () => {
    const page = await newPage();
    const url = site({
      'load.html': '<link rel="stylesheet" href="load.css"><p>Hi',
      'load.css': 'p { color: rgb(0, 0, 255) }',
    });
    await page.goto(url);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('p')!).color)).toBe('rgb(0, 0, 255)');
  });

  it('says which page could not be opened', async () => {
    const page = await newPage();
    await expect(page.goto('file:///no/such/deck/index.html')).rejects.toThrow(
      new DeckError('PAGE', 'cannot open file:///no/such/deck/index.html: net::ERR_FILE_NOT_FOUND'),
    );
  });

  it('gives up on a page that never finishes loading, naming what it still waits for', async () => {
    const page = await newPage();
    await expect(page.goto(`${origin}/`, { timeout: 500 })).rejects.toThrow(
      new DeckError('PAGE', `${origin}/ did not finish loading within 0.5 s; still loading ${origin}/slow.css`),
    );
  });
});

describe('running functions in the page', () => {
  it('passes a JSON argument in and the JSON result out, promises awaited', async () => {
    const page = await newPage();
    await page.goto(html('<title>Hello</title>'));
    expect(await page.evaluate((suffix: string) => document.title + suffix, '!')).toBe('Hello!');
    expect(await page.evaluate(async ({ a, b }) => ({ sum: a + b, list: [a, b] }), { a: 1, b: 2 })).toEqual({
      sum: 3,
      list: [1, 2],
    });
  });

  it('says what failed when the function throws', async () => {
    const page = await newPage();
    await page.goto(html('<p>Hi'));
    await expect(
      page.evaluate(function countSlides() {
        throw new TypeError('no slides here');
      }),
    ).rejects.toThrow(new DeckError('PAGE', 'running countSlides in the page failed: TypeError: no slides here'));
  });

  it('runs a script, such as a library, in the page', async () => {
    const page = await newPage();
    await page.goto(html('<p>Hi'));
    await page.addScript('var library = { answer: () => 42 };', 'the library');
    expect(await page.evaluate(() => (window as unknown as { library: { answer(): number } }).library.answer())).toBe(
      42,
    );
    await expect(page.addScript('throw new Error("broken")', 'the broken library')).rejects.toThrow(
      new DeckError('PAGE', 'loading the broken library into the page failed: Error: broken'),
    );
  });
});

describe('waiting for a condition in the page', () => {
  it('resolves with the first truthy value', async () => {
    const page = await newPage();
    await page.goto(html('<script>setTimeout(() => { window.ready = "at last" }, 100)</script>'));
    expect(await page.waitFor('the page to be ready', () => (window as unknown as { ready?: string }).ready)).toBe(
      'at last',
    );
  });

  it('says what it waited for when time runs out', async () => {
    const page = await newPage();
    await page.goto(html('<p>Never ready'));
    await expect(page.waitFor('reveal.js to be ready', () => false, undefined, { timeout: 300 })).rejects.toThrow(
      new DeckError('PAGE', 'timed out after 0.3 s waiting for reveal.js to be ready'),
    );
  });

  it('carries on in the new document when the page navigates meanwhile', async () => {
    const page = await newPage();
    await page.goto(html('<script>setTimeout(() => { location.href = "about:blank#next" }, 50)</script>'));
    const waiting = page.waitFor('the next page', () => location.hash === '#next');
    expect(await waiting).toBe(true);
  });
});

describe('what the page does', () => {
  it('records every request, console error and uncaught exception, its frames included', async () => {
    const page = await newPage();
    const url = site({
      'busy.html':
        '<img src="missing.png" alt=""><iframe src="frame.html"></iframe><script>console.error("careful", 1); setTimeout(() => { throw new Error("late") })</script>',
      'frame.html': '<img src="frame-missing.png" alt="">',
    });
    await page.goto(url);
    await page.waitFor('the late error', () => new Promise((done) => setTimeout(() => done(true), 50)));
    const folder = pathToFileURL(dir).href;
    expect(page.requests).toEqual([
      url,
      `${folder}/missing.png`,
      `${folder}/frame.html`,
      `${folder}/frame-missing.png`,
    ]);
    expect(page.errors).toContain('careful 1');
    expect(page.errors).toContain('Error: late');
    expect(page.errors.filter((error) => error.includes('ERR_FILE_NOT_FOUND'))).toHaveLength(2);
    expect(page.exceptions).toEqual(['Error: late']);
  });

  it('records the requests and errors of a frame from another site, in its own process', async () => {
    const page = await newPage();
    await page.goto(`${origin}/outer`);
    const inner = origin.replace('127.0.0.1', 'localhost');
    await page.waitFor('the inner frame', () => new Promise((done) => setTimeout(() => done(true), 100)));
    expect(page.requests).toEqual([`${origin}/outer`, `${inner}/inner`, `${inner}/inner.svg`]);
    expect(page.errors).toContain('from the inner frame');
  });

  it('dismisses dialogs, so that nothing waits for an answer, and records them', async () => {
    const page = await newPage();
    await page.goto(html('<script>alert("Hello"); window.answer = confirm("Sure?")</script>'));
    expect(await page.evaluate(() => (window as unknown as { answer: boolean }).answer)).toBe(false);
    expect(page.dialogs).toEqual(['Hello', 'Sure?']);
  });

  it('runs functions in a frame of the page', async () => {
    const page = await newPage();
    await page.goto(site({ 'outer.html': '<iframe src="inner.html"></iframe>', 'inner.html': '<title>Inner</title>' }));
    const [frame] = page.frames();
    expect(frame?.url).toBe(pathToFileURL(join(dir, 'inner.html')).href);
    expect(await frame?.evaluate(() => document.title)).toBe('Inner');
    expect(await frame?.waitFor('the title', (title) => document.title === title, 'Inner')).toBe(true);
  });
});

describe('keys and popups', () => {
  it('presses keys as a keyboard does', async () => {
    const page = await newPage();
    await page.goto(
      html(
        '<script>window.keys = []; addEventListener("keydown", (e) => keys.push([e.key, e.code, e.keyCode].join("/")))</script>',
      ),
    );
    for (const key of ['ArrowRight', 's', ' ', 'Escape', '3']) await page.press(key);
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([
      'ArrowRight/ArrowRight/39',
      's/KeyS/83',
      ' /Space/32',
      'Escape/Escape/27',
      '3/Digit3/51',
    ]);
    await expect(page.press('Hyper')).rejects.toThrow(new DeckError('PAGE', 'no key called "Hyper"'));
  });

  it('catches the popup an action opens, and drives it as a page', async () => {
    const page = await newPage();
    await page.goto(
      html(
        '<script>addEventListener("keydown", (e) => { if (e.key === "s") window.open("about:blank", "notes", "width=400,height=300").document.write("<title>Notes</title><script>console.error(\\"in the popup\\")<\\/script>") })</script>',
      ),
    );
    const popup = await page.waitForPopup(() => page.press('s'));
    expect(await popup.evaluate(() => document.title)).toBe('Notes');
    expect(popup.errors).toEqual(['in the popup']);
    expect(page.errors).toEqual([]);
    await popup.close();
  });

  it('says so when the action opens no popup', async () => {
    const page = await newPage();
    await page.goto(html('<p>No popups here'));
    await expect(page.waitForPopup(() => page.press('s'), { timeout: 300 })).rejects.toThrow(
      new DeckError('PAGE', 'a popup window did not open within 0.3 s'),
    );
  });
});

/** Width and height of a PNG, from its header. */
const pngSize = (png: Uint8Array) => {
  const header = Buffer.from(png);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
};

describe('pictures and prints', () => {
  it('takes a PNG of the viewport, or of a clip, at the device scale factor', async () => {
    const page = await newPage({ width: 640, height: 360 });
    await page.goto(html('<body style="margin: 0; background: red">'));
    expect(pngSize(await page.screenshot())).toEqual({ width: 640, height: 360 });
    expect(pngSize(await page.screenshot({ clip: { x: 10, y: 10, width: 100, height: 50 } }))).toEqual({
      width: 100,
      height: 50,
    });
    await page.setViewport({ width: 640, height: 360, deviceScaleFactor: 2 });
    expect(pngSize(await page.screenshot({ clip: { x: 10, y: 10, width: 100, height: 50 } }))).toEqual({
      width: 200,
      height: 100,
    });
  });

  it('sets the viewport the page lays out in', async () => {
    const page = await newPage({ width: 1920, height: 1080 });
    await page.goto(html('<p>Hi'));
    expect(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([1920, 1080, 1]);
  });

  it('prints to PDF, tagged and with an outline when asked', async () => {
    const page = await newPage();
    await page.goto(html('<title>Doc</title><h1>Part one</h1><p>Text</p><h1 style="break-before: page">Part two</h1>'));
    const plain = Buffer.from(await page.pdf({ preferCSSPageSize: true, generateTaggedPDF: false })).toString('latin1');
    const tagged = Buffer.from(
      await page.pdf({ preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true }),
    ).toString('latin1');
    expect(plain.startsWith('%PDF-')).toBe(true);
    expect(plain).not.toContain('/StructTreeRoot');
    expect(tagged).toContain('/StructTreeRoot');
    expect(tagged).toContain('/Outlines');
  });
});
