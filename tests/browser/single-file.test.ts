// `deck build --single-file`: each deck as one HTML file, copied alone into an empty folder and
// opened from there, as a trainer opens one from an e-mail: every slide renders with the theme's
// fonts, the speaker view shows notes, and the page asks for nothing but what it carries.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeck } from '../../src/browser/deck-page.js';
import type { Page } from '../../src/browser/driver.js';
import { buildDecks } from '../../src/commands/build.js';
import { REPO } from '../helpers.js';
import { newPage } from './harness.js';

const FLAGSHIP = 'slides/leadership-vs-management.md';
const TRAVEL = 'tests/fixtures/decks/single-file/travel.md';
const alone = mkdtempSync(join(tmpdir(), 'deck-single-file-'));
const files: Record<string, string> = {};

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'deck-single-file-build-')), 'dist');
  const result = await buildDecks([FLAGSHIP, TRAVEL], {
    outDir: out,
    project: REPO,
    singleFile: true,
    variant: 'full',
  });
  expect(result.diagnostics).toEqual([]);
  for (const { name, file } of result.singleFiles) {
    mkdirSync(join(alone, name));
    files[name] = join(alone, name, `${name}.html`);
    copyFileSync(file, files[name]);
  }
});

async function open(name: string): Promise<Page> {
  const page = await newPage();
  await openDeck(page, pathToFileURL(files[name]!).href);
  return page;
}

/** Shows every slide once (so each loads what it shows) and waits for the fonts. */
function visitEverySlide(page: Page) {
  return page.evaluate(async () => {
    const headings: string[] = [];
    for (const slide of window.deck!.getSlides()) {
      const { h, v } = window.deck!.getIndices(slide);
      window.deck!.slide(h, v);
      headings.push(slide.querySelector('h1, h2')?.textContent ?? '');
    }
    await document.fonts.ready;
    await new Promise((done) => setTimeout(done, 100));
    window.deck!.slide(0, 0);
    return headings;
  });
}

/** Requests other than data: and blob: URLs and the file itself (the speaker view's frames load it). */
const foreign = (page: Page, name: string) =>
  page.requests.filter((url) => !/^(?:data|blob):/.test(url) && url.split('?')[0] !== pathToFileURL(files[name]!).href);

describe('deck build --single-file: the flagship', () => {
  it('is one file within its 400 KB budget, allowing only its own scripts', () => {
    const html = readFileSync(files['leadership-vs-management-full']!, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(400 * 1024);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const scripts = /script-src ([^;]+)/.exec(policy)?.[1]?.split(' ') ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const source of scripts) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(policy).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it('renders every slide in the theme fonts and asks for nothing outside itself', async () => {
    const page = await open('leadership-vs-management-full');
    const headings = await visitEverySlide(page);
    expect(headings).toHaveLength(21);
    expect(headings[0]).toBe('Leadership vs Management');
    const fonts = await page.evaluate(() =>
      [...document.fonts].map((font) => `${font.family.replace(/"/g, '')} ${font.status}`),
    );
    expect(fonts).toContain('Atkinson Hyperlegible loaded');
    expect(fonts).toContain('Source Serif 4 loaded');
    expect(fonts.filter((font) => font.endsWith(' error'))).toEqual([]);
    expect(foreign(page, 'leadership-vs-management-full')).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('opens the speaker view with the notes', async () => {
    const page = await open('leadership-vs-management-full');
    const speaker = await page.waitForPopup(() => page.press('s'));
    await speaker.waitFor('the first notes', () =>
      Boolean(document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Welcome everyone')),
    );
    await page.press('ArrowRight');
    await speaker.waitFor('the second notes', () =>
      Boolean(
        document
          .querySelector('.speaker-controls-notes .value')
          ?.textContent?.includes('The confusion is understandable'),
      ),
    );
    expect(speaker.errors).toEqual([]);
    expect(foreign(page, 'leadership-vs-management-full')).toEqual([]);
    await speaker.close();
  });
});

describe('deck build --single-file: pictures, backgrounds, media, links and a Venn diagram', () => {
  it('carries every file the slides and the deck stylesheet use, and shows them', async () => {
    const page = await open('travel');
    await visitEverySlide(page);
    const shown = await page.evaluate(() => {
      const images = [...document.querySelectorAll<HTMLImageElement>('.reveal .slides img')];
      const backgrounds = [...document.querySelectorAll<HTMLElement>('.reveal .backgrounds .slide-background-content')]
        .map((element) => element.style.backgroundImage)
        .filter(Boolean);
      const section = (text: string) =>
        [...document.querySelectorAll<HTMLElement>('.reveal .slides section')].find((s) =>
          s.querySelector('h2')?.textContent?.includes(text),
        )!;
      const link = document.querySelector<HTMLAnchorElement>('.reveal .slides a');
      return {
        images: images.map((image) => ({
          loaded: image.complete && image.naturalWidth > 0,
          data: image.src.startsWith('data:'),
        })),
        backgrounds: backgrounds.map((background) => background.slice(0, 20)),
        stamped: getComputedStyle(section('stamped')).backgroundImage.slice(0, 20),
        styled: section('stamped').querySelector('p')!.style.backgroundImage.slice(0, 20),
        video: section('video').dataset.backgroundVideo?.slice(0, 5),
        venn: section('Venn').querySelectorAll('svg').length,
        link: { href: link?.href.slice(0, 23), download: link?.getAttribute('download') },
      };
    });
    expect(shown.images).toEqual([
      { loaded: true, data: true },
      { loaded: true, data: true },
    ]);
    expect(shown.backgrounds).toEqual(['url("data:image/png;']);
    expect(shown.stamped).toBe('url("data:image/png;');
    expect(shown.styled).toBe('url("data:image/png;');
    // reveal.js reads a background video as a list of sources: the runtime hands it a blob: URL.
    expect(shown.video).toBe('blob:');
    expect(shown.venn).toBeGreaterThan(0);
    // A page cannot open a data: URL in its window: the worksheet downloads under its own name.
    expect(shown.link).toEqual({ href: 'data:text/plain;base64,', download: 'worksheet.txt' });
    expect(foreign(page, 'travel')).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
