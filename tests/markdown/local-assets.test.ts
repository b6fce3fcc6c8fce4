import { describe, expect, it } from 'vitest';
import { assetOutputPath } from '../../src/markdown/assets.js';
import { brief, render } from '../helpers.js';

describe('local files', () => {
  it('records images next to the deck and rewrites their URL', () => {
    const deck = render('# T\n\n![Team](img/team.png)\n\n![Logo](../shared/logo.svg)');
    expect(deck.assets).toEqual([
      { source: 'img/team.png', output: 'assets/img/team.png', line: 3, column: 9 },
      { source: '../shared/logo.svg', output: 'assets/_up/shared/logo.svg', line: 5, column: 9 },
    ]);
    expect(deck.sectionsHtml).toContain('<img src="assets/img/team.png" alt="Team">');
  });

  it('records images with spaces when written in angle brackets', () => {
    const deck = render('# T\n\n![Team](<img/team photo.png>)');
    expect(deck.assets).toEqual([
      { source: 'img/team photo.png', output: 'assets/img/team photo.png', line: 3, column: 10 },
    ]);
    expect(deck.sectionsHtml).toContain('src="assets/img/team%20photo.png"');
  });

  it('records links to files but not to pages, anchors or the web', () => {
    const deck = render(
      '# T\n\n[sheet](files/sheet.pdf) [next](#/2) [web](https://example.org/a.pdf) [page](other.html)',
    );
    expect(deck.assets.map((a) => a.source)).toEqual(['files/sheet.pdf']);
  });

  it('records background images from slide attributes', () => {
    const deck = render('<!-- .slide: data-background-image="bg/room.jpg" -->\n# T');
    expect(deck.assets.map((a) => [a.source, a.line])).toEqual([['bg/room.jpg', 1]]);
    expect(deck.sectionsHtml).toContain('data-background-image="assets/bg/room.jpg"');
  });

  it('keeps every output path inside the deck folder', () => {
    expect(assetOutputPath('./a/../b.png')).toBe('assets/b.png');
    expect(assetOutputPath('../../x/y.png')).toBe('assets/_up/_up/x/y.png');
    expect(assetOutputPath('a/b.png?v=2#frag')).toBe('assets/a/b.png');
  });
});

describe('where a local file is reported', () => {
  it('finds a path written with percent-encoding', () => {
    const deck = render('# T\n\n![x](my%20pic.png)');
    expect(deck.assets).toEqual([{ source: 'my pic.png', output: 'assets/my pic.png', line: 3, column: 6 }]);
  });
});

