import { describe, expect, it } from 'vitest';
import { brief, render } from '../helpers.js';

const withHtml = (body: string) => render(`# T\n\n${body}`).sectionsHtml;

describe('raw HTML', () => {
  it('is escaped when the deck says html: false', () => {
    expect(render('---\nhtml: false\n---\n\n# T\n\n<b>x</b> <script>alert(1)</script>').sectionsHtml).toContain(
      '&lt;script&gt;',
    );
  });

  it('passes through by default, sanitized', () => {
    expect(withHtml('<div class="box"><b>bold</b></div>')).toContain('<div class="box"><b>bold</b></div>');
  });

  it('never lets scripts, handlers or script URLs through', () => {
    const html = withHtml(
      [
        '<script>alert(1)</script>',
        '<img src="x.png" onerror="alert(2)">',
        '<a href="javascript:alert(3)">a</a>',
        '<a href="JaVaScRiPt:alert(4)">b</a>',
        '<div data-background-iframe="javascript:alert(5)">c</div>',
        '<iframe src="https://example.org"></iframe>',
        '<svg><script>alert(6)</script></svg>',
        '<a href="data:text/html,<script>alert(7)</script>">d</a>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|data:text/i);
  });

  it('removes nested sections, which reveal.js would take for slides', () => {
    expect(withHtml('<section data-background-iframe="https://x">y</section>')).not.toContain('<section data');
  });

  it('warns at its line about everything the sanitizer takes out', () => {
    const deck = render(
      '# T\n\n<div onclick="go()">x</div>\n\nText <script>alert(1)</script>\n\n<iframe src="a.html"></iframe>',
    );
    expect(brief(deck.diagnostics)).toEqual([
      '3:1 warning raw HTML: the sanitizer removed the onclick attribute of <div>; slides may not run scripts or load from elsewhere',
      '5:6 warning raw HTML: the sanitizer removed <script>; slides may not run scripts or load from elsewhere',
      '7:1 warning raw HTML: the sanitizer removed <iframe>; slides may not run scripts or load from elsewhere',
      '7:14 error a.html is a page, which runs scripts of its own; a deck carries none: link to it on the web, or share it as a .zip',
    ]);
  });

  it('reports what it removes from inline HTML at its own line and column', () => {
    const deck = render('# T\n\ntext\nmore\nand <b onclick="x">b</b>\n\n* item\n  <i onmouseover="y">i</i>');
    expect(brief(deck.diagnostics).map((line) => line.split(' warning ')[0])).toEqual(['5:5', '8:3']);
  });

  it('never lets markup through a style sheet, which <svg> would read as markup', () => {
    const html = withHtml(
      '<div>\n<svg><style>/*<p></p><iframe src="a.png"></iframe>*/</style></svg>\n</div>\n\n<svg><style>a::after { content: "<b>" }</style></svg>',
    );
    expect(html).not.toMatch(/<iframe|<p><\/p>|<b>/);
    expect(html).toContain('<svg><style></style></svg>');
  });

  it('keeps <style>, without @import and without files from the web', () => {
    const deck = render(
      '# T\n\n<style>\n@import url(https://fonts.example/x.css);\n.reveal h1 { color: teal; background: url(https://x.example/a.png); }\n</style>',
    );
    expect(deck.sectionsHtml).toContain('.reveal h1 { color: teal; }');
    expect(deck.sectionsHtml).not.toMatch(/@import|x\.example/);
    expect(brief(deck.diagnostics)).toHaveLength(2);
  });

  it('reads unquoted and srcset URLs of local files as a browser does', () => {
    const deck = render('# T\n\n<img src=img/a.png srcset="img/a.png 1x, img/a@2x.png 2x" alt="A">');
    expect(deck.assets.map((a) => a.source)).toEqual(['img/a.png', 'img/a.png', 'img/a@2x.png']);
    expect(deck.sectionsHtml).toContain(
      '<img src="assets/img/a.png" srcset="assets/img/a.png 1x, assets/img/a@2x.png 2x" alt="A" />',
    );
  });

  it('keeps custom elements, which do nothing without a script, and their attributes, but no handlers', () => {
    const html = withHtml('<pba-flex center onclick="x()">\n\nText\n\n</pba-flex>');
    expect(html).toContain('<pba-flex center>');
    expect(html).not.toContain('onclick');
  });
});

describe('links in raw HTML', () => {
  it('never hand the deck to the page they open', () => {
    const html = render(
      '# T\n\n<a href="https://example.org" target="_blank" rel="opener nofollow">x</a>',
    ).sectionsHtml;
    expect(html).toContain('rel="nofollow noopener"');
    expect(html).not.toContain('opener nofollow');
  });
});

describe('styles in raw HTML', () => {
  it('stay, and are not reported as removed when the sanitizer only respaces them', () => {
    const deck = render('# T\n\n<div style="height: 300px ;  color : teal">x</div>');
    expect(deck.sectionsHtml).toContain('style="height:300px;color:teal"');
    expect(deck.diagnostics).toEqual([]);
  });
});
