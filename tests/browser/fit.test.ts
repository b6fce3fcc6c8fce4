// Type that fits itself (src/runtime/fit.ts): body text grows on a slide with room and shrinks on
// a full one, to the same size on screen and in print, and a reveal.js theme keeps its own sizes.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/browser/driver.js';
import { buildDecks } from '../../src/commands/build.js';
import { REPO } from '../helpers.js';
import { FLAGSHIP, openDeck } from './harness.js';

const out = mkdtempSync(join(tmpdir(), 'deck-fit-'));
let FIT: string;
let REVEAL_THEME: string;

beforeAll(async () => {
  const result = await buildDecks(['tests/fixtures/decks/fit.md', 'tests/fixtures/decks/outline.md'], {
    outDir: out,
    project: REPO,
  });
  expect(result.diagnostics).toEqual([]);
  FIT = join(out, 'fit/index.html');
  const themed = await buildDecks(['tests/fixtures/real/revealmd-demo-c/demo/sub/c.md'], {
    outDir: join(out, 'themed'),
    project: REPO,
  });
  REVEAL_THEME = join(themed.outDir, themed.decks[0]!.name, 'index.html');
});

/** Each slide's scale, its smallest body text in px, and how far its content reaches past its box. */
function slidesOf(page: Page) {
  return page.evaluate(() =>
    window.deck!.getSlides().map((section) => {
      // Body text; a source under a quotation, a caption and a legend are set smaller on purpose.
      const body = [...section.querySelectorAll<HTMLElement>('p, li, td, th, blockquote')].filter(
        (element) =>
          !element.closest('aside.notes') &&
          !element.matches('blockquote + p, .compare-legend, section.quote > p:last-of-type') &&
          element.textContent?.trim(),
      );
      return {
        fit: section.style.getPropertyValue('--deck-fit') || '1',
        smallest: Math.min(...body.map((element) => Number.parseFloat(getComputedStyle(element).fontSize))),
        past: section.scrollHeight - section.clientHeight,
      };
    }),
  );
}

describe('type that fits itself', () => {
  it('grows a slide with room, shrinks a full one until it fits, and stops at the theme minimum', async () => {
    const slides = await slidesOf(await openDeck(FIT));
    expect(slides.map((slide) => slide.fit)).toEqual(['1.25', expect.any(String), '0.75']);
    const full = Number(slides[1]!.fit);
    expect(full).toBeGreaterThan(0.75);
    expect(full).toBeLessThan(1);
    expect(slides[0]!.smallest).toBe(40);
    expect(slides[1]!.past).toBeLessThanOrEqual(1);
    expect(slides[2]!.smallest).toBe(24);
    // Even at the minimum the last slide is too full: that is for `deck check` to report.
    expect(slides[2]!.past).toBeGreaterThan(1);
  });

  it('gives every slide the same size on screen and in print', async () => {
    const screen = await slidesOf(await openDeck(FLAGSHIP));
    const print = await (await openDeck(FLAGSHIP, { print: true })).evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.pdf-page > section')].map(
        (section) => section.style.getPropertyValue('--deck-fit') || '1',
      ),
    );
    expect(print).toEqual(screen.map((slide) => slide.fit));
  });

  it('sets the flagship deck’s body text at 32 px or more wherever the slide has room for it', async () => {
    const slides = await slidesOf(await openDeck(FLAGSHIP));
    const shrunk: number[] = [];
    for (const [index, slide] of slides.entries()) {
      const fit = Number(slide.fit);
      if (fit < 1) shrunk.push(index + 1);
      // Body text at the slide's scale: 32 px or more at 1 and above, never below the 24 px floor.
      // (A slide whose text is all in a drawing, as the Venn, has none: it reads back as null.)
      if (slide.smallest === null) continue;
      expect(slide.smallest, `slide ${index + 1}`).toBeGreaterThanOrEqual(Math.max(24, 32 * Math.min(fit, 1)) - 0.01);
      expect(slide.past, `slide ${index + 1}`).toBeLessThanOrEqual(1);
    }
    // Only the twenty skills, two cards of ten with "Communication ◆" whole, are too full for 32 px.
    expect(shrunk).toEqual([13]);
  });

  it('leaves a reveal.js theme’s sizes alone', async () => {
    const slides = await slidesOf(await openDeck(REVEAL_THEME));
    expect(slides.length).toBeGreaterThan(0);
    expect(new Set(slides.map((slide) => slide.fit))).toEqual(new Set(['1']));
  });
});
