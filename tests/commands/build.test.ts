import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/commands/build.js';
import { DeckError } from '../../src/errors.js';
import { projectAt } from '../../src/platform/paths.js';
import { brief, fileTree, REPO } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-build-'));
});

function write(path: string, content: string | Buffer): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

const DECK =
  '---\ntitle: Small deck\nduration: 5\n---\n\n# Hello\n\n![Logo](img/logo.svg)\n\nNote: Say hello.\n\n---\n\n## Next\n\n[Worksheet](files/sheet.txt)\n';

describe('static build', () => {
  it('writes each deck with its runtime, assets and public files, and an index page', async () => {
    const deck = write('talk.md', DECK);
    write('img/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    write('files/sheet.txt', 'worksheet');
    write('public/handout.txt', 'public file');
    write('public/.gitkeep', '');
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir) });
    expect(result.diagnostics).toEqual([]);
    const files = Object.keys(fileTree(join(dir, 'out'))).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        '.deck-build',
        'index.html',
        'talk/index.html',
        'talk/deck.js',
        'talk/deck.css',
        'talk/assets/img/logo.svg',
        'talk/assets/files/sheet.txt',
        'talk/handout.txt',
      ]),
    );
    expect(files).not.toContain('talk/.gitkeep');
    expect(files.filter((f) => f.startsWith('talk/fonts/') && f.endsWith('.woff2')).length).toBeGreaterThan(0);
    const index = readFileSync(join(dir, 'out/index.html'), 'utf8');
    expect(index).toContain('<a href="talk/index.html">Small deck</a>');
    expect(index).toContain('2 slides · 5 min');
    const page = readFileSync(join(dir, 'out/talk/index.html'), 'utf8');
    expect(page).toContain('<script src="deck.js"></script>');
    // Only its own files: scripts from its folder plus the speaker view's inline script, by hash.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
    expect(csp).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;/,
    );
    expect(csp).toContain("object-src 'none'");
    expect(page).not.toMatch(/type="module"|crossorigin|https?:\/\//);
  });

  it("links a deck's own theme file after the default theme", async () => {
    const deck = write('talk.md', '---\ntheme: brand.css\n---\n\n# Hello');
    write('brand.css', '.reveal h1 { color: #123456; }');
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: REPO });
    expect(result.diagnostics).toEqual([]);
    const page = readFileSync(join(dir, 'out/talk/index.html'), 'utf8');
    expect(page).toContain(
      '<link rel="stylesheet" href="deck.css">\n<link rel="stylesheet" href="theme/default.css">\n<link rel="stylesheet" href="assets/brand.css">',
    );
    expect(readFileSync(join(dir, 'out/talk/assets/brand.css'), 'utf8')).toContain('#123456');
  });

  it('copies a reveal.js theme with its own fonts only, and code highlighting only for a deck with code', async () => {
    const deck = write('talk.md', '---\ntheme: black\ncss: extra.css\n---\n\n# Hello\n\n```js\nlet x = 1;\n```');
    write('plain.md', '---\ntheme: black\n---\n\n# No code');
    write('extra.css', '.reveal h1 { color: #123456; }');
    const result = await buildDecks([deck, join(dir, 'plain.md')], {
      outDir: join(dir, 'out'),
      project: projectAt(dir),
    });
    expect(result.diagnostics).toEqual([]);
    const files = Object.keys(fileTree(join(dir, 'out')));
    const page = readFileSync(join(dir, 'out/talk/index.html'), 'utf8');
    expect(page.match(/<link rel="stylesheet" href="[^"]+">/g)).toEqual([
      '<link rel="stylesheet" href="deck.css">',
      '<link rel="stylesheet" href="theme/black.css">',
      '<link rel="stylesheet" href="theme/highlight/a11y-dark.css">',
      '<link rel="stylesheet" href="assets/extra.css">',
    ]);
    expect(files.filter((f) => f.startsWith('talk/') && /\.(css|woff2)$/.test(f)).sort()).toEqual([
      'talk/assets/extra.css',
      'talk/deck.css',
      'talk/fonts/source-sans-pro-latin-400-italic.woff2',
      'talk/fonts/source-sans-pro-latin-400-normal.woff2',
      'talk/fonts/source-sans-pro-latin-600-italic.woff2',
      'talk/fonts/source-sans-pro-latin-600-normal.woff2',
      'talk/theme/black.css',
      'talk/theme/highlight/a11y-dark.css',
    ]);
    expect(files.filter((f) => f.startsWith('plain/theme/'))).toEqual(['plain/theme/black.css']);
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const deck = write('talk.md', DECK);
    write('img/logo.svg', '<svg/>');
    write('files/sheet.txt', 'x');
    await buildDecks([deck], { outDir: join(dir, 'a'), project: REPO });
    await buildDecks([deck], { outDir: join(dir, 'b'), project: REPO });
    expect(fileTree(join(dir, 'a'))).toEqual(fileTree(join(dir, 'b')));
  });

  it('reports a missing image at its line and writes nothing', async () => {
    const deck = write('talk.md', DECK);
    write('files/sheet.txt', 'x');
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: REPO });
    expect(brief(result.diagnostics)).toEqual([`8:9 error file not found: img/logo.svg (looked in ${dir})`]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('leaves the previous output untouched when a build fails', async () => {
    const deck = write('talk.md', DECK);
    write('img/logo.svg', '<svg/>');
    write('files/sheet.txt', 'x');
    await buildDecks([deck], { outDir: join(dir, 'out'), project: REPO });
    const before = fileTree(join(dir, 'out'));
    write('talk.md', `${DECK}\n---\n\n<!-- .slide: onclick="x()" -->\n# Broken`);
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: REPO });
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(fileTree(join(dir, 'out'))).toEqual(before);
  });

  it('replaces the previous output whole on success', async () => {
    const deck = write('talk.md', '# One');
    await buildDecks([deck], { outDir: join(dir, 'out'), project: REPO });
    write('old.md', '# Old');
    await buildDecks([join(dir, 'old.md')], { outDir: join(dir, 'out'), project: REPO });
    expect(existsSync(join(dir, 'out/talk'))).toBe(false);
    expect(existsSync(join(dir, 'out/old/index.html'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-') || name.includes('.old-'))).toEqual([]);
  });

  it('refuses an output path that is a file, and leaves the file alone', async () => {
    const deck = write('talk.md', '# One');
    write('notes.txt', 'keep me');
    await expect(buildDecks([deck], { outDir: join(dir, 'notes.txt'), project: REPO })).rejects.toThrow(
      /is a file, not a folder/,
    );
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('reports files from outside the project, and two files that would land in one place', async () => {
    const deck = write(
      'slides/talk.md',
      '# T\n\n![x](../../../../../../etc/hostname)\n\n![a](_up/a.png) ![b](../a.png)',
    );
    write('slides/_up/a.png', 'a');
    write('a.png', 'b');
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir) });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '3:6 ../../../../../../etc/hostname is outside the project folder; copy it next to the deck',
      '5:22 ../a.png and slides/_up/a.png would both be copied to assets/_up/a.png; rename one',
    ]);
  });

  it('refuses an output folder that holds the sources or was not made by a build', async () => {
    const deck = write('slides/talk.md', '# One');
    await expect(buildDecks([deck], { outDir: join(dir, 'slides'), project: REPO })).rejects.toThrow(DeckError);
    await expect(buildDecks([deck], { outDir: join(dir, 'slides'), project: REPO })).rejects.toThrow(/would replace/);
    write('docs/keep.txt', 'precious');
    await expect(buildDecks([deck], { outDir: join(dir, 'docs'), project: REPO })).rejects.toThrow(
      /was not made by deck build/,
    );
    expect(readFileSync(join(dir, 'docs/keep.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(deck, 'utf8')).toBe('# One');
  });
});
