// Source lines for `deck check`: each block element says which line of the deck it came from,
// so a problem found in the browser points at the author's line. Builds carry none.

import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';

const DECK = [
  '# Title', //                                 line 1
  '',
  'A paragraph', //                             line 3
  '',
  '---',
  '',
  '::: compare pairs', //                       line 7
  '### Manager', //                             line 8
  '- administers', //                           line 9
  '- maintains', //                             line 10
  '### Leader', //                              line 11
  '- innovates', //                             line 12
  '- develops', //                              line 13
  ':::',
  '',
  'Note: say why', //                           line 16
  '',
].join('\n');

const lineOf = (html: string, text: string) =>
  new RegExp(`<[a-z0-9]+[^>]*data-line="(\\d+)"[^>]*>${text}<`).exec(html)?.[1];

describe('source lines', () => {
  const checked = renderDeck(parseDeck(DECK, 'deck.md', { sourceLines: true }), { sourceLines: true }).sectionsHtml;

  it('marks headings, paragraphs and slides with their line', () => {
    expect(lineOf(checked, 'Title')).toBe('1');
    expect(lineOf(checked, 'A paragraph')).toBe('3');
    expect(checked).toMatch(/<section data-line="7"/);
  });

  it('marks the cells of a paired comparison with the line of their heading or item', () => {
    expect(lineOf(checked, 'Manager')).toBe('8');
    expect(lineOf(checked, 'Leader')).toBe('11');
    expect(lineOf(checked, 'maintains')).toBe('10');
    expect(lineOf(checked, 'develops')).toBe('13');
  });

  it('leaves speaker notes and every build without them', () => {
    expect(/<aside class="notes">[\s\S]*data-line/.test(checked)).toBe(false);
    expect(renderDeck(parseDeck(DECK, 'deck.md')).sectionsHtml).not.toContain('data-line');
  });
});
