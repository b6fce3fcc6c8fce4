// Reads a `::: compare` block into a typed comparison: its options, its columns (each `###` heading
// and what follows it), their lists and items. What the chosen layout cannot show is an error at
// its line, and then there is no comparison: the block stays a plain container (the build stops).

import type { Token } from 'markdown-it';
import { quoted } from '../../wording.js';
import { type MarkdownEnv, report } from '../env.js';
import { closingIndex } from '../tokens.js';

export const COMPARE = 'compare';
const OPTIONS = ['pairs', 'venn', 'step', 'noshared'] as const;
type Option = (typeof OPTIONS)[number];

export interface Item {
  open: Token;
  close: Token;
  /** The item's tokens, without its own open and close tokens. */
  content: Token[];
  /** Its plain text, and the key it is matched on across columns. */
  text: string;
  key: string;
}

export interface List {
  open: Token;
  items: Item[];
}

export interface Column {
  /** The `###` heading: its open, inline and close tokens. */
  heading: Token[];
  /** Its plain text. */
  title: string;
  body: Token[];
  lists: List[];
  /** 0-based line of the heading. */
  line: number;
}

interface Common {
  /** Reveal items (or rows) one at a time. */
  step: boolean;
  /** 0-based line of the `:::` that opens the block. */
  line: number;
}

export type Comparison =
  | (Common & { layout: 'columns'; columns: Column[]; markShared: boolean })
  | (Common & { layout: 'pairs'; columns: [Column, Column]; rows: [Item, Item][] })
  | (Common & { layout: 'venn'; columns: [Column, Column]; lists: [List, List] });

/** How list items are matched across columns: Unicode form, case, spaces and end punctuation aside. */
export function itemKey(text: string): string {
  // Only text beyond ASCII has more than one Unicode form (bench row "compile, bench/decks/ours.md":
  // normalizing every item was a quarter of the compare layouts' time).
  const composed = /[^ -~\s]/.test(text) ? text.normalize('NFC') : text;
  return composed
    .trim()
    .replace(/[\s.,;:!?]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Plain text of an inline token, without Markdown markup. */
export function plainText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content ?? '';
  let text = '';
  for (const child of inline.children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak') text += ' ';
  }
  return text;
}

function readLists(body: Token[]): List[] {
  const lists: List[] = [];
  for (let i = 0; i < body.length; i++) {
    const token = body[i]!;
    if (token.type !== 'bullet_list_open' && token.type !== 'ordered_list_open') continue;
    if (token.level !== body[0]!.level) continue;
    const close = closingIndex(body, i);
    const list: List = { open: token, items: [] };
    for (let j = i + 1; j < close; j++) {
      const item = body[j]!;
      if (item.type !== 'list_item_open' || item.level !== token.level + 1) continue;
      const itemClose = closingIndex(body, j);
      const content = body.slice(j + 1, itemClose);
      const text = plainText(content.find((t) => t.type === 'inline'));
      list.items.push({ open: item, close: body[itemClose]!, content, text, key: itemKey(text) });
      j = itemClose;
    }
    lists.push(list);
    i = close;
  }
  return lists;
}

function readOptions(info: string, env: MarkdownEnv, line: number): Set<Option> | undefined {
  const options = new Set<Option>();
  let ok = true;
  for (const word of info.trim().split(/\s+/).slice(1)) {
    if ((OPTIONS as readonly string[]).includes(word)) {
      options.add(word as Option);
    } else {
      report(env, 'error', `unknown compare option "${quoted(word)}"; options: ${OPTIONS.join(', ')}`, line, word);
      ok = false;
    }
  }
  if (options.has('pairs') && options.has('venn')) {
    report(env, 'error', 'compare: choose either "pairs" or "venn", not both', line, 'venn');
    ok = false;
  }
  return ok ? options : undefined;
}

function readColumns(inner: Token[], env: MarkdownEnv, line: number): Column[] | undefined {
  const level = inner[0]?.level ?? 0;
  const columns: Column[] = [];
  let ok = true;
  for (let i = 0; i < inner.length; i++) {
    const token = inner[i]!;
    if (token.level === level && token.type === 'heading_open' && token.tag === 'h3') {
      const close = closingIndex(inner, i);
      const heading = inner.slice(i, close + 1);
      const title = plainText(heading.find((t) => t.type === 'inline'));
      columns.push({ heading, title, body: [], lists: [], line: token.map?.[0] ?? line });
      i = close;
      continue;
    }
    const current = columns[columns.length - 1];
    if (current) {
      current.body.push(token);
    } else if (token.type !== 'deck_comment' && ok) {
      report(env, 'error', 'compare: content before the first "###" column heading', token.map?.[0] ?? line);
      ok = false;
    }
  }
  if (columns.length < 2 || columns.length > 4) {
    report(
      env,
      'error',
      `compare needs 2 to 4 columns, each starting with a "###" heading; found ${columns.length}`,
      line,
      ':::',
    );
    ok = false;
  }
  for (const column of columns) column.lists = readLists(column.body);
  return ok ? columns : undefined;
}

/** Two columns of exactly one list each, for the layouts that pair or overlap two lists. */
function twoLists(columns: Column[], layout: 'pairs' | 'venn', env: MarkdownEnv, line: number) {
  if (columns.length !== 2) {
    report(env, 'error', `compare ${layout} needs exactly 2 columns; found ${columns.length}`, line, ':::');
    return undefined;
  }
  for (const column of columns) {
    const stray = column.body.find(
      (t) =>
        t.level === column.body[0]?.level &&
        t.nesting !== -1 &&
        !/_list_open$/.test(t.type) &&
        t.type !== 'deck_comment',
    );
    if (column.lists.length !== 1 || stray) {
      report(env, 'error', `compare ${layout}: each column must hold exactly one list`, stray?.map?.[0] ?? column.line);
      return undefined;
    }
  }
  const [left, right] = columns as [Column, Column];
  return { columns: [left, right] as [Column, Column], lists: [left.lists[0]!, right.lists[0]!] as [List, List] };
}

/** The comparison a `::: compare` block holds; undefined (after reporting why) when it is not one. */
export function readComparison(open: Token, inner: Token[], env: MarkdownEnv): Comparison | undefined {
  const line = open.map?.[0] ?? 0;
  const options = readOptions(open.info, env, line);
  const columns = readColumns(inner, env, line);
  if (!options || !columns) return undefined;
  const step = options.has('step');
  if (options.has('pairs')) {
    const two = twoLists(columns, 'pairs', env, line);
    if (!two) return undefined;
    const [left, right] = two.lists;
    if (left.items.length !== right.items.length) {
      report(
        env,
        'error',
        `compare pairs: the lists must have the same length; "${quoted(two.columns[0].title)}" has ${left.items.length} items, "${quoted(two.columns[1].title)}" has ${right.items.length}`,
        two.columns[1].line,
      );
      return undefined;
    }
    const rows = left.items.map((item, i): [Item, Item] => [item, right.items[i]!]);
    return { layout: 'pairs', step, line, columns: two.columns, rows };
  }
  if (options.has('venn')) {
    const two = twoLists(columns, 'venn', env, line);
    return two ? { layout: 'venn', step, line, ...two } : undefined;
  }
  return { layout: 'columns', step, line, columns, markShared: !options.has('noshared') };
}
