import { describe, expect, it } from 'vitest';
import { assetOutputPath } from '../../src/markdown/assets.js';
import { render } from '../helpers.js';

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
