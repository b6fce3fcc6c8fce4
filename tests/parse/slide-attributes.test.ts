import { describe, expect, it } from 'vitest';
import { brief, parse, render, sectionHtml } from '../helpers.js';

describe('slide attribute comments', () => {
  it('sets attributes on the section and removes the comment', () => {
    const source = '<!-- .slide: id="intro" class="title" data-background-color="#123" data-timing="90" -->\n# Hello';
    const deck = render(source);
    expect(sectionHtml(deck, 0)).toMatch(
      /^<section id="intro" class="title" data-background-color="#123" data-timing="90">/,
    );
    expect(deck.sectionsHtml).not.toContain('.slide:');
  });

  it('works anywhere in the slide, also inline', () => {
    const deck = parse('# Hello\n\nText <!-- .slide: class="x" --> more');
    expect(deck.slides[0]?.attributes).toEqual({ class: 'x' });
    expect(deck.slides[0]?.body.text).toMatch(/Text +more/);
    expect(deck.slides[0]?.body.text).not.toContain('.slide:');
  });

  it('applies to its own slide only', () => {
    const deck = parse('# A\n\n---\n\n<!-- .slide: class="b" -->\n# B');
    expect(deck.slides.map((s) => s.attributes)).toEqual([{}, { class: 'b' }]);
  });

  it('leaves comments inside code fences alone', () => {
    const deck = parse('```html\n<!-- .slide: class="x" -->\n```');
    expect(deck.slides[0]?.attributes).toEqual({});
  });

  it('reports event handlers with line and column', () => {
    const deck = parse('# A\n\n<!-- .slide: class="ok" onclick="alert(1)" -->');
    expect(brief(deck.diagnostics)).toEqual([
      '3:25 error slide attribute comment: attribute "onclick" is not allowed; use id, class, style or data-*',
    ]);
    expect(deck.slides[0]?.attributes).toEqual({ class: 'ok' });
  });

  it('reports a duplicate slide id', () => {
    const deck = render('<!-- .slide: id="x" -->\n# A\n\n---\n\n<!-- .slide: id="x" -->\n# B');
    expect(brief(deck.diagnostics)).toEqual(['6:14 error slide id "x" is already used by the slide at line 1']);
  });

  it('reads a comment that spans lines, keeping line numbers', () => {
    const deck = parse('# A\n\n---\n\n<!-- .slide: id="b"\n     class="c" onclick="x()" -->\n## B');
    expect(deck.slides[1]?.attributes).toEqual({ id: 'b', class: 'c' });
    expect(brief(deck.diagnostics)).toEqual([
      '6:16 error slide attribute comment: attribute "onclick" is not allowed; use id, class, style or data-*',
    ]);
    expect(deck.slides[1]?.body.text.split('\n')[3]).toBe('## B');
  });

  it('says when a value has no closing quote', () => {
    expect(brief(parse('<!-- .slide: id="a" class="section -->\n# A').diagnostics)).toEqual([
      '1:21 error slide attribute comment: the value of "class" has no closing quote',
    ]);
  });
});

describe('columns after a slide attribute comment', () => {
  it('stay true for what follows the comment on its line', () => {
    const deck = render('# T\n\nText <!-- .slide: class="quote" --> ![x](missing.png)');
    expect(deck.assets.map((a) => `${a.line}:${a.column}`)).toEqual(['3:42']);
  });
});
