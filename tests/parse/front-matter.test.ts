import { describe, expect, it } from 'vitest';
import { brief, parse, render } from '../helpers.js';

describe('front matter', () => {
  it('reads every known key', () => {
    const deck = parse(`---
title: Leadership
author: Training team
date: 2026-12-01
lang: en-GB
description: One line.
duration: 40
theme: default
html: false
reveal:
  transition: fade
---

# Slide`);
    expect(deck.diagnostics).toEqual([]);
    expect(deck.meta).toEqual({
      title: 'Leadership',
      author: 'Training team',
      date: '2026-12-01',
      lang: 'en-GB',
      description: 'One line.',
      duration: 40,
      theme: 'default',
      html: false,
      reveal: { transition: 'fade' },
    });
    expect(deck.slides[0]?.span.startLine).toBe(14);
  });

  it('defaults lang to en and the title to the first heading', () => {
    const deck = parse('# From the heading\n\nText');
    expect(deck.meta.lang).toBe('en');
    expect(deck.meta.title).toBe('From the heading');
  });

  it('does not take a title from a code block', () => {
    expect(parse('```sh\n# install\nnpm i\n```\n\n# Real title').meta.title).toBe('Real title');
  });

  it('falls back to the file name for the title', () => {
    expect(parse('Just text').meta.title).toBe('deck');
  });

  it('reports an unknown key at its line and column', () => {
    const deck = parse('---\ntitle: T\n  \nauthr: Me\n---\n\n# A');
    expect(brief(deck.diagnostics)).toEqual([
      '4:1 error unknown front matter key "authr"; did you mean "author"? known keys: title, author, date, description, theme, highlightTheme, css, lang, duration, html, reveal, revealOptions, separator, verticalSeparator, notesSeparator, variants',
    ]);
  });

  it('treats names of built-in object members as unknown keys', () => {
    const deck = parse('---\n__proto__: 1\nhasOwnProperty: 1\ntoString: x\n---\n\n# A');
    expect(deck.diagnostics.map((d) => `${d.line} ${d.message.split(';')[0]}`)).toEqual([
      '2 unknown front matter key "__proto__"',
      '3 unknown front matter key "hasOwnProperty"',
      '4 unknown front matter key "toString"',
    ]);
  });

  it('keeps YAML comments, even after a blank line', () => {
    const deck = parse('---\ntitle: T\n\n# reveal.js settings\nreveal:\n  transition: fade\n---\n\n# Slide');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.meta.reveal).toEqual({ transition: 'fade' });
  });

  it('reports wrong types at the value', () => {
    const deck = parse('---\ntitle: T\nduration: forty\nlang: 12\nreveal: [1]\nhtml: yes\n---\n\n# A');
    expect(brief(deck.diagnostics)).toEqual([
      '3:11 error front matter "duration" must be a number of minutes, or a length such as "90 min", "2 hours" or "1:30"',
      '4:7 error front matter "lang" must be text',
      '5:9 error front matter "reveal" must be a map of reveal.js options',
      '6:7 error front matter "html" must be true or false',
    ]);
    expect(deck.meta.duration).toBeUndefined();
  });

  it('reports invalid YAML with its line', () => {
    const deck = parse('---\ntitle: T\nauthor: [unclosed\n---\n\n# A');
    expect(deck.diagnostics).toHaveLength(1);
    expect(brief(deck.diagnostics)).toEqual([
      '3:9 error invalid YAML in front matter: this "[" is never closed with "]"',
    ]);
  });

  it('reports YAML that is not a map', () => {
    expect(brief(parse('---\n- a\n- b\n---\n\n# A').diagnostics)).toEqual([
      '2:1 error front matter must be a map of keys such as title: and author:',
    ]);
  });

  it('reports front matter that is never closed', () => {
    const deck = parse('---\ntitle: T\nauthor: A\n');
    expect(brief(deck.diagnostics)).toEqual(['1:1 error front matter is not closed: add a line "---" after it']);
  });

  it('reports a forgotten closing line before the first slide, and still reads the slides', () => {
    const deck = parse('---\ntitle: T\n\n# Slide\n\n---\n\n# Two');
    expect(brief(deck.diagnostics)).toEqual([
      '1:1 error front matter is not closed: add a line "---" before line 4, which looks like slide content',
    ]);
    expect(deck.meta.title).toBe('T');
    expect(deck.slides.map((s) => s.span.startLine)).toEqual([4, 8]);
  });

  it('explains the usual YAML mistakes where they are', () => {
    const explain = (yaml: string) => brief(parse(`---\n${yaml}\n---\n\n# A`).diagnostics);
    expect(explain('title: Leadership: the basics')).toEqual([
      '2:8 error invalid YAML in front matter: a value that contains ": " must be put in quotes',
    ]);
    expect(explain('title: [Draft] Basics')).toEqual([
      '2:8 error invalid YAML in front matter: a value that starts with "[" is read as a list; put the whole title in quotes',
    ]);
    expect(explain('reveal:\n  transition: fade\n    controls: false')).toEqual([
      '4:5 error invalid YAML in front matter: "controls:" is indented more than the key above it',
    ]);
    expect(explain('reveal:\n\tcontrols: false')).toEqual([
      '3:1 error invalid YAML in front matter: tabs cannot indent YAML; use spaces',
    ]);
  });

  it('reports a duplicate key', () => {
    const deck = parse('---\ntitle: A\ntitle: B\n---\n\n# A');
    expect(deck.diagnostics[0]).toMatchObject({ line: 3, severity: 'error' });
  });

  it('does not take a --- later in the file for front matter', () => {
    const deck = parse('# A\n\n---\n\ntitle: no\n\n---\n\n# C');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides).toHaveLength(3);
  });
});

