// Every slide of the flagship deck fits its 16:9 box, on screen and in reveal.js's print view,
// and no text on it is smaller than the theme's minimum.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILT, FLAGSHIP, openDeck, useBrowser } from './harness.js';

const browser = useBrowser();

interface SlideMeasure {
  slide: number;
  heading: string;
  overflow: { top: number; right: number; bottom: number; left: number };
  smallest: { size: number; text: string };
}

/** Measures a slide in its own unscaled pixels: how far content reaches past its box, and the smallest text. */
function measureSections(page: Page, selector: string): Promise<SlideMeasure[]> {
  return page.evaluate((sel) => {
    const min = (a: number, b: number) => Math.min(a, b);
    const results: SlideMeasure[] = [];
    const sections = [...document.querySelectorAll<HTMLElement>(sel)].filter((s) => !s.querySelector('section'));
    sections.forEach((section, index) => {
      const box = section.getBoundingClientRect();
      const scale = box.width / section.offsetWidth;
      const over = { top: 0, right: 0, bottom: 0, left: 0 };
      let smallest = { size: Number.POSITIVE_INFINITY, text: '' };
      for (const element of section.querySelectorAll<HTMLElement | SVGElement>('*')) {
        if (element.closest('aside.notes, .sr-only')) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        over.top = Math.max(over.top, (box.top - rect.top) / scale);
        over.left = Math.max(over.left, (box.left - rect.left) / scale);
        over.bottom = Math.max(over.bottom, (rect.bottom - box.bottom) / scale);
        over.right = Math.max(over.right, (rect.right - box.right) / scale);
        const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!ownText) continue;
        let size = Number.parseFloat(getComputedStyle(element).fontSize);
        const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
        if (svg) size *= svg.getBoundingClientRect().width / scale / svg.viewBox.baseVal.width;
        if (size < smallest.size)
          smallest = { size: Math.round(size * 10) / 10, text: element.textContent?.trim().slice(0, 40) ?? '' };
      }
      results.push({
        slide: index + 1,
        heading: section.querySelector('h1, h2')?.textContent ?? '',
        overflow: {
          top: Math.round(over.top),
          right: Math.round(over.right),
          bottom: Math.round(over.bottom),
          left: Math.round(over.left),
        },
        smallest: { ...smallest, size: min(smallest.size, 999) },
      });
    });
    return results;
  }, selector);
}

const THEME_MIN_FONT = 20;

async function measureScreen(file: string): Promise<{ measures: SlideMeasure[]; errors: string[] }> {
  const { page, errors } = await openDeck(browser(), file);
  const measures: SlideMeasure[] = [];
  const slides = await page.evaluate(() => window.deck!.getSlides().map((s) => window.deck!.getIndices(s)));
  for (const { h, v } of slides) {
    await page.evaluate(([hh, vv]) => window.deck!.slide(hh, vv), [h, v ?? 0] as const);
    await page.waitForTimeout(30);
    const [measure] = await measureSections(page, '.reveal .slides section.present');
    measures.push({ ...measure!, slide: measures.length + 1 });
  }
  return { measures, errors };
}

describe('flagship deck layout', () => {
  it('fits every slide on screen with no text below the theme minimum', async () => {
    const { measures, errors } = await measureScreen(FLAGSHIP);
    expect(measures).toHaveLength(21);
    for (const m of measures) {
      expect(m.overflow, `slide ${m.slide} "${m.heading}" overflows`).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
      expect(m.smallest.size, `slide ${m.slide} "${m.heading}": "${m.smallest.text}"`).toBeGreaterThanOrEqual(
        THEME_MIN_FONT,
      );
    }
    expect(errors).toEqual([]);
  });

  it('catches a slide that overflows and text that is too small', async () => {
    const { measures } = await measureScreen(join(BUILT, '../fixtures/overflow/index.html'));
    expect(measures.map((m) => m.overflow.bottom > 0)).toEqual([false, true, false]);
    expect(measures[1]!.overflow.bottom).toBeGreaterThan(100);
    expect(measures.map((m) => m.smallest.size < THEME_MIN_FONT)).toEqual([false, false, true]);
  });

  it('fits every page of the print view', async () => {
    const { page, errors } = await openDeck(browser(), FLAGSHIP, '?print-pdf');
    const measures = await measureSections(page, '.pdf-page > section');
    expect(measures).toHaveLength(21);
    for (const m of measures) {
      expect(m.overflow, `page ${m.slide} "${m.heading}" overflows`).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    }
    expect(errors).toEqual([]);
  });
});
