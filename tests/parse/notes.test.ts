import { describe, expect, it } from 'vitest';
import { parse, render, sectionHtml } from '../helpers.js';

describe('speaker notes', () => {
  it('takes everything after a Note: line as notes', () => {
    const slide = parse('# Slide\n\nBody\n\nNote:\nSay this.\n\nAnd this.').slides[0];
    expect(slide?.body.text.trim()).toBe('# Slide\n\nBody');
    expect(slide?.notes?.text.trim()).toBe('Say this.\n\nAnd this.');
    expect(slide?.notes?.startLine).toBe(5);
  });

  it('accepts Notes:, any case, and text on the marker line', () => {
    expect(parse('# A\n\nNOTES: first line\nsecond').slides[0]?.notes?.text).toBe('first line\nsecond');
    expect(parse('# A\n\nnote: lower').slides[0]?.notes?.text).toBe('lower');
  });

  it('ends the notes at the next separator', () => {
    const deck = parse('# A\n\nNote: for A\n\n---\n\n# B');
    expect(deck.slides[0]?.notes?.text.trim()).toBe('for A');
    expect(deck.slides[1]?.notes).toBeUndefined();
  });

  it('ignores Note: inside a code fence or in the middle of a line', () => {
    const deck = parse('# A\n\n```\nNote: code\n```\n\nA Note: inline');
    expect(deck.slides[0]?.notes).toBeUndefined();
  });

  it('renders notes as Markdown into aside.notes', () => {
    const html = sectionHtml(render('# A\n\nNote:\n**Ask:** why?'), 0);
    expect(html).toContain('<aside class="notes">\n<p><strong>Ask:</strong> why?</p>\n</aside>');
  });
});
