// Slides, stacks, notes and slide attributes: the contract of the authoring format, which follows
// reveal.js's Markdown plugin and reveal-md (with one improvement: a separator inside fenced code
// or an HTML comment never splits).

import { describe, expect, it } from 'vitest';
import { brief, parse, render, sectionHtml } from '../helpers.js';

/** Each slide's HTML without its <section> tags, trimmed. */
const slides = (source: string) => {
  const deck = render(source);
  return deck.slides.map((_, i) =>
    sectionHtml(deck, i)
      .replace(/^<section[^>]*>\n?|<\/section>\n?$/g, '')
      .trim(),
  );
};
const positions = (source: string) => parse(source).slides.map((s) => [s.h, s.v]);

describe('slide separators', () => {
  it('splits horizontal slides on a --- line and vertical ones on -- or ----', () => {
    expect(slides('# One\n\n---\n\n# Two')).toEqual(['<h1>One</h1>', '<h1>Two</h1>']);
    expect(positions('# A\n\n--\n\n# A.2\n\n----\n\n# A.3\n\n---\n\n# B')).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
  });

  it('splits on --- right under a line of text or right above one, as reveal.js does', () => {
    expect(slides('Title\n---\nText')).toEqual(['<p>Title</p>', '<p>Text</p>']);
    expect(slides('- a\n- b\n---\n## Next')).toEqual(['<ul>\n<li>a</li>\n<li>b</li>\n</ul>', '<h2>Next</h2>']);
    expect(slides('> quoted\n---\nafter')).toEqual(['<blockquote>\n<p>quoted</p>\n</blockquote>', '<p>after</p>']);
  });

  it('leaves a longer underline or an indented --- to Markdown', () => {
    expect(slides('Title\n-----\n\nText')).toEqual(['<h2>Title</h2>\n<p>Text</p>']);
    expect(slides('Text\n\n   ---\n\nMore')).toEqual(['<p>Text</p>\n<hr>\n<p>More</p>']);
  });

  it('never splits inside fenced code, of any fence', () => {
    expect(slides('```yaml\na: 1\n---\nb: 2\n```\n\n---\n\n# After')).toHaveLength(2);
    expect(slides('~~~\n\n---\n\n~~~')).toHaveLength(1);
    expect(slides('````\n```\n\n---\n\n```\n````')).toHaveLength(1);
  });

  it('never splits inside an HTML comment', () => {
    expect(slides('# One\n\n<!--\n\n---\n\n-->\n\n# Still one')).toHaveLength(1);
  });

  it('reads code as markdown-it does: an indented fence is indented code, not a fence', () => {
    expect(slides('    ```\n---\n    ```')).toHaveLength(2);
    const deck = parse('# A\n\n    <!-- not a comment\n\n---\n\n# B');
    expect(deck.slides).toHaveLength(2);
    expect(deck.diagnostics).toEqual([]);
  });

  it('does not let an inline comment hide later separators', () => {
    expect(slides('# One <!-- x -->\n\n---\n\n# Two')).toHaveLength(2);
  });

  it('starts the deck with a stack when the first separator is vertical', () => {
    expect(positions('# A\n\n--\n\n# A.2')).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('keeps source line numbers for every slide', () => {
    expect(parse('---\ntitle: T\n---\n\n# One\n\n---\n\n# Two').slides.map((s) => s.span.startLine)).toEqual([5, 9]);
  });

  it('accepts CRLF and CR line endings and a byte order mark', () => {
    expect(slides('\uFEFF# One\r\n\r\n---\r\n\r\n# Two')).toEqual(['<h1>One</h1>', '<h1>Two</h1>']);
    expect(slides('# One\r\r---\r\r# Two')).toEqual(['<h1>One</h1>', '<h1>Two</h1>']);
  });

  it('keeps an empty slide as a blank slide, with a warning at its separator', () => {
    const deck = parse('# One\n\n---\n\n---\n\n# Two\n\n---\n');
    expect(deck.slides.map((s) => s.h)).toEqual([0, 1, 2, 3]);
    expect(brief(deck.diagnostics)).toEqual([
      '3:1 warning empty slide: it shows as a blank slide; remove the separator above it if that is not meant',
      '9:1 warning empty slide: it shows as a blank slide; remove the separator above it if that is not meant',
    ]);
  });

  it('counts a slide with only attributes (a background) as a slide', () => {
    const deck = parse('# One\n\n---\n\n<!-- .slide: data-background-color="#123" -->\n');
    expect(deck.slides).toHaveLength(2);
    expect(deck.diagnostics).toEqual([]);
  });

  it('reports a deck without slides', () => {
    expect(brief(parse('---\ntitle: Empty\n---\n\n').diagnostics)).toEqual(['4:1 error the deck has no slides']);
    expect(brief(parse('').diagnostics)).toEqual(['1:1 error the deck has no slides']);
    expect(brief(parse('# Only\n\n---\n\n--\n').diagnostics)).toHaveLength(2);
  });
});

describe('separators from front matter, with reveal.js meaning', () => {
  it('splits on blank lines when the separator says so', () => {
    const source =
      '---\nseparator: "^\\n\\n\\n"\nverticalSeparator: "^\\n\\n"\n---\n# A\n\n\n\n# B\n\n\n# B.2\n\n\n\n# C';
    expect(positions(source)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
  });

  it('splits on a marker of the author’s choice', () => {
    const source = '---\nseparator: <!--s-->\nverticalSeparator: <!--v-->\n---\n# A\n<!--s-->\n# B\n<!--v-->\n# B.2';
    expect(positions(source)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(slides(source)[1]).toBe('<h1>B</h1>');
  });

  it('takes reveal-md’s own separators, which need blank lines around them', () => {
    const source = '---\nseparator: "^(\\r\\n?|\\n)---(\\r\\n?|\\n)$"\n---\n# A\n\n---\n\n# B';
    expect(slides(source)).toEqual(['<h1>A</h1>', '<h1>B</h1>']);
  });

  it('still never splits inside code', () => {
    const source = '---\nseparator: "^\\n\\n\\n"\n---\n# A\n\n```\nx\n\n\n\ny\n```';
    expect(slides(source)).toHaveLength(1);
  });

  it('reads notes after the author’s notes marker', () => {
    const deck = render('---\nnotesSeparator: "^Speaker:"\n---\n# A\n\nSpeaker: say hello\n\nNote: stays');
    expect(sectionHtml(deck, 0)).toContain('<aside class="notes">\n<p>say hello</p>\n<p>Note: stays</p>\n</aside>');
  });

  it('warns about a separator in the middle of a line, which does not split', () => {
    const deck = parse('---\nseparator: <!--s-->\n---\n# A <!--s--> B');
    expect(deck.slides).toHaveLength(1);
    expect(brief(deck.diagnostics)).toEqual([
      '4:5 warning a slide separator in the middle of a line does not split the slide; put it on a line of its own',
    ]);
  });
});

describe('speaker notes', () => {
  const notesOf = (source: string, index = 0) =>
    /<aside class="notes">\n([\s\S]*)<\/aside>/.exec(sectionHtml(render(source), index))?.[1];

  it('takes everything after a Note: line as notes', () => {
    expect(slides('# Slide\n\nBody\n\nNote:\nSay this.\n\nAnd this.')[0]).toBe(
      '<h1>Slide</h1>\n<p>Body</p>\n<aside class="notes">\n<p>Say this.</p>\n<p>And this.</p>\n</aside>',
    );
  });

  it('accepts Notes:, any case, and text on the marker line', () => {
    expect(notesOf('# A\n\nNOTES: first line\nsecond')).toBe('<p>first line\nsecond</p>\n');
    expect(notesOf('# A\n\nnote: lower')).toBe('<p>lower</p>\n');
  });

  it('ends a paragraph or a list right above it', () => {
    expect(slides('- a\nNote: n')[0]).toBe('<ul>\n<li>a</li>\n</ul>\n<aside class="notes">\n<p>n</p>\n</aside>');
  });

  it('trims notes as reveal.js does: indented notes are text, not code', () => {
    expect(notesOf('# A\n\nNote:\n    Start with a question.\n    Then wait.')).toBe(
      '<p>Start with a question.\nThen wait.</p>\n',
    );
  });

  it('ends the notes at the next separator, even right under them', () => {
    const deck = render('# A\n\nNote: for A\n---\n# B');
    expect(deck.slides).toHaveLength(2);
    expect(sectionHtml(deck, 1)).not.toContain('notes');
  });

  it('ignores Note: inside a code fence or in the middle of a line', () => {
    expect(notesOf('# A\n\n```\nNote: code\n```\n\nA Note: inline')).toBeUndefined();
  });

  it('keeps a second marker in one slide as notes text', () => {
    expect(notesOf('# A\n\nNote: first\n\nNote: second')).toBe('<p>first</p>\n<p>Note: second</p>\n');
  });

  it('keeps separators inside code in the notes from splitting', () => {
    expect(slides('# A\n\nNote:\n```yaml\n---\n```\n\n---\n\n# B')).toHaveLength(2);
  });

  it('keeps notes whole when a second marker follows a separator inside code', () => {
    expect(notesOf('# A\n\nNote: first\n\n```yaml\n---\n```\n\nNote: second')).toBe(
      '<p>first</p>\n<pre class="code-wrapper"><code class="hljs language-yaml"><span class="hljs-meta">---</span></code></pre>\n<p>Note: second</p>\n',
    );
  });

  it('starts the notes of the next slide at its own marker', () => {
    const deck = render('# A\n\nNote: first\n\n---\n\n# B\n\nNote: second');
    expect(sectionHtml(deck, 1)).toContain('<aside class="notes">\n<p>second</p>\n</aside>');
  });
});

describe('slide attribute comments', () => {
  it('set attributes on the section', () => {
    const source = '<!-- .slide: id="intro" class="title" data-background-color="#123" data-timing="90" -->\n# Hello';
    const deck = render(source);
    expect(sectionHtml(deck, 0)).toMatch(
      /^<section id="intro" class="title" data-background-color="#123" data-timing="90">/,
    );
    expect(deck.sectionsHtml).not.toContain('.slide:');
  });

  it('work anywhere in the slide, also inline and in the notes', () => {
    expect(parse('# Hello\n\nText <!-- .slide: class="x" --> more').slides[0]?.attributes).toEqual({ class: 'x' });
    expect(parse('# Hello\n\nNote: <!-- .slide: class="y" -->').slides[0]?.attributes).toEqual({ class: 'y' });
  });

  it('read commas between attributes and every kind of quote, as reveal.js does', () => {
    expect(parse('<!-- .slide: data-a="1", class=\'b\', data-c=3 -->\n# A').slides[0]?.attributes).toEqual({
      'data-a': '1',
      class: 'b',
      'data-c': '3',
    });
  });

  it('apply to their own slide only', () => {
    expect(parse('# A\n\n---\n\n<!-- .slide: class="b" -->\n# B').slides.map((s) => s.attributes)).toEqual([
      {},
      { class: 'b' },
    ]);
  });

  it('are code inside code fences and code spans', () => {
    expect(parse('```html\n<!-- .slide: class="x" -->\n```').slides[0]?.attributes).toEqual({});
    expect(parse('# One\n\nWrite `<!-- .slide: class="quote" -->` here.').slides[0]?.attributes).toEqual({});
  });

  it('report event handlers with line and column', () => {
    const deck = parse('# A\n\n<!-- .slide: class="ok" onclick="alert(1)" -->');
    expect(brief(deck.diagnostics)).toEqual([
      '3:25 error slide attribute comment: attribute "onclick" is not allowed; use id, class, style or data-*',
    ]);
    expect(deck.slides[0]?.attributes).toEqual({ class: 'ok' });
  });

  it('report a duplicate slide id', () => {
    const deck = render('<!-- .slide: id="x" -->\n# A\n\n---\n\n<!-- .slide: id="x" -->\n# B');
    expect(brief(deck.diagnostics)).toEqual(['6:14 error slide id "x" is already used by the slide at line 1']);
  });

  it('read a comment that spans lines, keeping line numbers', () => {
    const deck = parse('# A\n\n---\n\n<!-- .slide: id="b"\n     class="c" onclick="x()" -->\n## B');
    expect(deck.slides[1]?.attributes).toEqual({ id: 'b', class: 'c' });
    expect(brief(deck.diagnostics)).toEqual([
      '6:16 error slide attribute comment: attribute "onclick" is not allowed; use id, class, style or data-*',
    ]);
  });

  it('say when a value has no closing quote', () => {
    expect(brief(parse('<!-- .slide: id="a" class="section -->\n# A').diagnostics)).toEqual([
      '1:21 error slide attribute comment: the value of "class" has no closing quote',
    ]);
  });

  it('leave the columns of what follows them on the line true', () => {
    const deck = render('# T\n\nText <!-- .slide: class="quote" --> ![x](missing.png)');
    expect(deck.assets.map((a) => `${a.line}:${a.column}`)).toEqual(['3:42']);
  });
});

describe('the title', () => {
  it('comes from the first heading of the first slide, without markup', () => {
    expect(parse('Intro text\n\n## The *real* `title`').meta.title).toBe('The real title');
    expect(parse('Text only\n\n---\n\n# Later').meta.title).toBe('deck');
  });
});
