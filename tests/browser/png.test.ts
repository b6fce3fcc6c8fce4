// `deck png` (src/commands/png.ts): as many images as slides or steps, each of the size asked, and
// each the same picture as a screenshot of the built deck at that slide. Here because comparing
// pixels takes the browser tests' shared browser.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeck } from '../../src/browser/deck-page.js';
import { exportPngs, type PngResult, parseImageSize } from '../../src/commands/png.js';
import { DeckError } from '../../src/errors.js';
import { REPO } from '../helpers.js';
import { FLAGSHIP, newPage } from './harness.js';

const DECK = 'slides/leadership-vs-management.md';
const dir = mkdtempSync(join(tmpdir(), 'deck-png-test-'));

/** Width and height from a PNG's header (its IHDR chunk). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The built deck's own page at `size`, shown at a slide through its URL (#/h/v) with every
 * fragment shown, its navigation arrows and progress bar hidden by a stylesheet: a screenshot as
 * a person would take one, compared in the page with `image`. Resolves with the share of pixels
 * that differ by more than a rounding step.
 */
async function differenceFromScreenshot(image: string, h: number, v: number, size = { width: 1280, height: 720 }) {
  const page = await newPage(size);
  await openDeck(page, `${pathToFileURL(FLAGSHIP).href}#/${h}/${v}`);
  await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent =
      '.reveal .controls, .reveal .progress { display: none !important; } .reveal * { transition: none !important; }';
    document.head.append(style);
    // Without reveal.js's slide transition, as deck png takes its pictures: with it, each slide is a
    // layer of its own, whose curves (the Venn's outlines) are smoothed a little differently.
    window.deck!.configure({ transition: 'none', backgroundTransition: 'none' });
    while (window.deck!.availableFragments().next) window.deck!.nextFragment();
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
  });
  const screenshot = Buffer.from(await page.screenshot()).toString('base64');
  const ours = readFileSync(image).toString('base64');
  return page.evaluate(
    async ([a, b]: string[]) => {
      const pixels = async (data: string) => {
        // An image, not fetch(): the deck's page may load pictures from data: URLs, not connect to them.
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const bitmap = await createImageBitmap(image);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [first, second] = [await pixels(a!), await pixels(b!)];
      if (first.length !== second.length) return 1;
      let differing = 0;
      for (let i = 0; i < first.length; i += 4) {
        const delta = Math.max(
          Math.abs(first[i]! - second[i]!),
          Math.abs(first[i + 1]! - second[i + 1]!),
          Math.abs(first[i + 2]! - second[i + 2]!),
        );
        if (delta > 8) differing++;
      }
      return differing / (first.length / 4);
    },
    [ours, screenshot],
  );
}

describe('deck png', () => {
  let slides: PngResult;
  const progress: string[] = [];
  beforeAll(async () => {
    slides = await exportPngs({
      deck: DECK,
      variant: 'full',
      project: REPO,
      outDir: join(dir, 'slides'),
      progress: (line) => progress.push(line),
    });
  });

  it("writes one image per slide, named by slide number, at the deck's canvas size", () => {
    expect(slides.diagnostics).toEqual([]);
    const names = Array.from({ length: 21 }, (_, i) => `slide-${String(i + 1).padStart(2, '0')}.png`);
    expect(readdirSync(join(dir, 'slides')).filter((name) => !name.startsWith('.'))).toEqual(names);
    expect(slides.files).toEqual(names.map((name) => join(dir, 'slides', name)));
    for (const file of slides.files) expect(pngSize(file)).toEqual({ width: 1280, height: 720 });
    expect(progress).toEqual([
      'loading deck',
      'taking 21 images, one per slide, at 1280x720',
      `writing 21 images to ${join(dir, 'slides')}`,
    ]);
  });

  it('matches screenshots of the built deck, pixel for pixel', async () => {
    // The title, a quote, the comparison columns, the Venn diagram and the Bennis pairs in full.
    for (const [index, h] of [
      [0, 0],
      [6, 6],
      [12, 12],
      [13, 13],
      [9, 9],
    ] as const) {
      expect(await differenceFromScreenshot(slides.files[index]!, h, 0), `slide ${index + 1}`).toBeLessThan(0.001);
    }
  });

  it('takes one image per fragment step, at the size asked', async () => {
    const steps = await exportPngs({
      deck: DECK,
      variant: 'full',
      project: REPO,
      outDir: join(dir, 'steps'),
      size: { width: 1920, height: 1080 },
      fragments: true,
    });
    expect(steps.files).toHaveLength(21 + 3);
    // The Bennis pairs slide: the empty table, then a row at a time.
    expect(steps.files.filter((file) => file.includes('slide-10-')).map((file) => file.slice(-14))).toEqual([
      'slide-10-1.png',
      'slide-10-2.png',
      'slide-10-3.png',
      'slide-10-4.png',
    ]);
    expect(steps.files[0]?.endsWith('slide-01-1.png')).toBe(true);
    for (const file of steps.files) expect(pngSize(file)).toEqual({ width: 1920, height: 1080 });
    const last = steps.files.find((file) => file.endsWith('slide-10-4.png'))!;
    expect(await differenceFromScreenshot(last, 9, 0, { width: 1920, height: 1080 })).toBeLessThan(0.001);
  });

  it('replaces its own earlier images whole, and refuses a folder of other files', async () => {
    const out = join(dir, 'again');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(exportPngs({ deck: DECK, project: REPO, outDir: out })).rejects.toThrow(
      /has files that deck png did not write; choose another --out or empty it/,
    );
    expect(readdirSync(out)).toEqual(['notes.txt']);
    const first = await exportPngs({
      deck: 'tests/fixtures/decks/outline.md',
      project: REPO,
      outDir: join(dir, 'twice'),
    });
    expect(first.files).toHaveLength(6);
    writeFileSync(join(dir, 'twice', 'slide-99.png'), 'stale');
    const second = await exportPngs({
      deck: 'tests/fixtures/decks/outline.md',
      project: REPO,
      outDir: join(dir, 'twice'),
      size: { width: 320, height: 180 },
    });
    expect(existsSync(join(dir, 'twice', 'slide-99.png'))).toBe(false);
    expect(second.files.map(pngSize)).toEqual(Array(6).fill({ width: 320, height: 180 }));
  });
});

describe('deck png --size', () => {
  it('reads WIDTHxHEIGHT and refuses anything else', () => {
    expect(parseImageSize('1920x1080')).toEqual({ width: 1920, height: 1080 });
    expect(parseImageSize(' 640X360 ')).toEqual({ width: 640, height: 360 });
    for (const bad of ['1920', '1920x', 'x1080', '0x0', '15x100', '9000x100', '1920x1080.5', 'wide']) {
      expect(() => parseImageSize(bad), bad).toThrow(DeckError);
    }
    expect(() => parseImageSize('1920')).toThrow(
      '--size must be WIDTHxHEIGHT in pixels, each from 16 to 8192, such as 1920x1080; not "1920"',
    );
  });
});
