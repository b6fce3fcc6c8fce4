// The Venn layout: two lists as two overlapping ellipses, drawn at build time (venn-drawing.ts):
// items only in the first list on the left, shared items in the overlap, the rest on the right.

import type { Token } from 'markdown-it';
import type { TokenBuilder } from './builder.js';
import type { Comparison } from './parse.js';
import { renderVenn, type VennInput } from './venn-drawing.js';

type Venn = Extract<Comparison, { layout: 'venn' }>;

/** What each Venn token draws. */
const drawings = new WeakMap<Token, VennInput>();

export function vennLayout(b: TokenBuilder, comparison: Venn, id: string): void {
  const [left, right] = comparison.lists;
  const leftKeys = new Set(left.items.map((item) => item.key));
  const rightKeys = new Set(right.items.map((item) => item.key));
  const token = b.add('deck_compare_venn', 'div', 0);
  drawings.set(token, {
    id,
    leftLabel: comparison.columns[0].title,
    rightLabel: comparison.columns[1].title,
    leftOnly: left.items.filter((item) => !rightKeys.has(item.key)).map((item) => item.text),
    shared: left.items.filter((item) => rightKeys.has(item.key)).map((item) => item.text),
    rightOnly: right.items.filter((item) => !leftKeys.has(item.key)).map((item) => item.text),
    step: comparison.step,
  });
}

export function renderVennToken(token: Token): string {
  const input = drawings.get(token);
  return input ? renderVenn(input) : '';
}
