// The pairs layout: two equal lists as the rows of a table, row i of the left beside row i of the
// right, under the two headings ("The manager administers / the leader innovates").

import type { Token } from 'markdown-it';
import type { TokenBuilder } from './builder.js';
import type { Comparison } from './parse.js';

type Pairs = Extract<Comparison, { layout: 'pairs' }>;

/** Content of a list item for a table cell: a tight list's hidden paragraph is dropped. */
const cellContent = (content: Token[]) =>
  content.filter((t) => !(t.hidden && (t.type === 'paragraph_open' || t.type === 'paragraph_close')));

export function pairsLayout(b: TokenBuilder, comparison: Pairs): void {
  const { columns, rows, step } = comparison;
  b.add('deck_compare_open', 'div', 1, [['class', `compare compare-pairs${step ? ' compare-step' : ''}`]]);
  b.add('table_open', 'table', 1);
  b.add('thead_open', 'thead', 1);
  b.add('tr_open', 'tr', 1);
  for (const column of columns) {
    const [open] = column.heading;
    b.add('th_open', 'th', 1, [['scope', 'col']], open);
    const inline = column.heading.find((t) => t.type === 'inline');
    if (inline) b.append([inline]);
    b.add('th_close', 'th', -1);
  }
  b.add('tr_close', 'tr', -1);
  b.add('thead_close', 'thead', -1);
  b.add('tbody_open', 'tbody', 1);
  for (const row of rows) {
    b.add('tr_open', 'tr', 1, step ? [['class', 'fragment']] : []);
    for (const item of row) {
      b.add('td_open', 'td', 1, [], item.open);
      b.append(cellContent(item.content));
      b.add('td_close', 'td', -1);
    }
    b.add('tr_close', 'tr', -1);
  }
  b.add('tbody_close', 'tbody', -1);
  b.add('table_close', 'table', -1);
  b.add('deck_compare_close', 'div', -1);
}
