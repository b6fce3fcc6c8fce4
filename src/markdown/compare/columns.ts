// The columns layout: each column's heading and content side by side. A list item found in more
// than one column is marked as shared, and the slide gets a legend for the mark.

import type { TokenBuilder } from './builder.js';
import type { Comparison } from './parse.js';

type Columns = Extract<Comparison, { layout: 'columns' }>;

export function columnsLayout(b: TokenBuilder, comparison: Columns, id: string): void {
  const { columns, step, markShared } = comparison;
  // Which columns each item key occurs in.
  const columnsOf = new Map<string, Set<number>>();
  columns.forEach((column, c) => {
    for (const item of column.lists.flatMap((list) => list.items)) {
      if (item.key) columnsOf.set(item.key, (columnsOf.get(item.key) ?? new Set()).add(c));
    }
  });
  const isShared = (key: string) => markShared && (columnsOf.get(key)?.size ?? 0) > 1;

  b.add('deck_compare_open', 'div', 1, [
    ['class', `compare compare-cols-${columns.length}${step ? ' compare-step' : ''}`],
  ]);
  columns.forEach((column, c) => {
    const headingId = `${id}-${c + 1}`;
    b.add('deck_compare_column_open', 'div', 1, [['class', 'compare-column']]);
    column.heading[0]!.attrSet('id', headingId);
    b.append(column.heading);
    for (const list of column.lists) {
      list.open.attrSet('aria-labelledby', headingId);
      for (const item of list.items) {
        if (step) item.open.attrJoin('class', 'fragment');
        if (!isShared(item.key)) continue;
        item.open.attrJoin('class', 'shared');
        const inline = item.content.find((t) => t.type === 'inline');
        inline?.children?.push(b.inline('deck_compare_shared_mark'));
      }
    }
    // A column without a list reveals its blocks one by one instead.
    if (step && column.lists.length === 0) {
      for (const token of column.body) {
        if (token.nesting !== -1 && token.level === column.body[0]!.level) token.attrJoin('class', 'fragment');
      }
    }
    b.append(column.body);
    b.add('deck_compare_column_close', 'div', -1);
  });
  b.add('deck_compare_close', 'div', -1);
  if (columns.some((column) => column.lists.some((list) => list.items.some((item) => isShared(item.key))))) {
    b.add('deck_compare_legend', 'p', 0).content = columns.length > 2 ? 'in more than one list' : 'in both lists';
  }
}
