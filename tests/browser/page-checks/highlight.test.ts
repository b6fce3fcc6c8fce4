import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

const MARK =
  '<svg class="compare-shared-mark" viewBox="0 0 10 10" width="20" height="20"><path d="M5 0 10 5 5 10 0 5z"/></svg>';

describe('the highlight rule', () => {
  it('accepts highlights that hold their words and marks, and text with no highlight', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Held</h2>
        <ul><li data-line="3" style="width: 300px; background: #fff1c2">Communication ${MARK}</li></ul>
        <p data-line="4" style="width: 200px; overflow-wrap: anywhere; background: #fff1c2">Incomprehensibilities</p>
        <p style="background: transparent; width: 50px; white-space: nowrap">Not a highlight at all</p>
        <p style="background: rgb(0 0 0 / 0); width: 50px; white-space: nowrap">Nor this one</p>
      </section>`);
    expect(await runRule(page, 'highlight')).toEqual([]);
  });

  it('reports a word that runs past its highlight, and a mark outside it, at their lines', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Spilled</h2>
        <ul>
          <li data-line="4" style="width: 150px; background: #fff1c2"><b>Communication</b></li>
          <li data-line="5" style="width: 140px; font-size: 20px; background: #fff1c2; white-space: nowrap">Delegation ${MARK}${MARK}${MARK}</li>
        </ul>
      </section>`);
    expect(brief(await runRule(page, 'highlight'))).toEqual([
      expect.stringMatching(
        /^4 highlight: slide 1 "Spilled": text "Communication" reaches \d+ px past its highlight "Communication"; shorten it or give it room$/,
      ),
      expect.stringMatching(
        /^5 highlight: slide 1 "Spilled": the mark after "Delegation" reaches \d+ px past its highlight "Delegation"/,
      ),
    ]);
  });

  it('leaves highlights that cut off their content to the clipped rule', async () => {
    const page = await slidesPage(`
      <section data-line="1"><p style="width: 100px; background: yellow; overflow: hidden">Incomprehensibilities</p></section>`);
    expect(await runRule(page, 'highlight')).toEqual([]);
  });
});
