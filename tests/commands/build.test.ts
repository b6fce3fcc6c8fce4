import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/commands/build.js';
import { deckRuntimeFiles, runtimeBundle } from '../../src/compile/runtime-bundle.js';
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
        'talk/.deck.json',
        'talk/deck.js',
        'talk/deck.css',
        'talk/assets/img/logo.svg',
        'talk/assets/files/sheet.txt',
        'talk/handout.txt',
      ]),
    );
    expect(files).not.toContain('talk/.gitkeep');
    // The runtime (reveal.js, the deck's theme and its fonts) comes unchanged from its bundle: only
    // the files this deck's theme uses, the default theme's four fonts among them.
    const runtime = await runtimeBundle();
    const tree = fileTree(join(dir, 'out/talk'));
    const used = deckRuntimeFiles(runtime, result.decks[0]!.rendered.toolkitStyles);
    for (const file of used) expect(tree[file], file).toBe(fileTree(runtime.dir)[file]);
    // The default theme's four faces, and the plain zero its bold type takes from Public Sans.
    expect(Object.keys(tree).filter((file) => file.startsWith('fonts/') && file.endsWith('.woff2'))).toHaveLength(5);
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

  it('builds every variant of a deck into <deck>-<variant>/, or the one asked for, with included parts and their pictures', async () => {
    const course = resolve('tests/fixtures/courses/variants.md');
    const all = await buildDecks([course], { outDir: join(dir, 'out'), project: REPO });
    expect(all.diagnostics).toEqual([]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      '.deck-build',
      'index.html',
      'variants-full',
      'variants-short',
    ]);
    expect(readFileSync(join(dir, 'out/variants-short/index.html'), 'utf8')).toContain(
      '<title>Giving feedback in twenty minutes</title>',
    );
    const one = await buildDecks([course], { outDir: join(dir, 'one'), project: REPO, variant: 'full' });
    expect(one.decks.map((deck) => deck.name)).toEqual(['variants-full']);
    expect(readdirSync(join(dir, 'one'))).not.toContain('variants-short');

    const parts = await buildDecks([resolve('tests/fixtures/courses/course.md')], {
      outDir: join(dir, 'parts'),
      project: REPO,
    });
    expect(existsSync(join(dir, 'parts/course/assets/parts/img/pic.png'))).toBe(true);
    expect(parts.indexed.map((deck) => deck.name)).toEqual(['course']);
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

  it("copies the files the deck's own stylesheet loads, beside the stylesheet's copy", async () => {
    const deck = write('talk.md', '---\ncss: styles/brand.css\n---\n\n# Hello');
    write(
      'styles/brand.css',
      ".reveal { background: url('../img/paper.png'); }\n@font-face { src: url(fonts/brand.woff2); }",
    );
    write('img/paper.png', 'png');
    write('styles/fonts/brand.woff2', 'woff2');
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir) });
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(join(dir, 'out/talk/assets/img/paper.png'), 'utf8')).toBe('png');
    expect(readFileSync(join(dir, 'out/talk/assets/styles/fonts/brand.woff2'), 'utf8')).toBe('woff2');
  });

  it("reports a file the deck's own stylesheet loads that is missing, or that its copy could not reach", async () => {
    write('talks/talk.md', '---\ntitle: T\ncss: [brand.css, ../shared/outside.css]\n---\n\n# Hello');
    write('talks/brand.css', '.reveal { background: url(missing.png); }');
    write('shared/outside.css', '.reveal { background: url(../../paper.png); }');
    write('paper.png', 'png');
    const result = await buildDecks([join(dir, 'talks/talk.md')], {
      outDir: join(dir, 'out'),
      project: projectAt(dir),
    });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      "3:1 error: ../shared/outside.css loads ../../paper.png, which a built deck cannot reach from the stylesheet's copy; keep the stylesheet and the files it loads in the deck's folder",
      '3:1 error: file not found: missing.png (looked in talks)',
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('gives the default theme its code face only in a deck that shows code, in a block or a line', async () => {
    const build = async (name: string, body: string) => {
      const deck = write(`${name}.md`, `# ${name}\n\n${body}`);
      await buildDecks([deck], { outDir: join(dir, name), project: projectAt(dir) });
      const page = readFileSync(join(dir, name, name, 'index.html'), 'utf8');
      return { page, fonts: readdirSync(join(dir, name, name, 'fonts')) };
    };
    const plain = await build('plain', 'Just words.');
    expect(plain.page).not.toContain('default-code.css');
    expect(plain.fonts.filter((font) => font.includes('mono'))).toEqual([]);
    for (const [name, body] of [
      ['inline', 'Type `npm test` first.'],
      ['block', '```js\nlet x = 10;\n```'],
    ]) {
      const shown = await build(name!, body!);
      expect(shown.page, name).toContain('<link rel="stylesheet" href="theme/default-code.css">');
      expect(shown.fonts, name).toContain('atkinson-hyperlegible-mono-latin-400-normal.woff2');
    }
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

  it("replaces a deck's folder whole, and only the folders of the decks it builds", async () => {
    const out = join(dir, 'out');
    const talk = write('talk.md', '# One\n\n![Logo](logo.svg)');
    write('logo.svg', '<svg/>');
    const other = write('other.md', '# Other');
    await buildDecks([talk, other], { outDir: out, project: projectAt(dir) });
    const otherBefore = fileTree(join(out, 'other'));
    write('talk.md', '---\ntitle: Talk, revised\n---\n\n# One');
    const result = await buildDecks([talk], { outDir: out, project: projectAt(dir) });
    expect(result.decks.map((deck) => deck.name)).toEqual(['talk']);
    expect(result.indexed.map((deck) => [deck.name, deck.title])).toEqual([
      ['other', 'Other'],
      ['talk', 'Talk, revised'],
    ]);
    // The image the new version no longer uses is gone: the folder was replaced, not updated.
    expect(existsSync(join(out, 'talk/assets/logo.svg'))).toBe(false);
    expect(fileTree(join(out, 'other'))).toEqual(otherBefore);
    expect(readdirSync(out).sort()).toEqual(['.deck-build', 'index.html', 'other', 'talk']);
  });

  it('writes the same output, deck by deck or all at once', async () => {
    const decks = ['b.md', 'a.md', 'c.md'].map((name) => write(name, `---\ntitle: Deck ${name}\n---\n\n# ${name}`));
    await buildDecks(decks, { outDir: join(dir, 'together'), project: REPO });
    for (const deck of decks) await buildDecks([deck], { outDir: join(dir, 'apart'), project: REPO });
    expect(fileTree(join(dir, 'apart'))).toEqual(fileTree(join(dir, 'together')));
  });

  it('lists in the index only the folders that carry a deck summary', async () => {
    const out = join(dir, 'out');
    await buildDecks([write('talk.md', '# Talk')], { outDir: out, project: REPO });
    write('out/notes/readme.txt', 'not a deck');
    write('out/broken/.deck.json', '{"title": 3}');
    write('out/garbled/.deck.json', '{ not json');
    const result = await buildDecks([write('next.md', '# Next')], { outDir: out, project: REPO });
    expect(result.indexed.map((deck) => deck.name)).toEqual(['next', 'talk']);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index.match(/<a href="[^"]+">/g)).toEqual(['<a href="next/index.html">', '<a href="talk/index.html">']);
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

  it('checks the output folder before compiling anything', async () => {
    const broken = write('slides/talk.md', '# One\n\n![x](missing.png)');
    write('notes.txt', 'keep me');
    await expect(buildDecks([broken], { outDir: join(dir, 'notes.txt'), project: REPO })).rejects.toThrow(
      /is a file, not a folder/,
    );
    await expect(buildDecks([broken], { outDir: join(dir, 'notes.txt/out'), project: REPO })).rejects.toThrow(
      /notes\.txt is a file, not a folder/,
    );
  });

  it('refuses an output folder inside public/, which every deck gets a copy of', async () => {
    const deck = write('talk.md', '# One');
    write('public/handout.txt', 'for everyone');
    await expect(buildDecks([deck], { outDir: join(dir, 'public/out'), project: projectAt(dir) })).rejects.toThrow(
      '--out public/out is inside public, which every deck gets a copy of; choose a folder outside it',
    );
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

describe('thumbnails on the index page', () => {
  it("takes each deck's first slide once, and again only when something it shows may have changed", async () => {
    const deck = write('talk.md', DECK);
    write('img/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    write('files/sheet.txt', 'worksheet');
    const build = () => buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir), thumbnails: true });
    expect((await build()).thumbnails).toEqual({ made: 1, reused: 0 });
    const png = readFileSync(join(dir, 'out/talk/thumbnail.png'));
    // 480 x 270: the 1280 x 720 canvas, scaled.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([480, 270]);
    expect((await build()).thumbnails).toEqual({ made: 0, reused: 1 });
    expect(readFileSync(join(dir, 'out/talk/thumbnail.png'))).toEqual(png);
    write('img/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await build()).thumbnails).toEqual({ made: 1, reused: 0 });
    write('talk.md', DECK.replace('# Hello', '# Hello again'));
    expect((await build()).thumbnails).toEqual({ made: 1, reused: 0 });
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('src="talk/thumbnail.png"');
  });
});

describe('deck build --single-file', () => {
  it('writes one HTML file per deck, with its pictures, links and stylesheets inside, and nothing else', async () => {
    const deck = write(
      'talk.md',
      `---\ntitle: Small deck\ncss: brand.css\n---\n\n# Hello\n\n![Logo](img/logo.svg)\n\n[Worksheet](files/sheet.txt#page=2)\n\n<video src="clip.mp4" poster="img/logo.svg"></video>`,
    );
    write('img/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    write('files/sheet.txt', 'worksheet');
    write('clip.mp4', 'video');
    write('brand.css', '.reveal h1 { color: #123456; background: url(img/logo.svg); }');
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir), singleFile: true });
    expect(result.diagnostics).toEqual([]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.deck-build', 'talk.html']);
    const html = readFileSync(join(dir, 'out/talk.html'), 'utf8');
    expect(result.singleFiles).toEqual([
      { name: 'talk', file: join(dir, 'out/talk.html'), size: Buffer.byteLength(html) },
    ]);
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;
    expect(html).toContain(`<img src="${svg}" alt="Logo" />`);
    expect(html).toContain(
      `<a href="data:text/plain;base64,${Buffer.from('worksheet').toString('base64')}#page=2" download="sheet.txt">Worksheet</a>`,
    );
    expect(html).toContain(`src="data:video/mp4;base64,${Buffer.from('video').toString('base64')}"`);
    expect(html).toContain(`poster="${svg}"`);
    expect(html).toContain(`#123456; background: url(${svg}); }`);
    // The theme's fonts, and no file the page would have to fetch.
    expect(html).toMatch(/url\(['"]?data:font\/woff2;base64,/);
    const urls = DomUtils.findAll(() => true, parseDocument(html).children).flatMap((element) =>
      ['src', 'href', 'poster'].flatMap((name) => element.attribs[name] ?? []),
    );
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith('data:'))).toEqual([]);
  });

  it('leaves out a file over the limit, with a warning that names it and its size', async () => {
    const deck = write('talk.md', '# Hello\n\n[Recording](big.zip)');
    write('big.zip', Buffer.alloc(6 * 1024 * 1024));
    const result = await buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir), singleFile: true });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      'talk.md:3:13 warning: big.zip is 6.0 MB, too large to go inside the single file (at most 5.0 MB); send it beside the HTML file, in the same folder layout',
    ]);
    expect(readFileSync(join(dir, 'out/talk.html'), 'utf8')).toContain('<a href="assets/big.zip">Recording</a>');
  });

  it('keeps a script or style end tag inside the runtime or a stylesheet from ending its element', async () => {
    const deck = write('talk.md', '---\ncss: tricky.css\n---\n\n# Hello');
    write('tricky.css', '.reveal h1::after { content: "</style><script>alert(1)</script>"; }');
    await buildDecks([deck], { outDir: join(dir, 'out'), project: projectAt(dir), singleFile: true });
    const html = readFileSync(join(dir, 'out/talk.html'), 'utf8');
    const page = parseDocument(html);
    const styles = DomUtils.getElementsByTagName('style', page);
    expect(styles.filter((style) => DomUtils.textContent(style).includes('alert(1)'))).toHaveLength(1);
    expect(DomUtils.getElementsByTagName('script', page).map((script) => script.attribs.type ?? 'runtime')).toEqual([
      'application/json',
      'runtime',
    ]);
  });
});

describe('a first build stopped halfway', () => {
  it.each([150, 400, 700])('after %i ms leaves no output folder, or the whole one', async (delay) => {
    const slides = Array.from({ length: 1500 }, (_, i) => `## Slide ${i}\n\n- ${'A point worth making. '.repeat(20)}`);
    const deck = write('talk.md', slides.join('\n\n---\n\n'));
    await buildDecks([deck], { outDir: join(dir, 'whole'), project: REPO });
    const whole = fileTree(join(dir, 'whole'));
    const out = join(dir, 'site/out');
    rmSync(join(dir, 'site'), { recursive: true, force: true });
    const child = spawn(process.execPath, [resolve('bin/deck.js'), 'build', deck, '--out', out], {
      cwd: dir,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise((done) => setTimeout(done, delay));
    child.kill('SIGINT');
    const code = await exited;
    // What matters is what is left, not how the process ended: a stop that lands as it exits after
    // a finished build ends it by the signal itself, with the whole output in place.
    if (existsSync(out)) expect(fileTree(out), `exit code ${code}`).toEqual(whole);
    else expect(code, 'a build that finished leaves its output').not.toBe(0);
  });
});
