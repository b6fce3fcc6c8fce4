// The two image rules: images that do not load, and images without alt text.

import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the broken image rule', () => {
  it('accepts images that load', async () => {
    const page = await slidesPage('<section data-line="1"><img src="dot.svg" alt="A dot"></section>');
    expect(await runRule(page, 'brokenImages')).toEqual([]);
  });

  it('reports an image that does not load, at its line', async () => {
    const page = await slidesPage(`
      <section data-line="1"><h2>Chart</h2><p data-line="3"><img src="assets/missing.png" alt="Chart"></p></section>`);
    expect(brief(await runRule(page, 'brokenImages'))).toEqual([
      '3 image: slide 1 "Chart": image assets/missing.png does not load',
    ]);
  });

  it('leaves an image from the web to the remote resources rule', async () => {
    const page = await slidesPage(
      '<section data-line="1"><img src="https://example.org/logo.png" alt="Logo"></section>',
    );
    expect(await runRule(page, 'brokenImages')).toEqual([]);
  });
});

describe('the image alt text rule', () => {
  it('accepts an image with a description', async () => {
    const page = await slidesPage('<section data-line="1"><img src="dot.svg" alt="A dot"></section>');
    expect(await runRule(page, 'imageAlt')).toEqual([]);
  });

  it('reports an image without alt text, or with only spaces, saying how to add it', async () => {
    const page = await slidesPage(`
      <section data-line="1"><p data-line="2"><img src="dot.svg"></p><p data-line="4"><img src="dot.svg" alt="  "></p></section>`);
    expect(brief(await runRule(page, 'imageAlt'))).toEqual([
      '2 image-alt: slide 1: image dot.svg has no alt text; describe it in the brackets: ![what it shows](dot.svg)',
      '4 image-alt: slide 1: image dot.svg has no alt text; describe it in the brackets: ![what it shows](dot.svg)',
    ]);
  });
});