describe('URLs that reach past the deck', () => {
  it('are errors at their place: file: URLs and protocol-relative ones', () => {
    const deck = render(
      '# T\n\n![a](//fileserver/share/a.png)\n\n<img src="file:///etc/passwd" alt="x">\n\n<!-- .slide: data-background-image="file:///home/me/bg.png" -->',
    );
    expect(brief(deck.diagnostics.filter((d) => d.severity === 'error'))).toEqual([
      '3:6 error //fileserver/share/a.png has no scheme (//host/…): opened from the disk it can reach a network share; write https://… or save the file next to the deck',
      "5:11 error file:///etc/passwd is a file: URL, which points at this computer's disk; write the path relative to the deck",
      "7:14 error data-background-image file:///home/me/bg.png is a file: URL, which points at this computer's disk; write the path relative to the deck",
    ]);
  });

  it('are refused for frames of local pages, which would run their own scripts', () => {
    const deck = render('<!-- .slide: data-background-iframe="demo/page.svg" -->\n# T');
    expect(brief(deck.diagnostics)).toEqual([
      '1:14 error data-background-iframe demo/page.svg: a local page in a frame runs scripts of its own; show it as an image or link to it',
    ]);
    expect(deck.assets).toEqual([]);
  });

  it('are errors in styles and in reveal.js’s data-background shorthand, which are not files to copy', () => {
    const deck = render(
      [
        '<!-- .slide: data-background="file:///etc/bg.png" data-background-gradient="url(//evil/x)" -->',
        '# T',
        '',
        '<div style="background:url(file:///etc/p.png)">x</div>',
        '',
        'text <!-- .element: style="background: url(\'//host/y.png\')" -->',
      ].join('\n'),
    );
    expect(brief(deck.diagnostics).map((line) => line.split(' error ')[0])).toEqual(['1:14', '1:51', '4:28', '6:45']);
    expect(deck.assets).toEqual([]);
  });

  it('copies local files named in styles and in data-background, and leaves colours alone', () => {
    const deck = render(
      '<!-- .slide: data-background="img/bg.jpg" -->\n# T\n\n<div style="background: url(\'img/a.png\')">x</div>\n\n---\n\n<!-- .slide: data-background="#ff0000" -->\nred',
    );
    expect(deck.assets.map((a) => `${a.source} ${a.line}:${a.column}`)).toEqual(['img/a.png 4:30', 'img/bg.jpg 1:14']);
    expect(deck.sectionsHtml).toContain('data-background="assets/img/bg.jpg"');
    expect(deck.sectionsHtml).toContain("url('assets/img/a.png')");
    expect(deck.sectionsHtml).toContain('data-background="#ff0000"');
  });

  it('refuse pages, which run scripts of their own, and SVG files except as images', () => {
    const deck = render(
      '# T\n\n[a](demo.xhtml) [b](drawing.svg) ![c](drawing.svg)\n\n<video data-src="clip.html"></video>\n\n<a href="notes.xml">n</a>',
    );
    expect(brief(deck.diagnostics)).toEqual([
      '3:5 error demo.xhtml is a page, which runs scripts of its own; a deck carries none: link to it on the web, or share it as a .zip',
      '3:21 error drawing.svg is an SVG file, which runs scripts of its own when opened as a page; show it as an image (![](file.svg))',
      '5:18 error clip.html is a page, which runs scripts of its own; a deck carries none: link to it on the web, or share it as a .zip',
      '7:10 error notes.xml is a page, which runs scripts of its own; a deck carries none: link to it on the web, or share it as a .zip',
    ]);
    expect(deck.assets.map((a) => `${a.source} ${a.line}:${a.column}`)).toEqual(['drawing.svg 3:39']);
  });

  it('resolve a root-absolute path against the deck’s folder', () => {
    const deck = render('# T\n\n![Logo](/img/logo.png)');
    expect(deck.assets).toEqual([{ source: 'img/logo.png', output: 'assets/img/logo.png', line: 3, column: 9 }]);
    expect(deck.sectionsHtml).toContain('<img src="assets/img/logo.png" alt="Logo">');
  });
});

describe('Windows paths', () => {
  it('name the same file as with forward slashes, as a browser reads them, in Markdown and raw HTML', () => {
    const deck = render(
      '# T\n\n![a](.\\img\\a.png)\n\n<img src="img\\b.png">\n\n<!-- .slide: data-background-image=".\\img\\c.png" -->\n',
    );
    expect(deck.assets).toEqual([
      { source: './img/a.png', output: 'assets/img/a.png', line: 3, column: 6 },
      { source: 'img/b.png', output: 'assets/img/b.png', line: 5, column: 11 },
      { source: './img/c.png', output: 'assets/img/c.png', line: 7, column: 14 },
    ]);
    expect(deck.sectionsHtml).toContain('<img src="assets/img/a.png" alt="a" />');
    expect(deck.sectionsHtml).toContain('<img src="assets/img/b.png" />');
    expect(deck.diagnostics).toEqual([]);
  });

  it('reach a network share with two backslashes in raw HTML, which is an error', () => {
    expect(brief(render('# T\n\n<img src="\\\\host\\share\\a.png">\n').diagnostics)).toEqual([
      '3:1 warning raw HTML: the sanitizer removed the src attribute of <img>; slides may not run scripts or load from elsewhere',
      '3:11 error \\\\host\\share\\a.png has no scheme (//host/…): opened from the disk it can reach a network share; write https://… or save the file next to the deck',
    ]);
  });

  it('leave web addresses as they are', () => {
    expect(render('# T\n\n[w](https://example.org/a\\b.pdf)').sectionsHtml).toContain(
      'href="https://example.org/a%5Cb.pdf"',
    );
  });
});

describe('file names with # or ?', () => {
  it('are found when written percent-encoded, and stay one file in the output', () => {
    const deck = render('# T\n\n![a](img/a%23b%3F.png)');
    expect(deck.assets.map((a) => [a.source, a.output])).toEqual([['img/a#b?.png', 'assets/img/a#b?.png']]);
    expect(deck.sectionsHtml).toContain('src="assets/img/a%23b%3F.png"');
  });
});
