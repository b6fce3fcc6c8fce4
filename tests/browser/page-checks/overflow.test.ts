import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the overflow rule', () => {
  it('accepts content that stays inside the slide', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Fits</h2><p style="width: 1280px; margin: 0">Exactly as wide as the slide</p></section>`);
    expect(await runRule(page, 'overflow')).toEqual([]);
  });

  it('reports how far content reaches past each side, at the line of what reaches furthest', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Too tall</h2><div data-line="4" style="height: 900px">Long list</div></section>
      <section data-line="10"><h2>Too wide</h2><p data-line="12" style="margin-left: -30px; width: 1400px">Wide</p></section>`);
    expect(brief(await runRule(page, 'overflow'))).toEqual([
      '4 overflow: slide 1 "Too tall": content overflows the slide by 230 px at the bottom (screen layout)',
      '12 overflow: slide 2 "Too wide": content overflows the slide by 90 px at the right, 30 px at the left (screen layout)',
    ]);
  });

  it('measures against the canvas: a slide made taller than it is cut off, and says so', async () => {
    const page = await slidesPage(`
      <section data-line="1" style="height: 50000px"><h2>Sixty items</h2><div data-line="3" style="height: 2400px">Items</div></section>`);
    expect(brief(await runRule(page, 'overflow'))).toEqual([
      '1 overflow: slide 1 "Sixty items": content overflows the slide by 49280 px at the bottom (screen layout)',
    ]);
  });

  it('names the print layout when it checks the print view', async () => {
    const page = await slidesPage('<section data-line="1"><div style="height: 800px">Tall</div></section>');
    expect(brief(await runRule(page, 'overflow', 'print'))).toEqual([
      '1 overflow: slide 1: content overflows the slide by 80 px at the bottom (print layout)',
    ]);
  });

  it('ignores speaker notes, text for screen readers only, and anything under a pixel', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Fine</h2>
        <aside class="notes"><div style="height: 2000px">Long notes</div></aside>
        <span class="sr-only" style="top: 900px">Said, not shown</span>
        <div style="height: 670.6px">Almost: 0.6 px past the bottom</div>
      </section>`);
    expect(await runRule(page, 'overflow')).toEqual([]);
  });
});
