import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compile/compile.js';
import { projectAt } from '../../src/platform/paths.js';
import { REVEAL_THEMES } from '../../src/render/theme.js';
import { brief, render } from '../helpers.js';

const CODE = '```js\nlet x = 1;\n```';

describe('front matter theme', () => {
  it('gives a deck the default theme when it names none, or names "default"', () => {
    for (const source of ['# A', '---\ntheme: default\n---\n\n# A']) {
      const deck = render(source);
      expect(deck.toolkitStyles).toEqual(['theme/default.css']);
      expect(deck.styles).toEqual([]);
      expect(deck.assets).toEqual([]);
      expect(deck.diagnostics).toEqual([]);
    }
  });

  it("takes any of reveal.js's themes by name, instead of the default theme", () => {
    expect(render('---\ntheme: black\n---\n\n# A').toolkitStyles).toEqual(['theme/black.css']);
    expect(render('---\ntheme: white-contrast\n---\n\n# A').toolkitStyles).toEqual(['theme/white-contrast.css']);
  });

  it('knows every theme reveal.js ships', () => {
    const shipped = readdirSync('node_modules/reveal.js/dist/theme')
      .filter((name) => name.endsWith('.css'))
      .map((name) => name.slice(0, -'.css'.length));
    expect([...REVEAL_THEMES].sort()).toEqual(shipped.sort());
  });

  it('loads a CSS file next to the deck after the default theme, copied with the deck', () => {
    const deck = render('---\ntitle: T\ntheme: styles/brand.css\n---\n\n# A');
    expect(deck.toolkitStyles).toEqual(['theme/default.css']);
    expect(deck.styles).toEqual(['assets/styles/brand.css']);
    expect(deck.assets).toEqual([
      { source: 'styles/brand.css', output: 'assets/styles/brand.css', line: 3, column: 1 },
    ]);
  });

  it('reports an unknown theme at its line, with the names and the one that was likely meant', () => {
    const [message] = brief(render('---\ntitle: T\ntheme: blak\n---\n\n# A').diagnostics);
    expect(message).toBe(
      `3:1 error unknown theme "blak" (did you mean "black"?); use default, ${REVEAL_THEMES.join(', ')}, or a .css file next to the deck`,
    );
    expect(brief(render('---\ntheme: Solarized\n---\n\n# A').diagnostics)[0]).toMatch(
      /^2:1 error unknown theme "Solarized" \(did you mean "solarized"\?\); use default, beige/,
    );
  });

  it('suggests nothing when no theme is close', () => {
    expect(brief(render('---\ntheme: corporate\n---\n\n# A').diagnostics)[0]).toMatch(
      /^2:1 error unknown theme "corporate"; use default, beige, /,
    );
  });

  it('refuses a stylesheet from the web', () => {
    expect(brief(render('---\ntheme: https://example.org/x.css\n---\n\n# A').diagnostics)).toEqual([
      '2:1 error theme "https://example.org/x.css" is not a file next to the deck; save the stylesheet next to the deck (a built deck loads nothing from the web)',
    ]);
  });
});

describe('front matter highlightTheme', () => {
  it('adds code highlighting only to a deck that has code blocks, and the code face to one that shows any code', () => {
    expect(render('# A\n\nNo code at all.').toolkitStyles).toEqual(['theme/default.css']);
    expect(render('# A\n\nNo code block, only `inline` code.').toolkitStyles).toEqual([
      'theme/default.css',
      'theme/default-code.css',
    ]);
    expect(render(`# A\n\n${CODE}`).toolkitStyles).toEqual([
      'theme/default.css',
      'theme/default-code.css',
      'theme/highlight/a11y-light.css',
    ]);
    expect(render(`# A\n\n    indented code`).toolkitStyles).toContain('theme/highlight/a11y-light.css');
  });

  it("defaults to a dark style under reveal.js's themes, as reveal.js shows code", () => {
    expect(render(`---\ntheme: moon\n---\n\n${CODE}`).toolkitStyles).toEqual([
      'theme/moon.css',
      'theme/highlight/a11y-dark.css',
    ]);
  });

  it('takes any highlight.js style by name', () => {
    const styles = (name: string) => render(`---\nhighlightTheme: ${name}\n---\n\n${CODE}`).toolkitStyles;
    expect(styles('atom-one-dark')).toEqual([
      'theme/default.css',
      'theme/default-code.css',
      'theme/highlight/atom-one-dark.css',
    ]);
    expect(styles('base16/dracula')).toContain('theme/highlight/base16/dracula.css');
  });

  it('finds the styles highlight.js 11 moved to base16/ by their old names, as reveal-md decks write them', () => {
    expect(render(`---\nhighlightTheme: zenburn\n---\n\n${CODE}`).toolkitStyles).toContain(
      'theme/highlight/base16/zenburn.css',
    );
  });

  it('reports an unknown name at its line, with the one likely meant', () => {
    expect(brief(render(`---\ntitle: T\nhighlightTheme: monokia\n---\n\n${CODE}`).diagnostics)).toEqual([
      '3:1 error unknown highlightTheme "monokia" (did you mean "monokai"?); use the name of a highlight.js style, such as monokai, github, atom-one-dark or zenburn',
    ]);
    expect(brief(render('---\nhighlightTheme: zenbrun\n---\n\n# A').diagnostics)[0]).toMatch(
      /^2:1 error unknown highlightTheme "zenbrun" \(did you mean "zenburn"\?\)/,
    );
  });
});

describe('front matter css', () => {
  it('loads one stylesheet or a list of them after the theme, in order, copied like images', () => {
    const one = render('---\ntheme: black\ncss: custom.css\n---\n\n# A');
    expect(one.toolkitStyles).toEqual(['theme/black.css']);
    expect(one.styles).toEqual(['assets/custom.css']);
    const list = render('---\ntheme: brand.css\ncss:\n  - a.css\n  - more/b.css\n---\n\n# A');
    expect(list.styles).toEqual(['assets/brand.css', 'assets/a.css', 'assets/more/b.css']);
    expect(list.assets.map((a) => [a.source, a.line])).toEqual([
      ['brand.css', 2],
      ['a.css', 3],
      ['more/b.css', 3],
    ]);
  });

  it('refuses a stylesheet from the web', () => {
    expect(brief(render('---\ncss: [ok.css, "//cdn.example.org/x.css"]\n---\n\n# A').diagnostics)).toEqual([
      '2:1 error css "//cdn.example.org/x.css" is not a file next to the deck; save the stylesheet next to the deck (a built deck loads nothing from the web)',
    ]);
  });

  it('reports a stylesheet that does not exist at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-css-'));
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles/here.css'), '.reveal h1 { color: red; }');
    writeFileSync(join(dir, 'talk.md'), '---\ntitle: T\ncss:\n  - styles/here.css\n  - styles/gone.css\n---\n\n# A');
    const result = await compileDecks([join(dir, 'talk.md')], projectAt(dir));
    expect(brief(result.diagnostics)).toEqual(['3:1 error file not found: styles/gone.css (looked in .)']);
  });
});

describe('the canvas under a reveal.js theme', () => {
  it('is reveal.js’s own, 960x700 and centred, unless the deck says otherwise', () => {
    expect(render('---\ntheme: black\n---\n\n# A').revealConfig).toMatchObject({
      width: 960,
      height: 700,
      center: true,
    });
    expect(render('---\ntheme: black\nreveal:\n  width: 1280\n---\n\n# A').revealConfig).toMatchObject({ width: 1280 });
    expect(render('# A').revealConfig).toMatchObject({ width: 1280, height: 720, center: false });
  });
});
