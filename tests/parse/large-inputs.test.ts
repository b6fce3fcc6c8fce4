// Pathological decks read in time proportional to their size: each case would take many seconds
// if any step were quadratic (measured: 40,000 comments took 6 s before, 0.5 s now).

import { describe, expect, it } from 'vitest';
import { brief, cpu, render, sectionHtml } from '../helpers.js';

describe('large and hostile inputs', () => {
  it('40,000 element comments in one paragraph', () => {
    const source = `# T\n\nText ${'<!-- .element: class="a" --> '.repeat(40_000)}\n`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain('<p class="a a a');
  });

  it('20,000 headings in a front matter that is never closed', () => {
    const source = `---\ntitle: x\n\n${Array.from({ length: 20_000 }, (_, i) => `# Heading ${i}\n`).join('\n')}`;
    let diagnostics: string[] = [];
    expect(cpu(() => (diagnostics = brief(render(source).diagnostics)))).toBeLessThan(5_000);
    expect(diagnostics[0]).toBe(
      '1:1 error front matter is not closed: add a line "---" before line 4, which looks like slide content',
    );
  });

  it('a line of 100,000 backticks, quoted in a message of readable length', () => {
    const diagnostics = render(`# T\n\n${'`'.repeat(100_000)}\ncode\n`).diagnostics;
    expect(diagnostics.map((d) => d.message)).toEqual([
      `code block is not closed: add a line "${'`'.repeat(10)}… (100000 characters)" after it`,
    ]);
  });

  it('40,000 attributes in one slide comment', () => {
    const source = `<!-- .slide: ${Array.from({ length: 40_000 }, (_, i) => `data-a${i}="${i}"`).join(' ')} -->\n# T`;
    let section = '';
    expect(cpu(() => (section = sectionHtml(render(source), 0)))).toBeLessThan(5_000);
    expect(section.match(/ data-a\d+="\d+"/g)).toHaveLength(40_000);
  });

  it('40,000 comments left open in quotes, closed at the very end', () => {
    const source = `# T\n\n${'> <!-- x\n\n'.repeat(40_000)}-->\n`;
    let deck = render('');
    expect(cpu(() => (deck = render(source)))).toBeLessThan(5_000);
    expect(deck.sectionsHtml).toContain('<h1>T</h1>\n<blockquote>\n</blockquote>');
    expect(deck.diagnostics).toEqual([]);
  });

  it('40,000 lines of a paragraph opening comments, closed once with text after it', () => {
    const source = `---\nhtml: false\n---\n# T\n\nText\n${'<!-- a\n'.repeat(40_000)}--> after\n`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain('<p>Text\n after</p>');
  });

  it('a line of 40,000 comments that are never closed', () => {
    const source = `# T\n\n${'a <!-- '.repeat(40_000)}\n`;
    let diagnostics: string[] = [];
    expect(cpu(() => (diagnostics = brief(render(source).diagnostics)))).toBeLessThan(5_000);
    expect(diagnostics).toEqual(['3:3 error HTML comment is not closed before its paragraph ends: add "-->"']);
  });

  it('40,000 element comments at the end of a paragraph of 200,000 lines', () => {
    const comments = `${' <!-- .element: class="a" -->'.repeat(40_000)} <!-- .element: onclick="x" -->`;
    const source = `# T\n\n${'x\n'.repeat(200_000)}Text${comments}\n`;
    let deck = render('');
    expect(cpu(() => (deck = render(source)))).toBeLessThan(5_000);
    expect(deck.sectionsHtml).toContain('<p class="a a a');
    expect(brief(deck.diagnostics)).toEqual([
      `200003:${4 + 40_000 * 29 + 2} error element attribute comment: attribute "onclick" is not allowed; use id, class, style or data-*`,
    ]);
  });

  it('60,000 element comments on lines of their own', () => {
    const source = `# T\n\n${'<!-- .element: class="x" -->\n'.repeat(60_000)}`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain(`<h1 class="${'x '.repeat(59_999)}x">T</h1>`);
  });

  it('600 blocks that close an element nothing opened, each with an element comment below it', () => {
    const source = `# T\n\n${'</div>\n\n<!-- .element: class="x" -->\n\n'.repeat(600)}`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain(`<h1 class="${'x '.repeat(599)}x">T</h1>`);
  });

  it('4,000 element comments below a block of 4,000 elements of raw HTML', () => {
    const source = `# T\n\n${'<p>x</p>\n'.repeat(4_000)}\n${'<!-- .element: class="f" -->\n'.repeat(4_000)}`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain(`<p>x</p>\n<p class="${'f '.repeat(3_999)}f">x</p>\n</section>`);
  });

  it('20,000 element comments below a list whose last item holds 20,000 items', () => {
    const source = `# T\n\n- a\n${'  - b\n'.repeat(20_000)}${'<!-- .element: class="x" -->\n'.repeat(20_000)}`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain(`<ul>\n<li class="${'x '.repeat(19_999)}x">a\n<ul>`);
  });

  it('a block of raw HTML with 3,000 elements, each with an element comment after it', () => {
    const source = `# T\n\n${'<p>x</p><!-- .element: class="f" -->\n'.repeat(3_000)}`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html.match(/<p class="f">x<\/p>/g)).toHaveLength(3_000);
  });

  it('20,000 closing tags of raw HTML in a paragraph, each with an element comment after it', () => {
    const source = `# T\n\n${'x </b><!-- .element: class="x" -->\n'.repeat(20_000)}`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    // A closing tag that closes nothing gives the comment to the paragraph.
    expect(html).toContain(`<p class="${'x '.repeat(19_999)}x">x `);
  });

  it('40,000 nested emphases, each with an element comment after it', () => {
    const source = `# T\n\n${'*a '.repeat(40_000)}b${'*<!-- .element: class="c" -->'.repeat(40_000)}\n`;
    let html = '';
    expect(cpu(() => (html = render(source).sectionsHtml))).toBeLessThan(5_000);
    expect(html).toContain('<p><em class="c">a <em class="c">a ');
    expect(html.match(/<em class="c">/g)).toHaveLength(40_000);
  });

  it('an element comment with 150,000 blanks in its attribute list', () => {
    const source = `# T\n\nText <!-- .element: class="a"${' '.repeat(150_000)}x -->\n`;
    let deck = render('');
    expect(cpu(() => (deck = render(source)))).toBeLessThan(5_000);
    expect(deck.sectionsHtml).toContain('<p class="a">Text </p>');
    expect(brief(deck.diagnostics)).toEqual([
      '3:6 error element attribute comment: attribute "x" is not allowed; use id, class, style or data-*',
    ]);
  });

  it('400 blocks of raw HTML nested as deep as allowed, each with an element comment below it', () => {
    const block = `${'<div>'.repeat(256)}${'</div>'.repeat(256)}\n\n<!-- .element: class="x" -->\n\n`;
    let deck = render('');
    expect(cpu(() => (deck = render(`# T\n\n${block.repeat(400)}`)))).toBeLessThan(5_000);
    expect(deck.diagnostics).toEqual([]);
    expect(deck.sectionsHtml.match(/<div class="x"><div><div>/g)).toHaveLength(400);
  });

  it('100,000 separators in a row, each an empty slide reported at its line', () => {
    const source = `# T\n${'---\n'.repeat(100_000)}`;
    let deck = render('');
    expect(cpu(() => (deck = render(source)))).toBeLessThan(5_000);
    expect(deck.slides).toHaveLength(100_001);
    expect(deck.diagnostics).toHaveLength(100_000);
    expect(brief(deck.diagnostics).at(-1)).toMatch(/^100001:1 warning empty slide/);
  });

  it('100,000 containers of an unknown kind, each reported at its line', () => {
    const source = `# T\n\n${'::: x\n:::\n'.repeat(100_000)}`;
    let deck = render('');
    expect(cpu(() => (deck = render(source)))).toBeLessThan(5_000);
    expect(deck.diagnostics).toHaveLength(100_000);
    expect(brief(deck.diagnostics).at(-1)).toMatch(/^200001:5 error unknown container "x"/);
  });

  it('100,000 nested elements of raw HTML: reported once, at the one that goes too deep', () => {
    const source = `# T\n\n${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}\n`;
    let diagnostics: string[] = [];
    expect(cpu(() => (diagnostics = brief(render(source).diagnostics)))).toBeLessThan(5_000);
    expect(diagnostics).toEqual([
      '3:1281 error raw HTML nested more than 256 elements deep; close elements sooner (a browser stops nesting at 512)',
    ]);
  });
});
