import { describe, expect, it } from 'vitest';
import { brief, render, sectionHtml } from '../helpers.js';

const body = (source: string) => sectionHtml(render(source), 0);

describe('element attribute comments', () => {
  it('applies to the list item on the same line', () => {
    expect(body('- one <!-- .element: class="fragment" -->\n- two')).toContain(
      '<li class="fragment">one </li>\n<li>two</li>',
    );
  });

  it('applies to the closest inline element before it', () => {
    expect(body('Read **this** <!-- .element: class="fragment" data-fragment-index="2" -->')).toContain(
      '<p>Read <strong class="fragment" data-fragment-index="2">this</strong> </p>',
    );
    expect(body('![Chart](https://example.org/c.png) <!-- .element: style="height: 300px" -->')).toContain(
      '<img src="https://example.org/c.png" alt="Chart" style="height: 300px">',
    );
  });

  it('applies to the paragraph or heading when nothing precedes it inline', () => {
    expect(body('Plain text <!-- .element: class="x" -->')).toContain('<p class="x">Plain text </p>');
    expect(body('## Heading <!-- .element: id="h" -->')).toContain('<h2 id="h">Heading </h2>');
  });

  it('applies to the block above when on a line of its own', () => {
    expect(body('- a\n- b\n\n<!-- .element: class="fragment" -->')).toContain('<ul class="fragment">');
    expect(body('A paragraph\n<!-- .element: class="p" -->')).toContain('<p class="p">A paragraph</p>');
    // On the <pre> of a code block, as reveal.js's plugin puts it.
    expect(body('```js\nx\n```\n<!-- .element: class="fragment" -->')).toContain(
      '<pre class="code-wrapper fragment"><code class="hljs language-js">',
    );
  });

  it('applies to the slide when it comes first', () => {
    expect(body('<!-- .element: class="fragment-slide" -->\n\n# Title')).toMatch(/^<section class="fragment-slide">/);
  });

  it('joins classes with those already there', () => {
    expect(body('Text <!-- .element: class="a" --> <!-- .element: class="b" -->')).toContain('<p class="a b">');
  });

  it('is plain code inside a code fence', () => {
    expect(body('```html\n<!-- .element: class="x" -->\n```')).toContain(
      '&lt;!-- .element: class=&quot;x&quot; --&gt;',
    );
  });

  it('reports forbidden attributes with line and column', () => {
    const deck = render('# T\n\nText <!-- .element: onmouseover="alert(1)" -->');
    expect(brief(deck.diagnostics)).toEqual([
      '3:6 error element attribute comment: attribute "onmouseover" is not allowed; use id, class, style or data-*',
    ]);
    expect(deck.sectionsHtml).not.toContain('onmouseover');
  });

  it('read the forms reveal.js reads: braces, no colon, commas', () => {
    expect(body('Text <!-- {.element: class="a"} -->')).toContain('<p class="a">');
    expect(body('Text <!-- .element class="b" -->')).toContain('<p class="b">');
    expect(body('![x](https://example.org/x.png) <!-- .element: width="50%", height="40%" -->')).toContain(
      'width="50%" height="40%"',
    );
  });

  it('go to the last item of a list right above them, and to the list after a blank line', () => {
    expect(body('- a\n- b\n<!-- .element: class="f" -->')).toContain('<li class="f">b</li>');
    expect(body('- a\n- b\n\n<!-- .element: class="f" -->')).toContain('<ul class="f">');
  });

  it('go to the list when the line above them ends in white space, as reveal.js reads it', () => {
    expect(body('- a\n- b \n<!-- .element: class="f" -->')).toContain('<ul class="f">\n<li>a</li>\n<li>b</li>');
    expect(body('- a\n- b\t\n<!-- .element: class="f" -->')).toContain('<ul class="f">');
  });

  it('go to raw HTML: the last element of a block, an image before them, the element they are in', () => {
    expect(body('<div>a</div>\n<p>b</p>\n\n<!-- .element: class="f" -->')).toContain('<p class="f">b</p>');
    expect(body('<img src="https://example.org/x.png" alt="x" />\n<!-- .element: class="f" -->')).toContain(
      '<img src="https://example.org/x.png" alt="x" class="f" />',
    );
    expect(body('Look <img src="https://example.org/x.png" alt="x"> <!-- .element: class="f" -->')).toContain(
      'class="f"',
    );
    expect(
      body('<div class="r-stack">\n\n![a](https://example.org/a.png)\n\n</div>\n\n<!-- .element: class="f" -->'),
    ).toContain('<div class="r-stack f">');
  });

  it('pass over a closing tag that closes nothing to the element before it', () => {
    const stack = '<div class="r-stack">\n\n![a](https://example.org/a.png)\n\n</div>\n\n</span>\n\n';
    expect(body(`${stack}<!-- .element: class="f" -->\n\n<!-- .element: class="g" data-x="1" -->`)).toContain(
      '<div class="r-stack f g" data-x="1">',
    );
    expect(body('Text <b>bold</b> </i><!-- .element: class="h" -->')).toContain('<p class="h">Text <b>bold</b> </p>');
  });
});
