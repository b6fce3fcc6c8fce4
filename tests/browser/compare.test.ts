// Comparison slides keep their columns side by side, inside the slide, on screen and in the
// print view the PDF comes from; step reveals in reading order.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/browser/driver.js';
import { FIXTURES, openDeck } from './harness.js';

const DECK = join(FIXTURES, 'compare/index.html');

interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
  items: number;
}

interface Layout {
  heading: string;
  columns: Box[];
  rows: Box[][];
  slide: { top: number; left: number; right: number; bottom: number };
}

/** Column boxes of every comparison in the given sections, relative to their slide. */
function columnLayouts(page: Page, sections: string): Promise<Layout[]> {
  return page.evaluate((selector) => {
    const layouts: Layout[] = [];
    for (const section of document.querySelectorAll<HTMLElement>(selector)) {
      const box = section.getBoundingClientRect();
      const scale = box.width / section.offsetWidth;
      const columns = [...section.querySelectorAll('.compare-column, .compare-pairs th')];
      if (columns.length === 0) continue;
      const relative = (r: DOMRect) => ({
        top: Math.round((r.top - box.top) / scale),
        left: Math.round((r.left - box.left) / scale),
        right: Math.round((r.right - box.left) / scale),
        bottom: Math.round((r.bottom - box.top) / scale),
      });
      // Paired rows: each row's two cells are a comparison of their own.
      const rows = [...section.querySelectorAll('.compare-pairs tbody tr')].map((tr) =>
        [...tr.children].map((td) => ({ ...relative(td.getBoundingClientRect()), items: 0 })),
      );
      layouts.push({
        heading: section.querySelector('h2')?.textContent ?? '',
        columns: columns.map((c) => ({
          ...relative(c.getBoundingClientRect()),
          items: c.querySelectorAll('li').length,
        })),
        rows,
        slide: { top: 0, left: 0, right: section.offsetWidth, bottom: section.offsetHeight },
      });
    }
    return layouts;
  }, sections);
}

function expectSideBySide(layout: Layout): void {
  expectInLine(layout.heading, layout.columns, layout.slide);
  for (const [i, row] of layout.rows.entries()) expectInLine(`${layout.heading}, row ${i + 1}`, row, layout.slide);
}

function expectInLine(heading: string, columns: Box[], slide: Layout['slide']): void {
  const layout = { heading };
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    expect(Math.abs(column.top - columns[0]!.top), `${layout.heading}: column ${i + 1} top`).toBeLessThanOrEqual(1);
    expect(column.right - column.left, `${layout.heading}: column ${i + 1} width`).toBeGreaterThan(150);
    expect(column.left).toBeGreaterThanOrEqual(slide.left);
    expect(column.right).toBeLessThanOrEqual(slide.right);
    expect(column.bottom).toBeLessThanOrEqual(slide.bottom);
    if (i > 0)
      expect(column.left, `${layout.heading}: column ${i + 1} after ${i}`).toBeGreaterThanOrEqual(
        columns[i - 1]!.right,
      );
  }
}

describe('comparison layouts in the browser', () => {
  it('lays columns side by side on screen', async () => {
    const page = await openDeck(DECK);
    const layouts: Layout[] = [];
    for (let h = 0; h < 4; h++) {
      await page.evaluate((i) => window.deck!.slide(i, 0, 99), h);
      layouts.push(...(await columnLayouts(page, '.reveal .slides section.present')));
    }
    expect(layouts.map((l) => l.columns.length)).toEqual([2, 3, 4, 2]);
    expect(layouts[0]!.columns.map((c) => c.items)).toEqual([10, 10]);
    expect(layouts[3]!.rows).toHaveLength(3);
    for (const layout of layouts) expectSideBySide(layout);
    expect(page.errors).toEqual([]);
  });

  it('keeps the same columns in the print view', async () => {
    const page = await openDeck(DECK, { print: true });
    const layouts = await columnLayouts(page, '.pdf-page > section');
    expect(layouts.map((l) => l.columns.length)).toEqual([2, 3, 4, 2]);
    for (const layout of layouts) expectSideBySide(layout);
    const venn = await page.evaluate(() => {
      const svg = document.querySelector('.pdf-page svg.venn')!.getBoundingClientRect();
      const texts = [...document.querySelectorAll('.pdf-page svg.venn text.venn-item')];
      return {
        width: svg.width,
        items: texts.length,
        inside: texts.every((t) => {
          const r = t.getBoundingClientRect();
          return (
            r.left >= svg.left && r.right <= svg.right && r.top >= svg.top && r.bottom <= svg.bottom && r.width > 0
          );
        }),
        visible: texts.every((t) => getComputedStyle(t).opacity === '1'),
      };
    });
    expect(venn).toMatchObject({ items: 17, inside: true, visible: true });
    expect(venn.width).toBeGreaterThan(800);
    expect(page.errors).toEqual([]);
  });

  it('reveals paired rows and Venn items one step at a time, in reading order', async () => {
    const page = await openDeck(DECK);
    await page.evaluate(() => window.deck!.slide(3, 0));
    const rows: number[] = [];
    for (let step = 0; step < 4; step++) {
      rows.push(await page.evaluate(() => document.querySelectorAll('section.present tr.fragment.visible').length));
      await page.press('ArrowRight');
    }
    expect(rows).toEqual([0, 1, 2, 3]);

    await page.evaluate(() => window.deck!.slide(4, 0));
    const order: string[] = [];
    for (let step = 0; step < 17; step++) {
      await page.press('ArrowRight');
      order.push(
        await page.evaluate(() => document.querySelector('section.present text.current-fragment')?.textContent ?? ''),
      );
    }
    expect(order.slice(0, 2)).toEqual(['Interpersonal skills', 'Organization']);
    expect(order.slice(7, 10)).toEqual(['Communication', 'Motivation', 'Delegation']);
    expect(order.at(-1)).toBe('Flexibility');
  });
});
