// The columns layout: each column's heading and content side by side. A list item found in more
// than one column is marked as shared, and the slide gets a legend for the mark.

import type { Token } from 'markdown-it';
import type { TokenBuilder } from './builder.js';
import type { Comparison, List } from './parse.js';

type Columns = Extract<Comparison, { layout: 'columns' }>;

/** A two-column comparison splits a list of this many items or more into two sub-columns. */
const SPLIT_FROM = 7;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The last grapheme of `text` (a letter with its accents, an emoji), and what comes before it. */
function splitLastGrapheme(text: string): [string, string] {
  let last = '';
  for (const { segment } of graphemes.segment(text)) last = segment;
  return [text.slice(0, text.length - last.length), last];
}

/**
 * Puts the shared mark after an item's last word, held to the word's last letter by a span that
 * does not wrap: the mark never starts a line alone, and a word too long for a narrow column may
 * still break (structure.css) without the mark leaving it.
 */
function markShared(b: TokenBuilder, inline: Token): void {
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
    const [before, letter] = splitLastGrapheme(found.content.trimEnd());
    found.content = before;
    const end = b.inline('text');
    end.content = letter;
    tail.push(end);
  } else if (found) {
    tail.push(found);
  }
  tail.push(b.inline('deck_compare_shared_mark'), b.inline('deck_compare_shared_tail_close'));
  // After the text the letter came from, or in place of the code span or image; closing tags follow.
  if (found?.type === 'text') children.splice(last + 1, 0, ...tail);
  else if (found) children.splice(last, 1, ...tail);
  else children.push(...tail);
  children.push(b.inline('deck_compare_shared_label'));
  inline.children = children;
}

/** Two sub-columns of a long list in a two-column comparison, filled down then across, balanced. */
function splitList(list: List): void {
  const rows = Math.ceil(list.items.length / 2);
  list.open.attrJoin('class', 'compare-split');
  list.open.attrSet('style', `--compare-rows: ${rows}`);
}

export function columnsLayout(b: TokenBuilder, comparison: Columns, id: string): void {
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
        if (inline) markShared(b, inline);
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
