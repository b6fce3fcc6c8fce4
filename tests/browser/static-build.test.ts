import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLAGSHIP, openDeck } from './harness.js';

describe('the built flagship deck, opened from file://', () => {
  it('starts reveal.js with every slide, its fonts and no errors', async () => {
    const page = await openDeck(FLAGSHIP);
    const state = await page.evaluate(() => ({
      ready: document.querySelector('.reveal')?.classList.contains('ready'),
      total: window.deck?.getTotalSlides(),
      title: document.title,
      font: document.fonts.check('30px "Atkinson Hyperlegible"'),
      fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    }));
    expect(state.ready).toBe(true);
    expect(state.total).toBe(21);
    expect(state.title).toBe('Leadership vs Management');
    expect(state.font).toBe(true);
    expect(state.fontsLoaded).toContain('Atkinson Hyperlegible');
    expect(page.errors).toEqual([]);
  });

  it('steps through every slide and fragment to the end', async () => {
    const page = await openDeck(FLAGSHIP);
    const seen: string[] = [];
    for (let step = 0; step < 200; step++) {
      const { heading, last } = await page.evaluate(() => {
        const present = [...document.querySelectorAll('.reveal .slides section.present')].pop();
        return {
          heading: present?.querySelector('h1, h2')?.textContent ?? '',
          last: window.deck!.isLastSlide() && !window.deck!.availableFragments().next,
        };
      });
      if (!seen.includes(heading)) seen.push(heading);
      if (last) break;
      await page.press('ArrowRight');
    }
    expect(seen[0]).toBe('Leadership vs Management');
    expect(seen.at(-1)).toBe('Sources');
    expect(seen).toHaveLength(21);
    expect(page.errors).toEqual([]);
  });

  it('asks for nothing outside its own folder', async () => {
    const page = await openDeck(FLAGSHIP);
    await page.evaluate(async () => {
      for (const slide of window.deck!.getSlides()) {
        const { h, v } = window.deck!.getIndices(slide);
        window.deck!.slide(h, v);
      }
      await document.fonts.ready;
    });
    const folder = pathToFileURL(dirname(FLAGSHIP)).href;
    expect(page.requests).toContainEqual(`${folder}/deck.js`);
    expect(page.requests.filter((url) => !url.startsWith(`${folder}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
