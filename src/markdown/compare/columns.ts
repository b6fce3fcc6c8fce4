// The columns layout: each column's heading and content side by side. A list item found in more
// than one column is marked as shared, and the slide gets a legend for the mark.

import type { Token } from 'markdown-it';
import type { Labels } from '../../labels.js';
import type { TokenBuilder } from './builder.js';
import type { Comparison, List } from './parse.js';

type Columns = Extract<Comparison, { layout: 'columns' }>;

/** A two-column comparison splits a list of this many items or more into two sub-columns. */
const SPLIT_FROM = 7;

/** The last word of `text`, and what comes before it. */
function splitLastWord(text: string): [string, string] {
  const word = /\S+$/.exec(text);
  return word ? [text.slice(0, word.index), word[0]] : [text, ''];
}

/**
 * Puts the shared mark after an item's last word, held to the whole word by a span that does not
 * wrap, with the screen readers' "(shared)": the mark never starts a line alone and the word is
 * never cut before it. A word too long for its column makes the slide's text smaller first
 * (runtime/fit.ts), and only past the theme's smallest size runs past its box (`deck check` says so).
 */
function markShared(b: TokenBuilder, inline: Token, label: string): void {
  const children = inline.children ?? [];
  // The last thing the item shows: text, a code span or an image.
  let last = children.length - 1;
  while (last >= 0) {
    const child = children[last]!;
    if (child.type === 'code_inline' || child.type === 'image') break;
    if (child.type === 'text' && child.content.trim() !== '') break;
    last--;
  }
  const found = children[last];
  const tail: Token[] = [b.inline('deck_compare_shared_tail_open')];
  if (found?.type === 'text') {
    const [before, word] = splitLastWord(found.content.trimEnd());
    found.content = before;
    const end = b.inline('text');
    end.content = word;
    tail.push(end);
  } else if (found) {
    tail.push(found);
  }
  tail.push(
    b.inline('deck_compare_shared_mark'),
    Object.assign(b.inline('deck_compare_shared_label'), { content: label }),
    b.inline('deck_compare_shared_tail_close'),
  );
  // After the text the letter came from, or in place of the code span or image; closing tags follow.
  if (found?.type === 'text') children.splice(last + 1, 0, ...tail);
  else if (found) children.splice(last, 1, ...tail);
  else children.push(...tail);
  inline.children = children;
}

/** Two sub-columns of a long list in a two-column comparison, filled down then across, balanced. */
function splitList(list: List): void {
  const rows = Math.ceil(list.items.length / 2);
  list.open.attrJoin('class', 'compare-split');
  list.open.attrSet('style', `--compare-rows: ${rows}`);
}

export function columnsLayout(b: TokenBuilder, comparison: Columns, id: string, labels: Labels): void {
  const { columns, step, markShared: marking } = comparison;
  // Which columns each item key occurs in.
  const columnsOf = new Map<string, Set<number>>();
  columns.forEach((column, c) => {
    for (const item of column.lists.flatMap((list) => list.items)) {
      if (item.key) columnsOf.set(item.key, (columnsOf.get(item.key) ?? new Set()).add(c));
    }
  });
  const isShared = (key: string) => marking && (columnsOf.get(key)?.size ?? 0) > 1;

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
      if (columns.length === 2 && list.items.length >= SPLIT_FROM) splitList(list);
      for (const item of list.items) {
        if (step) item.open.attrJoin('class', 'fragment');
        if (!isShared(item.key)) continue;
        item.open.attrJoin('class', 'shared');
        const inline = item.content.find((t) => t.type === 'inline');
        if (inline) markShared(b, inline, labels.shared);
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
    b.add('deck_compare_legend', 'p', 0).content = columns.length > 2 ? labels.inSeveralLists : labels.inBothLists;
  }
}
