import { describe, expect, it } from 'vitest';
import { render } from '../helpers.js';

const withHtml = (body: string) => render(`---\nhtml: true\n---\n\n# T\n\n${body}`).sectionsHtml;

describe('raw HTML', () => {
  it('is escaped by default', () => {
    expect(render('# T\n\n<b>x</b> <script>alert(1)</script>').sectionsHtml).toContain('&lt;script&gt;');
  });

  it('passes through when the deck allows it', () => {
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
});
