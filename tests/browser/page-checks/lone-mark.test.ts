import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

const MARK =
  '<svg class="compare-shared-mark" viewBox="0 0 10 10" width="20" height="20"><path d="M5 0 10 5 5 10 0 5z"/></svg>';

describe('the lone mark rule', () => {
  it('accepts marks on a line with their words, held together or with room to spare, and the legend', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Together</h2>
        <ul>
          <li data-line="4" style="width: 600px">Communication${MARK}</li>
          <li data-line="5" style="width: 240px">Strategic thinking <span style="white-space: nowrap">g${MARK}</span></li>
        </ul>
        <p class="compare-legend" style="width: 30px">${MARK} in both lists</p>
      </section>`);
    expect(await runRule(page, 'loneMark')).toEqual([]);
  });

  it("reports a mark that wrapped onto its own line, at the item's line", async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Alone</h2>
        <ul><li data-line="3" style="width: 230px">Communication${MARK}<span class="sr-only"> (shared)</span></li></ul>
      </section>`);
    expect(brief(await runRule(page, 'loneMark'))).toEqual([
      '3 lone-mark: slide 1 "Alone": the shared mark of "Communication (shared)" stands alone on a line of its own',
    ]);
  });
});
