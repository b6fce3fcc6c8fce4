// Decks with reveal.js's themes, built and opened from file:// in Chromium: every theme loads
// with its fonts from the deck's folder and nothing from anywhere else, and the comparison
// layouts keep their shape under a theme that was not made for them.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/commands/build.js';
import { projectAt } from '../../src/platform/paths.js';
import { REVEAL_THEMES } from '../../src/render/theme.js';
import { openDeck, sleep } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'deck-themes-'));
const out = join(dir, 'out');

/** The fixture deck with a theme set in its front matter. */
function themed(source: string, theme: string): string {
  return source.replace(/^---\n/, `---\ntheme: ${theme}\n`);
}

beforeAll(async () => {
  const compare = readFileSync('tests/fixtures/decks/compare.md', 'utf8');
  const decks = REVEAL_THEMES.map((theme) => {
    const file = join(dir, `${theme}.md`);
    writeFileSync(file, themed(compare, theme));
    return file;
  });
  const result = await buildDecks(decks, { outDir: out, project: projectAt(dir) });
  expect(result.diagnostics).toEqual([]);
});

describe("reveal.js's themes in a built deck", () => {
  it.each(REVEAL_THEMES)('%s loads its fonts from the deck folder and asks for nothing outside it', async (theme) => {
    const file = join(out, theme, 'index.html');
    const page = await openDeck(file);
    const { errors, requests } = page;
    const state = await page.evaluate(async () => {
      for (const slide of window.deck!.getSlides()) {
        const { h, v } = window.deck!.getIndices(slide);
        window.deck!.slide(h, v);
      }
      await document.fonts.ready;
      const reveal = getComputedStyle(document.querySelector('.reveal')!);
      const family = reveal.fontFamily.split(',')[0]!.trim();
      return {
        family,
        loaded: [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
      };
    });
    await page.close();
    const folder = pathToFileURL(join(out, theme)).href;
    expect(requests.filter((url) => !url.startsWith(`${folder}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(requests.some((url) => url.includes('atkinson'))).toBe(false);
    const webFont = !['serif', 'dracula'].includes(theme);
    if (webFont) expect(state.loaded.map((f) => f.replace(/"/g, ''))).toContain(state.family.replace(/"/g, ''));
    expect(errors).toEqual([]);
  });

  it('keeps the comparison layouts inside the slide, columns side by side', async () => {
    const page = await openDeck(join(out, 'black', 'index.html'));
    const { errors } = page;
    const slides = await page.evaluate(() => window.deck!.getSlides().map((s) => window.deck!.getIndices(s)));
    const seen: { heading: string; columns: number; sameTop: boolean; overflow: number }[] = [];
    for (const { h, v } of slides) {
      await page.evaluate(([hh, vv]: readonly [number, number]) => window.deck!.slide(hh, vv), [h, v ?? 0] as const);
      await page.evaluate(() => {
        // Every step shown, so the whole layout is measured.
        for (const fragment of document.querySelectorAll('.present .fragment')) fragment.classList.add('visible');
      });
      await sleep(50);
      seen.push(
        await page.evaluate(() => {
          const section = [...document.querySelectorAll<HTMLElement>('.reveal .slides section.present')].pop()!;
          const box = section.getBoundingClientRect();
          const scale = box.width / section.offsetWidth;
          const columns = [...section.querySelectorAll('.compare-column, .compare-pairs th, .venn-set')].map((c) =>
            c.getBoundingClientRect(),
          );
          let overflow = 0;
          for (const element of section.querySelectorAll('*')) {
            const rect = element.getBoundingClientRect();
            if (rect.width === 0 && rect.height === 0) continue;
            overflow = Math.max(
              overflow,
              (box.top - rect.top) / scale,
              (rect.bottom - box.bottom) / scale,
              (box.left - rect.left) / scale,
              (rect.right - box.right) / scale,
            );
          }
          return {
            heading: section.querySelector('h2')?.textContent ?? '',
            columns: columns.length,
            sameTop: columns.every((c) => Math.abs(c.top - columns[0]!.top) < 2 || c.height > 200),
            overflow: Math.round(overflow),
          };
        }),
      );
    }
    expect(seen.map((s) => [s.heading, s.columns, s.sameTop])).toEqual([
      ['Two columns, shared items', 2, true],
      ['Three columns', 3, true],
      ['Four columns', 4, true],
      ['Paired rows, step by step', 2, true],
      ['Venn, step by step', 2, true],
    ]);
    for (const slide of seen) expect(slide.overflow, slide.heading).toBeLessThan(1);
    expect(errors).toEqual([]);
  });
});
