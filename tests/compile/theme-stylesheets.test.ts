import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cssFileUrls,
  fontFaceRules,
  offlineRevealTheme,
  REVEAL_THEME_FONTS,
  rewriteCssUrls,
} from '../../src/compile/theme-stylesheets.js';
import { REVEAL_THEMES } from '../../src/render/theme.js';

const revealTheme = (name: string) => readFileSync(`node_modules/reveal.js/dist/theme/${name}.css`, 'utf8');

/** The first family of a font stack a theme sets in a --r-*-font variable. */
const firstFamily = (css: string, variable: string) =>
  new RegExp(`--r-${variable}:\\s*"?([^",;]+)`).exec(css)?.[1]?.trim();

/** Fonts every computer has, or none: the stacks of serif (Palatino) and dracula (the system's). */
const SYSTEM_FONTS = ['Palatino Linotype', '-apple-system'];

describe("reveal.js's themes, offline", () => {
  it.each(REVEAL_THEMES)('%s keeps its rules and loads nothing from the web or from base64', (name) => {
    const original = revealTheme(name);
    const offline = offlineRevealTheme(original);
    expect(offline).not.toMatch(/@import|@font-face|url\(/);
    expect(offline).toMatch(/:root\{[^}]*--r-background-color:/);
    expect(offline).toContain('.reveal h1{');
  });

  it.each(REVEAL_THEMES)('%s gets from npm every web font it names, and no other', (name) => {
    const css = revealTheme(name);
    const named = new Set([firstFamily(css, 'main-font'), firstFamily(css, 'heading-font')]);
    const webFonts = [...named].filter((family) => !SYSTEM_FONTS.includes(family!));
    const given = REVEAL_THEME_FONTS[name].map((font) => font.family);
    expect(given.sort()).toEqual(webFonts.sort());
  });

  it('points every font face at a Latin subset that its npm package has', () => {
    const rules = fontFaceRules(Object.values(REVEAL_THEME_FONTS).flat());
    const urls = cssFileUrls(rules);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) {
      expect(url).toMatch(/^@fontsource\/[\w-]+\/files\/[\w-]+-latin-\d+-(normal|italic)\.woff2$/);
      expect(existsSync(`node_modules/${url}`), url).toBe(true);
    }
  });

  it('writes a face per weight and style, with the family name the theme asks for', () => {
    expect(fontFaceRules([{ family: 'News Cycle', package: 'news-cycle', faces: ['700 normal'] }])).toBe(
      `@font-face {
  font-family: 'News Cycle';
  font-style: normal;
  font-weight: 700;
  font-display: block;
  src: url('@fontsource/news-cycle/files/news-cycle-latin-700-normal.woff2') format('woff2');
}
`,
    );
  });
});

describe('file URLs in stylesheets', () => {
  const css = `a{background:url(./paper.png)} b{background:url("data:image/png;base64,AAAA")}
    c{background:url('https://example.org/x.png')} @font-face{src:url('@fontsource/lato/files/lato-latin-400-normal.woff2')}`;

  it('finds the files a stylesheet refers to, not data or web addresses', () => {
    expect(cssFileUrls(css)).toEqual(['./paper.png', '@fontsource/lato/files/lato-latin-400-normal.woff2']);
  });

  it('rewrites the URLs it is given a new place for and leaves the rest alone', () => {
    const rewritten = rewriteCssUrls(css, (url) =>
      url.startsWith('@fontsource/') ? '../fonts/lato.woff2' : undefined,
    );
    expect(rewritten).toContain("src:url('../fonts/lato.woff2')");
    expect(rewritten).toContain('url(./paper.png)');
    expect(rewritten).toContain("url('https://example.org/x.png')");
  });
});
