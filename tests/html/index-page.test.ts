import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compile/compile.js';
import { type DeckSummary, parseSummary, renderIndexPage, summarize, summaryJson } from '../../src/html/index-page.js';
import { REPO } from '../helpers.js';

const TALK: DeckSummary = {
  name: 'talk',
  title: 'Leading <teams> & "projects"',
  author: 'Training team',
  description: 'One sentence.',
  slideCount: 1,
  duration: 40,
};

describe('the index page', () => {
  it('lists each deck with its facts, counted in words', () => {
    const html = renderIndexPage([TALK, { name: 'two slides', title: 'Two', slideCount: 2 }]);
    expect(html).toContain('<a href="talk/index.html">Leading &lt;teams&gt; &amp; &quot;projects&quot;</a>');
    expect(html).toContain('<p class="facts">1 slide · 40 min · Training team</p>');
    expect(html).toContain('<p>One sentence.</p>');
    expect(html).toContain('<a href="two%20slides/index.html">Two</a>');
    expect(html).toContain('<p class="facts">2 slides</p>');
  });
});

describe('the index page’s type', () => {
  it('carries the faces it is given, so it is set in the default theme’s font', () => {
    const html = renderIndexPage(
      [TALK],
      [
        { weight: 400, base64: 'AAAA' },
        { weight: 700, base64: 'BBBB', unicodeRange: 'U+0030' },
      ],
    );
    expect(html).toContain(
      "@font-face { font-family: 'Atkinson Hyperlegible'; font-weight: 400; font-display: block; src: url(data:font/woff2;base64,AAAA) format('woff2'); }",
    );
    expect(html).toContain("src: url(data:font/woff2;base64,BBBB) format('woff2'); unicode-range: U+0030; }");
    expect(html).toContain("font: 20px/1.5 'Atkinson Hyperlegible', system-ui, sans-serif;");
    expect(renderIndexPage([TALK])).not.toContain('@font-face');
  });
});

describe('thumbnails on the index page', () => {
  it("shows a deck's thumbnail beside its title, as decoration", () => {
    const html = renderIndexPage([{ ...TALK, name: 'my talk', thumbnail: 'thumbnail.png', thumbnailKey: 'k' }, TALK]);
    expect(html).toContain(
      '<li class="with-thumbnail">\n<img class="thumbnail" src="my%20talk/thumbnail.png" alt="" width="240" loading="lazy">\n<a href="my%20talk/index.html">',
    );
    expect(html.match(/<img/g)).toHaveLength(1);
  });

  it('reads back only a thumbnail that is a PNG file in the deck folder', () => {
    const read = (thumbnail: unknown) => parseSummary('x', JSON.stringify({ title: 'T', slideCount: 1, thumbnail }));
    expect(read('thumbnail.png')?.thumbnail).toBe('thumbnail.png');
    for (const bad of ['../other/thumbnail.png', 'a/b.png', 'javascript:alert(1)', 'x.svg', 3, '']) {
      expect(read(bad)?.thumbnail, String(bad)).toBeUndefined();
    }
  });
});

describe('the index page of a deck with variants', () => {
  it('lists each variant with its name, slide count and duration', async () => {
    const { decks } = await compileDecks(['tests/fixtures/courses/variants.md'], REPO);
    const html = renderIndexPage(decks.map(summarize));
    expect(html).toContain('<a href="variants-short/index.html">Giving feedback in twenty minutes</a>');
    expect(html).toContain('<p class="facts">short version · 4 slides · 20 min</p>');
    expect(html).toContain('<a href="variants-full/index.html">Giving feedback</a>');
    expect(html).toContain('<p class="facts">full version · 4 slides · 45 min</p>');
  });

  it('keeps the variant in the summary it reads back', () => {
    const summary: DeckSummary = { name: 'talk-short', title: 'T', slideCount: 3, duration: 20, variant: 'short' };
    expect(parseSummary('talk-short', summaryJson(summary))).toEqual(summary);
  });
});

describe('a deck summary kept in its folder', () => {
  it('reads back as written, named by its folder', () => {
    const text = summaryJson(TALK);
    expect(text).not.toContain('"name"');
    expect(parseSummary('renamed', text)).toEqual({ ...TALK, name: 'renamed' });
    expect(parseSummary('short', summaryJson({ name: 'x', title: 'T', slideCount: 3 }))).toEqual({
      name: 'short',
      title: 'T',
      slideCount: 3,
    });
  });

  it('is not a summary when it is not JSON, or lacks a title or a slide count', () => {
    for (const text of [
      '',
      '{ nope',
      'null',
      '[]',
      '"title"',
      '{"title": "T"}',
      '{"slideCount": 2}',
      '{"title": 1, "slideCount": 2}',
    ]) {
      expect(parseSummary('x', text), text).toBeUndefined();
    }
  });

  it('drops facts of the wrong type', () => {
    expect(parseSummary('x', '{"title": "T", "slideCount": 2, "author": 5, "duration": "long"}')).toEqual({
      name: 'x',
      title: 'T',
      slideCount: 2,
    });
  });
});
