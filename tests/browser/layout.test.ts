// Every slide of the flagship deck fits its canvas, on screen and in reveal.js's print view, with
// no text below the theme's minimum; and a deck made to fail is caught. These are `deck check`'s
// own in-page rules, run on the built decks.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageProblem } from '../../src/browser/page-checks/index.js';
import { checkPrintView, checkScreenView } from '../../src/commands/check.js';
import { FIXTURES, FLAGSHIP, openDeck } from './harness.js';

const OVERFLOW_DECK = join(FIXTURES, 'overflow/index.html');
const brief = (problems: PageProblem[]) => problems.map((p) => `${p.rule}: ${p.message}`);

describe('flagship deck layout', () => {
  it('fits every slide on screen with no text below the theme minimum', async () => {
    const page = await openDeck(FLAGSHIP);
    const problems = await checkScreenView(page);
    expect(brief(problems.filter((p) => p.rule === 'overflow' || p.rule === 'min-font-size'))).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('fits every page of the print view', async () => {
    const page = await openDeck(FLAGSHIP, { print: true });
    expect(await page.evaluate(() => document.querySelectorAll('.pdf-page').length)).toBe(21);
    expect(brief(await checkPrintView(page))).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});

// The slide that is far too long shrinks to the theme's smallest type first (runtime/fit.ts); what is
// left over is the overflow.
describe('a deck made to fail', () => {
  it('has a slide that overflows and text that is too small, on screen', async () => {
    const problems = await checkScreenView(await openDeck(OVERFLOW_DECK));
    expect(brief(problems)).toEqual([
      'overflow: slide 2 "Far too long": content overflows the slide by 17 px at the bottom (screen layout)',
      'min-font-size: slide 3 "Tiny print": text "A footnote" is 12 px, below the theme\'s minimum of 20 px',
    ]);
  });

  it('overflows in the print view too', async () => {
    const problems = await checkPrintView(await openDeck(OVERFLOW_DECK, { print: true }));
    expect(brief(problems)).toEqual([
      'overflow: slide 2 "Far too long": content overflows the slide by 17 px at the bottom (print layout)',
    ]);
  });
});