describe('reveal-md front matter', () => {
  it('takes revealOptions as reveal, with reveal winning where both are given', () => {
    const deck = parse(
      '---\nrevealOptions:\n  transition: fade\n  controls: false\nreveal:\n  controls: true\n---\n\n# A',
    );
    expect(deck.diagnostics).toEqual([]);
    expect(deck.meta.reveal).toEqual({ transition: 'fade', controls: true });
    expect(render('---\nrevealOptions:\n  transition: fade\n---\n\n# A').revealConfig.transition).toBe('fade');
  });

  it('takes highlightTheme, css (one or a list) and the three separators', () => {
    const deck = parse(
      '---\nhighlightTheme: zenburn\ncss: custom.css\nseparator: "^\\n\\n\\n"\nverticalSeparator: "^\\n\\n"\nnotesSeparator: "^Note:"\n---\n\n# A',
    );
    expect(deck.diagnostics).toEqual([]);
    expect(deck.meta).toMatchObject({
      highlightTheme: 'zenburn',
      css: ['custom.css'],
      separator: '^\n\n\n',
      verticalSeparator: '^\n\n',
      notesSeparator: '^Note:',
    });
    expect(parse('---\ncss: [a.css, b.css]\n---\n\n# A').meta.css).toEqual(['a.css', 'b.css']);
  });

  it('reports a separator that is not a regular expression, or that matches nothing at all', () => {
    expect(brief(parse('---\nseparator: "(unclosed"\n---\n\n# A').diagnostics)).toEqual([
      '2:12 error front matter "separator" is not a valid regular expression (Invalid regular expression: /(unclosed/m: Unterminated group)',
    ]);
    expect(brief(parse('---\nseparator: "x*"\n---\n\n# A').diagnostics)).toEqual([
      '2:12 error front matter "separator" must not match empty text',
    ]);
  });

  it('refuses a separator that could take exponential time, before it runs over the deck', () => {
    const body = `\n\n# A\n\n${'a'.repeat(40)}b\n`;
    const started = performance.now();
    expect(brief(parse(`---\nseparator: "^(a+)+$"\n---${body}`).diagnostics)).toEqual([
      '2:12 error front matter "separator" could take very long on some text (a repeated group that repeats inside, as in (a+)+); write it without nested repetition',
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
    // The patterns reveal.js and reveal-md decks use pass.
    for (const pattern of ['^\\r?\\n---\\r?\\n$', '^(\\r\\n?|\\n)---(\\r\\n?|\\n)$', '<!--s-->', '^-{3,}\\s*$']) {
      expect(brief(parse(`---\nseparator: '${pattern}'\n---${body}`).diagnostics)).toEqual([]);
    }
  });

  it('warns about reveal-md keys it will not run, saying why', () => {
    expect(brief(parse('---\nscripts: [a.js]\npreprocessor: pre.js\n---\n\n# A').diagnostics)).toEqual([
      '2:1 warning front matter "scripts" (reveal-md) is ignored: a deck runs no scripts of its own',
      '3:1 warning front matter "preprocessor" (reveal-md) is ignored: a deck runs no code of its own',
    ]);
  });

  it('warns about a reveal.js option at the top level, which belongs under reveal:', () => {
    const deck = parse('---\nprogress: true\n---\n\n# A');
    expect(brief(deck.diagnostics)).toEqual([
      '2:1 warning front matter "progress" is a reveal.js option and is ignored here: put it under "reveal:"',
    ]);
    expect(deck.meta.reveal).toEqual({});
  });

  it('suggests the key meant by a near miss, and nothing for a word far from every key', () => {
    expect(brief(parse('---\nhighlighTheme: zenburn\n---\n\n# A').diagnostics)[0]).toMatch(
      /unknown front matter key "highlighTheme"; did you mean "highlightTheme"\?/,
    );
    expect(brief(parse('---\nbananas: 3\n---\n\n# A').diagnostics)[0]).toMatch(
      /unknown front matter key "bananas"; known keys: /,
    );
  });

  it('turns raw HTML on by default, with html: false as the strict opt-out', () => {
    expect(parse('# A').meta.html).toBe(true);
    expect(render('# A\n\n<b>x</b>').sectionsHtml).toContain('<b>x</b>');
    expect(render('---\nhtml: false\n---\n\n# A\n\n<b>x</b>').sectionsHtml).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('reads a duration written as text, in minutes', () => {
    const minutes = (value: string) => parse(`---\nduration: ${value}\n---\n\n# A`).meta.duration;
    expect([
      minutes('40'),
      minutes('"90 min"'),
      minutes('2 hours'),
      minutes('1h30'),
      minutes('"1:30"'),
      minutes('45m'),
    ]).toEqual([40, 90, 120, 90, 90, 45]);
    expect(minutes('"2 days"')).toBeUndefined();
    expect(minutes('0 min')).toBeUndefined();
  });

  it('sets curly quotes and dashes unless reveal.js’s Markdown options turn smartypants off', () => {
    expect(render('# It\'s "here" -- now...').sectionsHtml).toContain('<h1>It’s “here” – now…</h1>');
    const off = '---\nreveal:\n  markdown:\n    smartypants: false\n---\n\n# It\'s "here" -- now...';
    expect(render(off).sectionsHtml).toContain("<h1>It's &quot;here&quot; -- now...</h1>");
  });

  it('makes every list item a fragment when reveal.js’s Markdown options ask for animateLists', () => {
    const html = render('---\nreveal:\n  markdown:\n    animateLists: true\n---\n\n- a\n- b').sectionsHtml;
    expect(html).toContain('<li class="fragment">a</li>\n<li class="fragment">b</li>');
  });
});

describe('front matter that would run code', () => {
  it('refuses reveal.js options that load plugins or scripts, at their place', () => {
    const deck = parse(
      '---\nreveal:\n  dependencies:\n    - src: evil.js\n  transition: fade\nrevealOptions:\n  plugins: [x]\n---\n\n# A',
    );
    expect(brief(deck.diagnostics)).toEqual([
      '3:3 error reveal.js option "dependencies" loads code into the deck; a deck runs no scripts of its own',
      '7:3 error reveal.js option "plugins" loads code into the deck; a deck runs no scripts of its own',
    ]);
    expect(deck.meta.reveal).toEqual({});
  });

  it('refuses any reveal.js option value that names a script', () => {
    expect(brief(parse('---\nreveal:\n  katex:\n    local: lib/katex.min.js\n---\n\n# A').diagnostics)).toEqual([
      '4:12 error reveal.js option value "lib/katex.min.js" names a script; a deck runs no scripts of its own',
    ]);
  });

  it('refuses YAML aliases, so every value is read where it applies', () => {
    const deck = parse('---\nbase: &opts\n  transition: fade\nreveal: *opts\n---\n\n# A');
    expect(brief(deck.diagnostics)).toContainEqual(
      '4:9 error YAML aliases (*name) are not used in front matter; write the value out',
    );
    expect(deck.meta.reveal).toEqual({});
  });
});

describe('ids', () => {
  it('that the toolkit gives its own elements are not the author’s to take', () => {
    expect(brief(parse('<!-- .slide: id="deck-config" -->\n# A').diagnostics)).toEqual([
      '1:14 error slide attribute comment: ids starting with "deck-" are the toolkit\'s own; choose another',
    ]);
    const html = render('# A\n\n<div id="deck-config">x</div>').sectionsHtml;
    expect(html).toContain('<div>x</div>');
  });
});
