import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the text overflow rule', () => {
  it('accepts text that wraps inside its box, and a tight line height', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2 style="line-height: 1">Fits</h2>
        <div data-line="3" style="width: 200px">A sentence long enough to wrap inside its narrow box</div>
        <div data-line="4" style="width: 120px; overflow-wrap: anywhere">Incomprehensibilities</div>
      </section>`);
    expect(await runRule(page, 'textOverflow')).toEqual([]);
  });

  it('reports text that runs past its own box, though the slide holds it, once per box', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Narrow</h2>
        <ul><li data-line="3" style="width: 100px">Incomprehensibilities <em>and more</em> Incomprehensibilities</li></ul>
        <p data-line="5" style="width: 300px; white-space: nowrap">A line that is not allowed to wrap at all</p>
      </section>`);
    expect(brief(await runRule(page, 'textOverflow'))).toEqual([
      expect.stringMatching(
        /^3 text-overflow: slide 1 "Narrow": text "Incomprehensibilities" runs \d+ px past its box; shorten it or let it wrap$/,
      ),
      expect.stringMatching(/^5 text-overflow: slide 1 "Narrow": text "A line that is not allowed to…" runs \d+ px/),
    ]);
  });

  it('leaves text in a highlight, text cut off by its box, and text past the slide to their own rules', async () => {
    const page = await slidesPage(`
      <section data-line="1">
        <p data-line="2" style="width: 100px; background: yellow">Incomprehensibilities</p>
        <div style="width: 100px; overflow: hidden"><p data-line="4" style="width: 100px">Incomprehensibilities</p></div>
        <p data-line="5" style="margin-left: 1200px">Past the slide</p>
      </section>`);
    expect(await runRule(page, 'textOverflow')).toEqual([]);
  });

  it('ignores speaker notes and text for screen readers only', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Fine</h2>
        <aside class="notes"><p style="width: 10px; white-space: nowrap">Long notes on one line</p></aside>
        <p style="width: 100px"><span class="sr-only">Said, not shown, and long</span>Shown</p>
      </section>`);
    expect(await runRule(page, 'textOverflow')).toEqual([]);
  });
});
