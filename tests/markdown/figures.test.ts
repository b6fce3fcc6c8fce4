import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/markdown/index.js';

const render = (text: string) => markdown({ html: true }).render(text);

describe('figures', () => {
  it('turns a picture with a title, alone in its paragraph, into a figure with that caption', () => {
    expect(render('![A chart](sales.png "Sales by quarter")')).toBe(
      '<figure><img src="assets/sales.png" alt="A chart"><figcaption>Sales by quarter</figcaption>\n</figure>\n',
    );
    // An attribute comment on the picture still reaches it.
    expect(render('![A](a.png "Caption") <!-- .element: class="r-stretch" -->')).toContain(
      '<img src="assets/a.png" alt="A" class="r-stretch"> <figcaption>Caption</figcaption>',
    );
  });

  it('escapes the caption', () => {
    expect(render('![x](a.png "<b>bold</b> & more")')).toContain(
      '<figcaption>&lt;b&gt;bold&lt;/b&gt; &amp; more</figcaption>',
    );
  });

  it('marks a picture alone in its paragraph, and leaves one beside text or another picture as it is', () => {
    expect(render('![x](a.png)')).toBe('<p class="deck-picture"><img src="assets/a.png" alt="x"></p>\n');
    expect(render('![x](a.png "   ")')).toBe(
      '<p class="deck-picture"><img src="assets/a.png" alt="x" title="   "></p>\n',
    );
    expect(render('See ![x](a.png "t") here')).toBe('<p>See <img src="assets/a.png" alt="x" title="t"> here</p>\n');
    expect(render('![x](a.png "t") ![y](b.png "u")')).not.toMatch(/<figure>|deck-picture/);
    expect(render('- ![x](a.png "t")')).not.toContain('<figure>');
  });
});
