import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the small text rule', () => {
  it("accepts text at or above the theme's minimum", async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Big enough</h2><p style="font-size: 20px">Just at the minimum</p></section>`);
    expect(await runRule(page, 'smallText')).toEqual([]);
  });

  it('reports the smallest text on a slide, with its size and line', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Fine print</h2>
        <p data-line="3" style="font-size: 16px">Small</p>
        <p data-line="5" style="font-size: 12px">A footnote that goes on for a long while</p>
      </section>`);
    expect(brief(await runRule(page, 'smallText'))).toEqual([
      '5 min-font-size: slide 1 "Fine print": text "A footnote that goes on for a " is 12 px, below the theme\'s minimum of 20 px',
    ]);
  });

  it('measures SVG text as drawn: a small font in a large drawing is large', async () => {
    const drawing = (width: number) =>
      `<svg viewBox="0 0 100 50" width="${width}" height="${width / 2}"><text x="0" y="20" font-size="5">Label</text></svg>`;
    const page = await slidesPage(`
      <section data-line="1">${drawing(1000)}</section>
      <section data-line="2" style="top: 720px">${drawing(200)}</section>`);
    expect(brief(await runRule(page, 'smallText'))).toEqual([
      '2 min-font-size: slide 2: text "Label" is 10 px, below the theme\'s minimum of 20 px',
    ]);
  });

  it("measures text as the slide's fit sizes it: a slide shrunk below the minimum says so", async () => {
    const fitted = (line: number, fit: number, top: number) =>
      `<section data-line="${line}" style="--deck-fit: ${fit}; top: ${top}px; font-size: calc(32px * var(--deck-fit, 1))"><p>Body text</p></section>`;
    const page = await slidesPage(`${fitted(1, 1, 0)}${fitted(2, 0.75, 720)}${fitted(3, 0.5, 1440)}`);
    expect(brief(await runRule(page, 'smallText'))).toEqual([
      '3 min-font-size: slide 3: text "Body text" is 16 px, below the theme\'s minimum of 20 px',
    ]);
  });

  it('ignores speaker notes and text for screen readers only', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Fine</h2>
        <aside class="notes" style="font-size: 10px">Small notes</aside>
        <span class="sr-only" style="font-size: 8px">Said, not shown</span>
      </section>`);
    expect(await runRule(page, 'smallText')).toEqual([]);
  });
});
