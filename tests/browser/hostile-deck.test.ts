// A hostile deck reaches for the network in every way a page can, and nothing it holds gets out:
// not from the built deck, the dev server, PDF export or deck check. Every reference points at a
// server on 127.0.0.1 that counts what it is asked for (with a first request of our own, to show
// that it would count them).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeck } from '../../src/browser/deck-page.js';
import type { Page } from '../../src/browser/driver.js';
import { buildDecks } from '../../src/commands/build.js';
import { checkDecks } from '../../src/commands/check.js';
import { startDevServer } from '../../src/commands/dev.js';
import { exportPdf } from '../../src/commands/pdf.js';
import { projectAt } from '../../src/platform/paths.js';
import { browser, sleep } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'deck-hostile-'));
const project = projectAt(dir);
const file = join(dir, 'hostile.md');
let asked: string[] = [];
let outside: Server;

function hostileDeck(origin: string): string {
  const at = (name: string) => `${origin}/${name}`;
  return `---
title: Hostile
reveal:
  parallaxBackgroundImage: ${at('parallax.png')}
---

# Outside <img src="${at('inline-img.png')}" alt="x">

![markdown](${at('markdown.png')})

<img srcset="${at('srcset.png')} 2x" alt="x">
<video poster="${at('poster.png')}" src="${at('video.mp4')}" autoplay muted></video>
<audio src="${at('audio.mp3')}" autoplay></audio>
<iframe src="${at('frame.html')}"></iframe>
<object data="${at('object')}"></object>
<link rel="stylesheet" href="${at('link.css')}">
<style>@import url(${at('import.css')}); .far { background: url(${at('style-bg.png')}) }</style>
<div class="far" style="background-image: url(${at('inline-bg.png')})">styled</div>
<svg width="10" height="10"><image href="${at('svg-image.png')}" width="10" height="10"/></svg>
<a href="${at('page')}" ping="${at('ping')}">a link</a>

Note: Notes with <img src="${at('notes.png')}" alt="x">

---

<!-- .slide: data-background-image="${at('background.png')}" data-background-video="${at('background.mp4')}" data-background-iframe="${at('background.html')}" data-preload -->
## Backgrounds

Note: the backgrounds
`;
}

beforeAll(async () => {
  outside = createServer((request, response) => {
    asked.push(request.url ?? '');
    response.end();
  });
  await new Promise<void>((listening) => outside.listen(0, '127.0.0.1', listening));
  const origin = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
  writeFileSync(file, hostileDeck(origin));
  // The server counts: a request of our own shows it, and then the count starts again.
  await fetch(`${origin}/control`);
  expect(asked).toEqual(['/control']);
  asked = [];
});

afterAll(() => new Promise<void>((closed) => outside.close(() => closed())));

/** Steps through every slide and fragment, lingering so lazy backgrounds and media would load. */
async function visitEverySlide(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const slide of window.deck!.getSlides()) {
      const { h, v } = window.deck!.getIndices(slide);
      window.deck!.slide(h, v, Number.MAX_SAFE_INTEGER);
      await new Promise((done) => setTimeout(done, 300));
    }
  });
  await sleep(300);
}

describe('a hostile deck', () => {
  it('builds, with warnings for what it may not do', async () => {
    const result = await buildDecks([file], { outDir: join(dir, 'out'), project });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it('reaches nothing outside from the built deck', async () => {
    const page = await (await browser()).newPage();
    await openDeck(page, pathToFileURL(join(dir, 'out/hostile/index.html')).href);
    await visitEverySlide(page);
    await page.close();
    expect(asked).toEqual([]);
  });

  it('reaches nothing outside from the dev server', async () => {
    let server: ViteDevServer | undefined;
    try {
      const started = await startDevServer({ file, project, port: 0, log: () => undefined });
      server = started.server;
      const page = await (await browser()).newPage();
      await openDeck(page, started.url);
      await visitEverySlide(page);
      await page.close();
    } finally {
      await server?.close();
    }
    expect(asked).toEqual([]);
  });

  it('reaches nothing outside when printed', async () => {
    const result = await exportPdf({ deck: file, project, out: join(dir, 'hostile.pdf') });
    expect(result.pages).toBe(2);
    expect(asked).toEqual([]);
  });

  it('reaches nothing outside when checked, and is warned about every remote reference', async () => {
    const result = await checkDecks([file], project);
    expect(asked).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'remote').length).toBeGreaterThan(0);
  });
});
