// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ALIASES, highlightCode, splitLines } from '../../src/markdown/highlight.js';
import { HIGHLIGHT_THEMES } from '../../src/render/highlight-themes.js';
import { render } from '../helpers.js';

const loadedHighlightJs = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/highlight.js/'));

describe('highlighting', () => {
  // First: the test file runs in a process of its own, so nothing has loaded highlight.js yet.
  it('costs a deck without code nothing: highlight.js is not even loaded', () => {
    render(readFileSync('slides/leadership-vs-management.md', 'utf8'));
    expect(loadedHighlightJs()).toEqual([]);
  });

  it('loads only the languages a deck names', () => {
    highlightCode('print(1)', 'python');
    const loaded = loadedHighlightJs().map((file) => file.replace(/^.*\/highlight\.js\//, ''));
    expect(loaded.sort()).toEqual(['lib/core.js', 'lib/languages/python.js']);
  });

  it('knows each usual alias of a language without loading other languages', () => {
    for (const alias of ALIASES) {
      expect(highlightCode('x', alias).language, alias).toBe(alias);
    }
    expect(loadedHighlightJs().filter((file) => !file.includes('/lib/languages/'))).toEqual([
      expect.stringMatching(/\/lib\/core\.js$/),
    ]);
  });

  it('gives one line of HTML per line of code, each with the spans open across it', () => {
    expect(splitLines('a <span class="c">/* one\ntwo */</span> b\nc')).toEqual([
      'a <span class="c">/* one</span>',
      '<span class="c">two */</span> b',
      'c',
    ]);
    expect(splitLines('<span class="s">`x <span class="v">{y\n}</span>\n`</span>')).toEqual([
      '<span class="s">`x <span class="v">{y</span></span>',
      '<span class="s"><span class="v">}</span></span>',
      '<span class="s">`</span>',
    ]);
  });

  it('keeps every character of the code, as text', () => {
    const code = 'if (a < b && c > "d") {\n\n  return \'&amp; <b>\';\n}';
    for (const language of ['js', 'text']) {
      const { lines } = highlightCode(code, language);
      const shown = lines.map((line) => {
        const element = document.createElement('code');
        element.innerHTML = line;
        return element.textContent;
      });
      expect(shown.join('\n')).toBe(code);
    }
  });
});

describe('highlight.js styles', () => {
  it('lists every style the installed highlight.js ships, by the name highlightTheme takes', () => {
    const styles = 'node_modules/highlight.js/styles';
    const shipped = [
      ...readdirSync(styles).filter((f) => f.endsWith('.min.css')),
      ...readdirSync(`${styles}/base16`)
        .filter((f) => f.endsWith('.min.css'))
        .map((f) => `base16/${f}`),
    ].map((f) => f.slice(0, -'.min.css'.length));
    expect([...HIGHLIGHT_THEMES].sort()).toEqual(shipped.sort());
  });
});
