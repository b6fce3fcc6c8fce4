import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the slide links rule', () => {
  it('accepts links to slide ids that exist, to slide numbers and to the start', async () => {
    const page = await slidesPage(`
      <section data-line="1"><a href="#/summary">Summary</a> <a href="#/caf%C3%A9/2">Café</a>
        <a href="#/3">Third</a> <a href="#/">Start</a> <a href="#summary">Plain anchor</a></section>
      <section id="summary" data-line="5">Summary</section>
      <section id="café" data-line="7">Café</section>`);
    expect(await runRule(page, 'slideLinks')).toEqual([]);
  });

  it('reports a link to a slide id that no slide has, at its line', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Links</h2><p data-line="3"><a href="#/sumary">Summary</a> <a href="#/%E0%A4%A">Broken</a></p></section>
      <section id="summary" data-line="5">Summary</section>`);
    expect(brief(await runRule(page, 'slideLinks'))).toEqual([
      '3 link: slide 1 "Links": link #/sumary points to no slide with id "sumary"',
      '3 link: slide 1 "Links": link #/%E0%A4%A points to no slide with id "%E0%A4%A"',
    ]);
  });

  it('leaves links to other pages alone', async () => {
    const page = await slidesPage(
      '<section data-line="1"><a href="files/worksheet.pdf#page=2">Worksheet</a></section>',
    );
    expect(await runRule(page, 'slideLinks')).toEqual([]);
  });
});
