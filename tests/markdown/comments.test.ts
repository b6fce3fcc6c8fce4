import { describe, expect, it } from 'vitest';
import { render } from '../helpers.js';

describe('HTML comments', () => {
  it('never show on a slide, as blocks or inline', () => {
    const html = render('# T\n\n<!-- a remark\nover lines -->\n\nText <!-- inline --> more').sectionsHtml;
    expect(html).not.toContain('remark');
    expect(html).not.toContain('inline');
    expect(html).toContain('<p>Text  more</p>');
  });

  it('are dropped when raw HTML is allowed too', () => {
    const html = render('---\nhtml: true\n---\n\n# T\n\n<!-- hidden -->\n\n<b>bold</b>').sectionsHtml;
    expect(html).not.toContain('hidden');
    expect(html).toContain('<b>bold</b>');
  });

  it('stay text when never closed', () => {
    expect(render('# T\n\nText <!-- open').sectionsHtml).toContain('Text &lt;!-- open');
  });
});
