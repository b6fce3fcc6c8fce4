// The stress deck's comparisons (tests/fixtures/decks/stress-compare.md) hold at 1280x720 and at
// 1920x1080: no text leaves its box or highlight, every shared mark sits on its item's last line,
// long lists split into balanced sub-columns, the Venn keeps each line in its region with each label
// over its circle, and step by step the legend comes with the first shared item. `deck check`'s
// rules say the same; with the old layout they report the four narrow columns.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDeck as openDeckPage, openPrintView } from '../../src/browser/deck-page.js';
import type { Page } from '../../src/browser/driver.js';
import { checkScreenView } from '../../src/commands/check.js';
import { FIXTURES, newPage } from './harness.js';

const DECK = pathToFileURL(join(FIXTURES, 'stress-compare/index.html')).href;
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const SLIDES = 6;
const FOUR_NARROW_COLUMNS = 3;
const STEP_SLIDE = 5;

async function openStressDeck(viewport: { width: number; height: number }): Promise<Page> {
  const page = await newPage(viewport);
  await openDeckPage(page, DECK);
  return page;
}

/** Slide `h` with every fragment shown, once it is painted. */
async function showSlide(page: Page, h: number): Promise<void> {
  await page.evaluate(async (index) => {
    window.deck!.slide(index, 0, Number.MAX_SAFE_INTEGER);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, h);
}

interface Measured {
  /** Text lines past their element's box, in canvas pixels: `li "Communication" 12 px`. */
  spills: string[];
  /** Shared items whose mark is not on their last line of text. */
  strayMarks: string[];
  marks: number;
  /** Items in each sub-column of each split list, left to right. */
  subColumns: number[][];
}

/** What the present slide shows, measured in the page: its comparison's boxes, lines and marks. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const section = [...document.querySelectorAll<HTMLElement>('.reveal .slides section.present')].pop()!;
    const scale = section.getBoundingClientRect().width / section.offsetWidth;
    const linesOf = (element: Element) => {
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest('.sr-only')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
      }
      return rects;
    };
    const spills: string[] = [];
    for (const element of section.querySelectorAll('.compare h3, .compare li, .compare p, .compare-legend')) {
      const box = element.getBoundingClientRect();
      const past = Math.max(0, ...linesOf(element).map((r) => Math.max(box.left - r.left, r.right - box.right)));
      if (past / scale >= 1)
        spills.push(`${element.tagName} "${element.textContent?.trim()}" ${Math.ceil(past / scale)} px`);
    }
    const strayMarks: string[] = [];
    const items = [...section.querySelectorAll('li.shared')];
    for (const item of items) {
      const mark = item.querySelector('.compare-shared-mark')!.getBoundingClientRect();
      const lines = linesOf(item);
      const lastLine = lines.reduce((last, r) => (r.bottom > last.bottom ? r : last));
      const middle = (mark.top + mark.bottom) / 2;
      const box = item.getBoundingClientRect();
      const inside = mark.left >= box.left && mark.right <= box.right;
      if (middle < lastLine.top || middle > lastLine.bottom || !inside) strayMarks.push(item.textContent ?? '');
    }
    const subColumns = [...section.querySelectorAll('ul.compare-split')].map((list) => {
      const lefts = new Map<number, number>();
      for (const item of list.children) {
        const left = Math.round(item.getBoundingClientRect().left);
        lefts.set(left, (lefts.get(left) ?? 0) + 1);
      }
      return [...lefts.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
    });
    return { spills, strayMarks, marks: items.length, subColumns };
  });
}

describe.each(VIEWPORTS)('the stress deck at $width x $height', (viewport) => {
  it('keeps every text in its box and every shared mark on its item’s last line', async () => {
    const page = await openStressDeck(viewport);
    const marks: number[] = [];
    for (let h = 0; h < SLIDES; h++) {
      await showSlide(page, h);
      const measured = await measure(page);
      expect(measured.spills, `slide ${h + 1}`).toEqual([]);
      expect(measured.strayMarks, `slide ${h + 1}`).toEqual([]);
      marks.push(measured.marks);
    }
    expect(marks).toEqual([8, 4, 4, 4, 0, 4]);
    expect(page.errors).toEqual([]);
  });

  it('splits the ten-item lists into sub-columns of five and five', async () => {
    const page = await openStressDeck(viewport);
    await showSlide(page, 0);
    expect((await measure(page)).subColumns).toEqual([
      [5, 5],
      [5, 5],
    ]);
  });

  it('passes every rule of deck check', async () => {
    const page = await openStressDeck(viewport);
    expect(await checkScreenView(page)).toEqual([]);
  });

  it('wraps the Venn items inside their regions, each label centred over its circle', async () => {
    const page = await openStressDeck(viewport);
    await showSlide(page, 4);
    const venn = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('section.present svg.venn')!;
      const ellipse = (name: string) => {
        const e = svg.querySelector<SVGEllipseElement>(`.venn-set-${name}`)!;
        return { cx: e.cx.baseVal.value, cy: e.cy.baseVal.value, rx: e.rx.baseVal.value, ry: e.ry.baseVal.value };
      };
      const left = ellipse('left');
      const right = ellipse('right');
      const inside = (e: typeof left, x: number, y: number) => ((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2 <= 1;
      const outOfRegion: string[] = [];
      const sizes: number[] = [];
      for (const line of svg.querySelectorAll<SVGTSpanElement>('text.venn-item tspan')) {
        // The line's box as drawn, in the drawing's units.
        const box = line.getBBox();
        const region = line.parentElement!.classList;
        sizes.push(Number.parseFloat(getComputedStyle(line).fontSize));
        const corners = [
          [box.x, box.y],
          [box.x + box.width, box.y],
          [box.x, box.y + box.height],
          [box.x + box.width, box.y + box.height],
        ] as const;
        for (const [x, y] of corners) {
          const [inLeft, inRight] = [inside(left, x, y), inside(right, x, y)];
          const ok = region.contains('venn-item-left')
            ? inLeft && !inRight
            : region.contains('venn-item-right')
              ? inRight && !inLeft
              : inLeft && inRight;
          if (!ok) outOfRegion.push(line.textContent ?? '');
        }
      }
      const labelCentres = [...svg.querySelectorAll<SVGTextElement>('.venn-label')].map((label) => {
        const box = label.getBBox();
        return Math.round(box.x + box.width / 2);
      });
      const items = svg.querySelectorAll('text.venn-item').length;
      const lines = svg.querySelectorAll('text.venn-item tspan').length;
      // The drawing's units as the audience sees them, in canvas pixels.
      const section = svg.closest('section')!;
      const unit =
        svg.getBoundingClientRect().width /
        svg.viewBox.baseVal.width /
        (section.getBoundingClientRect().width / section.offsetWidth);
      return {
        outOfRegion,
        labelCentres,
        circleCentres: [Math.round(left.cx), Math.round(right.cx)],
        items,
        lines,
        smallest: Math.min(...sizes) * unit,
      };
    });
    expect(venn.outOfRegion).toEqual([]);
    for (const [i, centre] of venn.labelCentres.entries())
      expect(Math.abs(centre - venn.circleCentres[i]!)).toBeLessThanOrEqual(1);
    expect(venn.items).toBe(10);
    // Wrapped, not shrunk: more lines than items, at no less than the theme's minimum.
    expect(venn.lines).toBeGreaterThan(venn.items);
    expect(venn.smallest).toBeGreaterThanOrEqual(20);
  });

  it('shows the legend step by step with the first shared item, not before', async () => {
    const page = await openStressDeck(viewport);
    await page.evaluate((h) => window.deck!.slide(h, 0, -1), STEP_SLIDE);
    const steps: string[] = [];
    for (let step = 0; step <= 8; step++) {
      await page.evaluate(() => new Promise((done) => setTimeout(done, 250)));
      steps.push(
        await page.evaluate(() => {
          const section = document.querySelector('section.present')!;
          const legend = getComputedStyle(section.querySelector('.compare-legend')!);
          const shown = legend.visibility === 'visible' && Number(legend.opacity) > 0.99;
          return `${section.querySelectorAll('li.shared.visible').length}${shown ? ' legend' : ''}`;
        }),
      );
      await page.evaluate(() => window.deck!.nextFragment());
    }
    expect(steps).toEqual(['0', '0', '0', '1 legend', '2 legend', '2 legend', '2 legend', '3 legend', '4 legend']);
  });
});

describe('the stress deck with a 32 px body', () => {
  it('still keeps every text in its box and every mark with its word', async () => {
    const page = await openStressDeck(VIEWPORTS[0]!);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = ':root { --deck-font-size: 32px; }';
      document.head.append(style);
    });
    for (let h = 0; h < SLIDES; h++) {
      await showSlide(page, h);
      const measured = await measure(page);
      expect(measured.spills, `slide ${h + 1}`).toEqual([]);
      expect(measured.strayMarks, `slide ${h + 1}`).toEqual([]);
    }
    // A slide too tall for the canvas at this size is the fitted type's to shrink, not the layout's.
    const problems = await checkScreenView(page);
    expect(problems.filter((problem) => problem.rule !== 'overflow')).toEqual([]);
  });
});

describe('the stress deck in print', () => {
  it('prints the legend on the pages of the steps that show a shared item, and on the whole slide', async () => {
    for (const fragments of [true, false]) {
      const page = await newPage();
      await openPrintView(page, DECK, { fragments });
      const pages = await page.evaluate(() =>
        [...document.querySelectorAll('.pdf-page')]
          .filter((p) => p.querySelector('.compare-step'))
          .map((p) => {
            const legend = getComputedStyle(p.querySelector('.compare-legend')!);
            const shown = legend.visibility === 'visible' && legend.opacity === '1';
            return `${p.querySelectorAll('li.shared.visible').length}${shown ? ' legend' : ''}`;
          }),
      );
      expect(pages).toEqual(
        fragments
          ? ['0', '0', '0', '1 legend', '2 legend', '2 legend', '2 legend', '3 legend', '4 legend']
          : ['4 legend'],
      );
    }
  });
});

describe('deck check on four narrow columns sharing "Communication"', () => {
  /** The layout before the fix: a word could not break, and the mark could wrap away from it. */
  const OLD_LAYOUT = `
    .reveal .compare { overflow-wrap: normal; hyphens: manual; }
    .reveal .compare-shared-tail { white-space: normal; }
    .reveal .compare-cols-4 { gap: 20px; }
    .reveal .compare-cols-4 .compare-column { padding: 18px 24px 10px; }
    .reveal .compare-column li { padding: 2px 8px; }`;

  it('reports the word past its highlight and the lone mark in the old layout, and nothing now', async () => {
    const page = await openStressDeck(VIEWPORTS[0]!);
    const check = async () => {
      await page.evaluate((h) => window.deck!.slide(h, 0), FOUR_NARROW_COLUMNS);
      const problems = await checkScreenView(page);
      return problems.filter((p) => p.message.startsWith(`slide ${FOUR_NARROW_COLUMNS + 1} `)).map((p) => p.rule);
    };
    expect(await check()).toEqual([]);
    await page.evaluate((css) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    }, OLD_LAYOUT);
    const rules = await check();
    expect(rules.filter((rule) => rule === 'highlight')).toHaveLength(4);
    expect(rules.filter((rule) => rule === 'lone-mark')).toHaveLength(4);
    // The stress tests' own measure sees the same.
    await showSlide(page, FOUR_NARROW_COLUMNS);
    const measured = await measure(page);
    expect(measured.strayMarks).toHaveLength(4);
    expect(measured.spills.length).toBeGreaterThanOrEqual(4);
  });
});
