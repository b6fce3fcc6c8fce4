// The runtime bundle that every build copies from (made by `npm run compile`, which the test run
// does first): what a deck's folder gets for its theme and highlighting, and nothing else.

import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckRuntimeFiles, type RuntimeBundle, runtimeBundle } from '../../src/compile/runtime-bundle.js';
import { cssFileUrls } from '../../src/compile/theme-stylesheets.js';

let runtime: RuntimeBundle;
beforeAll(async () => {
  runtime = await runtimeBundle();
});

const fonts = (files: string[]) => files.filter((file) => file.startsWith('fonts/')).sort();

describe('the runtime bundle', () => {
  it("gives a default-theme deck the script, deck.css, the theme and the theme's fonts", () => {
    const files = deckRuntimeFiles(runtime, ['theme/default.css']);
    expect(files.slice(0, 3)).toEqual(['deck.js', 'deck.css', 'theme/default.css']);
    expect(fonts(files)).toEqual([
      'fonts/atkinson-hyperlegible-latin-400-italic.woff2',
      'fonts/atkinson-hyperlegible-latin-400-normal.woff2',
      'fonts/atkinson-hyperlegible-latin-700-normal.woff2',
      'fonts/public-sans-latin-700-normal.woff2',
      'fonts/source-serif-4-latin-400-italic.woff2',
    ]);
  });

  it("gives a deck with a reveal.js theme that theme's fonts only, and highlighting only when asked", () => {
    const files = deckRuntimeFiles(runtime, ['theme/black.css', 'theme/highlight/monokai.css']);
    expect(files).toContain('theme/highlight/monokai.css');
    expect(files).not.toContain('theme/default.css');
    expect(fonts(files)).toEqual([
      'fonts/source-sans-pro-latin-400-italic.woff2',
      'fonts/source-sans-pro-latin-400-normal.woff2',
      'fonts/source-sans-pro-latin-600-italic.woff2',
      'fonts/source-sans-pro-latin-600-normal.woff2',
    ]);
    expect(fonts(deckRuntimeFiles(runtime, ['theme/serif.css']))).toEqual([]);
  });

  it('copies the images a highlighting style uses with it', () => {
    expect(deckRuntimeFiles(runtime, ['theme/highlight/brown-paper.css'])).toContain(
      'theme/highlight/brown-papersq.png',
    );
  });

  it('has, for every stylesheet, each file it refers to, and nothing from the web', () => {
    const stylesheets = Object.entries(runtime.stylesheets);
    expect(stylesheets.length).toBeGreaterThan(250);
    for (const [path, files] of stylesheets) {
      const css = readFileSync(join(runtime.dir, path), 'utf8');
      expect(css, path).not.toMatch(/@import|url\(\s*['"]?(?:https?:)?\/\//);
      for (const url of cssFileUrls(css)) expect(files, path).toContain(posix.join(posix.dirname(path), url));
      for (const file of files) expect(existsSync(join(runtime.dir, file)), file).toBe(true);
    }
  });

  it('keeps the script and deck.css free of fonts and of any theme', () => {
    const css = readFileSync(join(runtime.dir, runtime.style), 'utf8');
    expect(css).not.toMatch(/@font-face|--r-main-color:|--deck-font:/);
    expect(css).toContain('.compare-column');
  });

  it('refuses a stylesheet it does not have', () => {
    expect(() => deckRuntimeFiles(runtime, ['theme/nonesuch.css'])).toThrow(/no stylesheet theme\/nonesuch.css/);
  });
});
