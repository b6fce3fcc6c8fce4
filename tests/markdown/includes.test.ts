// Include lines as the grammar reads them: an HTML comment `<!-- include: path -->` on a line of
// its own, at the top level of a slide.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SEPARATORS } from '../../src/markdown/boundaries.js';
import { includeTarget } from '../../src/markdown/includes.js';
import { findIncludeLines } from '../../src/parse/includes.js';

const grammar = { patterns: DEFAULT_SEPARATORS, html: true };
const found = (text: string) =>
  [...findIncludeLines(text.split('\n'), 0, 'deck.md', grammar)].map(([line, include]) => [line, include]);

describe('include lines', () => {
  it('name a path, quoted or not, in any case of "include"', () => {
    expect(includeTarget('<!-- include: parts/a.md -->')).toBe('parts/a.md');
    expect(includeTarget('<!--include:parts/a.md-->')).toBe('parts/a.md');
    expect(includeTarget('<!-- INCLUDE: "parts/my part.md" -->')).toBe('parts/my part.md');
    expect(includeTarget("<!-- include: 'a.md' -->")).toBe('a.md');
    expect(includeTarget('<!-- include: -->')).toBe('');
    expect(includeTarget('<!-- includes: a.md -->')).toBeUndefined();
    expect(includeTarget('<!-- .slide: include="a.md" -->')).toBeUndefined();
  });

  it('are found with the line and column of their path', () => {
    expect(found('# A\n\n<!-- include: parts/a.md -->\n\n---\n\n  <!--include: b.md-->')).toEqual([
      [2, { target: 'parts/a.md', line: 3, column: 15 }],
      [6, { target: 'b.md', line: 7, column: 16 }],
    ]);
  });

  it('are text in code, in another comment, in a list, in a quote and in a paragraph', () => {
    for (const text of [
      '```\n<!-- include: a.md -->\n```',
      '    <!-- include: a.md -->',
      '<!-- note\n<!-- include: a.md -->\n-->',
      '- <!-- include: a.md -->',
      '> <!-- include: a.md -->',
      'Text <!-- include: a.md -->',
      '<!-- include: a.md --> and text',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});
