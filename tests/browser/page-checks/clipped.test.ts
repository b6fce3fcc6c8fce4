import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the clipped content rule', () => {
  it('accepts boxes that cut off nothing, and content past a box that shows it', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Shown</h2>
        <div style="overflow: hidden; width: 400px">Fits in its box</div>
        <div style="height: 40px"><p style="height: 200px">Runs past a box that shows it</p></div>
        <svg viewBox="0 0 10 10" width="50" height="50"><circle cx="5" cy="5" r="20"/></svg>
      </section>`);
    expect(await runRule(page, 'clippedContent')).toEqual([]);
  });

  it('reports what a box cuts off, on each side, at its line', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Cut</h2>
        <pre data-line="3" style="overflow: hidden; width: 200px; height: 40px; margin: 0; font: 20px/40px monospace">a line of code too long for its box</pre>
        <div data-line="5" style="overflow: auto; height: 80px"><p style="height: 160px">Tall</p></div>
      </section>`);
    expect(brief(await runRule(page, 'clippedContent'))).toEqual([
      expect.stringMatching(
        /^3 clipped: slide 1 "Cut": content of "a line of code too long for it…" is cut off by its box \(overflow: hidden\), \d+ px at the right hidden$/,
      ),
      '5 clipped: slide 1 "Cut": content of "Tall" is cut off by its box (overflow: auto), 80 px at the bottom hidden',
    ]);
  });

  it('ignores text for screen readers only, which is hidden on purpose', async () => {
    const page = await slidesPage(`
      <section data-line="1"><p>Shown<span class="sr-only">Said, not shown, and much longer than a pixel</span></p></section>`);
    expect(await runRule(page, 'clippedContent')).toEqual([]);
  });
});
