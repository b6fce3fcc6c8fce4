import { describe, expect, it } from 'vitest';
import { brief, parse } from '../helpers.js';

const bodies = (source: string) => parse(source).slides.map((s) => s.body.text.trim());

describe('slide separators', () => {
  it('splits horizontal slides on a --- line between blank lines', () => {
    expect(bodies('# One\n\n---\n\n# Two\n\n---\n\n# Three')).toEqual(['# One', '# Two', '# Three']);
  });

  it('makes vertical slides from -- and ----', () => {
    const deck = parse('# A\n\n--\n\n# A.2\n\n----\n\n# A.3\n\n---\n\n# B');
    expect(deck.slides.map((s) => [s.h, s.v])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
  });

  it('treats --- right under a line of text as a setext heading, not a separator', () => {
    const deck = parse('Title\n---\n\nText');
    expect(deck.slides).toHaveLength(1);
    expect(deck.slides[0]?.body.text).toContain('Title\n---');
  });

  it('needs a blank line below the separator too', () => {
    expect(bodies('# One\n\n---\nnot a separator')).toHaveLength(1);
  });

  it('ignores separators inside fenced code blocks', () => {
    const source = '# Code\n\n```yaml\na: 1\n\n---\n\nb: 2\n```\n\n---\n\n# After';
    expect(bodies(source)).toEqual(['# Code\n\n```yaml\na: 1\n\n---\n\nb: 2\n```', '# After']);
  });

  it('ignores separators inside tilde fences and longer fences', () => {
    expect(bodies('~~~\n\n---\n\n~~~')).toHaveLength(1);
    expect(bodies('````\n```\n\n---\n\n```\n````')).toHaveLength(1);
  });

  it('ignores separators inside multi-line HTML comments', () => {
    expect(bodies('# One\n\n<!--\n\n---\n\n-->\n\n# Still one')).toHaveLength(1);
  });

  it('does not let a comment closed on its own line hide later separators', () => {
    expect(bodies('# One <!-- x -->\n\n---\n\n# Two')).toHaveLength(2);
  });

  it('keeps source line numbers for every slide', () => {
    const deck = parse('---\ntitle: T\n---\n\n# One\n\n---\n\n# Two');
    expect(deck.slides.map((s) => s.span.startLine)).toEqual([5, 9]);
    expect(deck.slides[1]?.body.startLine).toBe(8);
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    expect(bodies('\uFEFF# One\r\n\r\n---\r\n\r\n# Two')).toEqual(['# One', '# Two']);
  });

  it('warns about an empty slide between two separators and skips it', () => {
    const deck = parse('# One\n\n---\n\n---\n\n# Two');
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides.map((s) => s.h)).toEqual([0, 1]);
    expect(brief(deck.diagnostics)).toEqual(['4:1 warning empty slide (two separators with nothing between them)']);
  });

  it('reports a deck without slides', () => {
    expect(brief(parse('---\ntitle: Empty\n---\n\n').diagnostics)).toEqual(['4:1 error the deck has no slides']);
    expect(brief(parse('').diagnostics)).toEqual(['1:1 error the deck has no slides']);
  });
});

describe('comment markers in inline code', () => {
  it('are code, not comments', () => {
    expect(bodies('# One\n\nType `<!--` to start a comment.\n\n---\n\n# Two')).toEqual([
      '# One\n\nType `<!--` to start a comment.',
      '# Two',
    ]);
    expect(brief(parse('# One\n\nUse ``<!-- x`` and `-->`.').diagnostics)).toEqual([]);
  });

  it('do not set slide attributes', () => {
    const deck = parse('# One\n\nWrite `<!-- .slide: class="quote" -->` on the slide.');
    expect(deck.slides[0]?.attributes).toEqual({});
    expect(deck.slides[0]?.body.text).toContain('`<!-- .slide: class="quote" -->`');
  });
});
