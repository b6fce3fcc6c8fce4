// `::: compare [pairs] [venn] [step] [noshared]`: side-by-side comparison. Each `###` heading
// inside starts a column (two to four). List items found in more than one column are marked as
// shared; `pairs` aligns two equal lists row by row; `venn` draws two lists as a Venn diagram;
// `step` reveals items (or rows) one at a time as reveal.js fragments.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { escapeHtml } from '../../escape.js';
import { envOf, type MarkdownEnv, nextId, report } from '../env.js';
import { closingIndex } from '../tokens.js';
import { renderVenn, type VennInput } from './venn-drawing.js';

export const COMPARE = 'compare';
const CONTAINER_OPEN = `container_${COMPARE}_open`;
const OPTIONS = ['pairs', 'venn', 'step', 'noshared'] as const;
type Option = (typeof OPTIONS)[number];

interface Column {
  heading: Token[];
  body: Token[];
  line: number;
}

interface ListInfo {
  open: Token;
  /** Tokens of each item, without the list item's own open and close tokens. */
  items: ListItem[];
}

interface ListItem {
  open: Token;
  close: Token;
  content: Token[];
  text: string;
  /** `itemKey(text)`, made by `keyOf` when first needed. */
  key?: string;
}

const SHARED_MARK =
  '<svg class="compare-shared-mark" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><path d="M5 0.5 9.5 5 5 9.5 0.5 5z"/></svg>';

/** How list items are matched across columns: case, surrounding space and end punctuation ignored. */
export function itemKey(text: string): string {
  const key = text
    .trim()
    .replace(/[\s.,;:!?]+$/, '')
    .toLowerCase();
  // Most items have single spaces only: no second pass for them.
  return /\s\s|[^\S ]/.test(key) ? key.replace(/\s+/g, ' ') : key;
}

function keyOf(item: ListItem): string {
  item.key ??= itemKey(item.text);
  return item.key;
}

/** Plain text of an inline token, without Markdown markup. */
function plainText(inline: Token | undefined): string {
  if (!inline) return '';
  if (!inline.children) return inline.content;
  let text = '';
  for (const child of inline.children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak') text += ' ';
  }
  return text;
}

function listsOf(column: Column): ListInfo[] {
  const lists: ListInfo[] = [];
  const body = column.body;
  for (let i = 0; i < body.length; i++) {
    const token = body[i]!;
    if (token.type !== 'bullet_list_open' && token.type !== 'ordered_list_open') continue;
    if (token.level !== body[0]!.level) continue;
    const close = closingIndex(body, i);
    const list: ListInfo = { open: token, items: [] };
    for (let j = i + 1; j < close; j++) {
      const item = body[j]!;
      if (item.type !== 'list_item_open' || item.level !== token.level + 1) continue;
      const itemClose = closingIndex(body, j);
      const content = body.slice(j + 1, itemClose);
      const text = plainText(content.find((t) => t.type === 'inline'));
      list.items.push({ open: item, close: body[itemClose]!, content, text });
      j = itemClose;
    }
    lists.push(list);
    i = close;
  }
  return lists;
}

function parseOptions(info: string, env: MarkdownEnv, line: number): Set<Option> | undefined {
  const words = info.trim().split(/\s+/).slice(1);
  const options = new Set<Option>();
  let ok = true;
  for (const word of words) {
    if ((OPTIONS as readonly string[]).includes(word)) {
      options.add(word as Option);
    } else {
      report(env, 'error', `unknown compare option "${word}"; options: ${OPTIONS.join(', ')}`, line, word);
      ok = false;
    }
  }
  if (options.has('pairs') && options.has('venn')) {
    report(env, 'error', 'compare: choose either "pairs" or "venn", not both', line, 'venn');
    ok = false;
  }
  return ok ? options : undefined;
}

function splitColumns(inner: Token[], env: MarkdownEnv, line: number): Column[] | undefined {
  const level = inner[0]?.level ?? 0;
  const columns: Column[] = [];
  let ok = true;
  for (let i = 0; i < inner.length; i++) {
    const token = inner[i]!;
    if (token.level === level && token.type === 'heading_open' && token.tag === 'h3') {
      const close = closingIndex(inner, i);
      columns.push({ heading: inner.slice(i, close + 1), body: [], line: token.map?.[0] ?? line });
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
  return ok ? columns : undefined;
}

class Builder {
  readonly out: Token[] = [];
  constructor(readonly state: StateCore) {}
  push(type: string, tag: string, nesting: Token['nesting'], attrs?: [string, string][]): Token {
    const token = new this.state.Token(type, tag, nesting);
    token.block = true;
    // A new token has no attributes yet: the list can be its own.
    if (attrs && attrs.length > 0) token.attrs = attrs;
    this.out.push(token);
    return token;
  }
  /** Turns a parsed token into another element: cheaper than a new one, and it keeps its line. */
  reuse(token: Token, type: string, tag: string, attrs?: [string, string][]): void {
    token.type = type;
    token.tag = tag;
    token.attrs = attrs && attrs.length > 0 ? attrs : null;
    token.markup = '';
    token.info = '';
    this.out.push(token);
  }
  append(tokens: readonly Token[]): void {
    this.out.push(...tokens);
  }
}

function headingOf(column: Column): { inline: Token | undefined; text: string } {
  const inline = column.heading.find((t) => t.type === 'inline');
  return { inline, text: plainText(inline) };
}

function buildColumns(b: Builder, columns: Column[], options: Set<Option>, idBase: string): boolean {
  const lists = columns.map(listsOf);
  const markShared = !options.has('noshared');
  // Which columns each item key occurs in; only needed when shared items are marked.
  const columnsOf = new Map<string, Set<number>>();
  if (markShared) {
    lists.forEach((columnLists, c) => {
      for (const list of columnLists) {
        for (const item of list.items) {
          const key = keyOf(item);
          if (!key) continue;
          const seen = columnsOf.get(key) ?? new Set<number>();
          seen.add(c);
          columnsOf.set(key, seen);
        }
      }
    });
  }
  let anyShared = false;
  b.push('deck_compare_open', 'div', 1, [
    ['class', `compare compare-cols-${columns.length}${options.has('step') ? ' compare-step' : ''}`],
  ]);
  columns.forEach((column, c) => {
    const headingId = `${idBase}-${c + 1}`;
    b.push('deck_compare_column_open', 'div', 1, [['class', 'compare-column']]);
    column.heading[0]!.attrSet('id', headingId);
    b.append(column.heading);
    for (const list of lists[c]!) {
      list.open.attrSet('aria-labelledby', headingId);
      for (const item of list.items) {
        if (options.has('step')) item.open.attrJoin('class', 'fragment');
        if (!markShared || (columnsOf.get(keyOf(item))?.size ?? 0) < 2) continue;
        anyShared = true;
        item.open.attrJoin('class', 'shared');
        const inline = item.content.find((t) => t.type === 'inline');
        inline?.children?.push(new b.state.Token('deck_compare_shared_mark', '', 0));
      }
    }
    if (options.has('step') && lists[c]!.length === 0) {
      for (const token of column.body) {
        if (token.nesting !== -1 && token.level === column.body[0]!.level) token.attrJoin('class', 'fragment');
      }
    }
    b.append(column.body);
    b.push('deck_compare_column_close', 'div', -1);
  });
  b.push('deck_compare_close', 'div', -1);
  if (anyShared) {
    const legend = b.push('deck_compare_legend', '', 0);
    legend.meta = { columns: columns.length };
  }
  return true;
}

/** Content of a list item for a table cell: a tight list's hidden paragraph is dropped. */
function cellContent(content: Token[]): Token[] {
  return content.filter((t) => !(t.hidden && (t.type === 'paragraph_open' || t.type === 'paragraph_close')));
}

function singleList(column: Column, mode: string, env: MarkdownEnv): ListInfo | undefined {
  const lists = listsOf(column);
  const stray = column.body.find(
    (t) =>
      t.level === column.body[0]?.level && t.nesting !== -1 && !/_list_open$/.test(t.type) && t.type !== 'deck_comment',
  );
  if (lists.length !== 1 || stray) {
    report(env, 'error', `compare ${mode}: each column must hold exactly one list`, stray?.map?.[0] ?? column.line);
    return undefined;
  }
  return lists[0];
}

function buildPairs(b: Builder, columns: Column[], options: Set<Option>, env: MarkdownEnv, line: number): boolean {
  if (columns.length !== 2) {
    report(env, 'error', `compare pairs needs exactly 2 columns; found ${columns.length}`, line, ':::');
    return false;
  }
  const [left, right] = columns.map((column) => singleList(column, 'pairs', env));
  if (!left || !right) return false;
  if (left.items.length !== right.items.length) {
    report(
      env,
      'error',
      `compare pairs: the lists must have the same length; "${headingOf(columns[0]!).text}" has ${left.items.length} items, "${headingOf(columns[1]!).text}" has ${right.items.length}`,
      columns[1]!.line,
    );
    return false;
  }
  b.push('deck_compare_open', 'div', 1, [
    ['class', `compare compare-pairs${options.has('step') ? ' compare-step' : ''}`],
  ]);
  b.push('table_open', 'table', 1);
  b.push('thead_open', 'thead', 1);
  b.push('tr_open', 'tr', 1);
  // The column headings become the header cells, the list items the body cells.
  for (const column of columns) {
    b.reuse(column.heading[0]!, 'th_open', 'th', [['scope', 'col']]);
    const { inline } = headingOf(column);
    if (inline) b.append([inline]);
    b.reuse(column.heading[column.heading.length - 1]!, 'th_close', 'th');
  }
  b.push('tr_close', 'tr', -1);
  b.push('thead_close', 'thead', -1);
  b.push('tbody_open', 'tbody', 1);
  left.items.forEach((item, row) => {
    b.push('tr_open', 'tr', 1, options.has('step') ? [['class', 'fragment']] : []);
    for (const cell of [item, right.items[row]!]) {
      b.reuse(cell.open, 'td_open', 'td');
      b.append(cellContent(cell.content));
      b.reuse(cell.close, 'td_close', 'td');
    }
    b.push('tr_close', 'tr', -1);
  });
  b.push('tbody_close', 'tbody', -1);
  b.push('table_close', 'table', -1);
  b.push('deck_compare_close', 'div', -1);
  return true;
}

function buildVenn(
  b: Builder,
  columns: Column[],
  options: Set<Option>,
  env: MarkdownEnv,
  line: number,
  id: string,
): boolean {
  if (columns.length !== 2) {
    report(env, 'error', `compare venn needs exactly 2 columns; found ${columns.length}`, line, ':::');
    return false;
  }
  const [left, right] = columns.map((column) => singleList(column, 'venn', env));
  if (!left || !right) return false;
  const rightKeys = new Set(right.items.map(keyOf));
  const leftKeys = new Set(left.items.map(keyOf));
  const input: VennInput = {
    id,
    leftLabel: headingOf(columns[0]!).text,
    rightLabel: headingOf(columns[1]!).text,
    leftOnly: left.items.filter((item) => !rightKeys.has(keyOf(item))).map((item) => item.text),
    shared: left.items.filter((item) => rightKeys.has(keyOf(item))).map((item) => item.text),
    rightOnly: right.items.filter((item) => !leftKeys.has(keyOf(item))).map((item) => item.text),
    step: options.has('step'),
  };
  const token = b.push('deck_compare_venn', 'div', 0);
  token.meta = { ...input };
  return true;
}

function compareRule(state: StateCore): void {
  const env = envOf(state);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== CONTAINER_OPEN) continue;
    const open = tokens[i]!;
    const close = closingIndex(tokens, i);
    const line = open.map?.[0] ?? 0;
    const id = nextId(env, 'compare');
    const inner = tokens.slice(i + 1, close);
    const options = parseOptions(open.info, env, line);
    const columns = splitColumns(inner, env, line);
    const b = new Builder(state);
    let built = false;
    if (options && columns) {
      if (options.has('pairs')) built = buildPairs(b, columns, options, env, line);
      else if (options.has('venn')) built = buildVenn(b, columns, options, env, line, id);
      else built = buildColumns(b, columns, options, id);
    }
    // On an error the block is left as the plain container; the build stops anyway.
    if (!built) {
      i = close;
      continue;
    }
    // The layout starts where the container did, for the slide's line and `deck check`.
    if (b.out[0]) b.out[0].map = open.map;
    tokens.splice(i, close - i + 1, ...b.out);
    i += b.out.length - 1;
  }
}

export function compare(md: MarkdownIt): void {
  md.use(container, COMPARE, { validate: (params) => params.trim().split(/\s+/)[0] === COMPARE });
  md.core.ruler.push('deck_compare', compareRule);
  const rules = md.renderer.rules;
  const renderTag: NonNullable<typeof rules.deck_compare_open> = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);
  rules.deck_compare_open = renderTag;
  rules.deck_compare_close = renderTag;
  rules.deck_compare_column_open = renderTag;
  rules.deck_compare_column_close = renderTag;
  rules.deck_compare_shared_mark = () => `${SHARED_MARK}<span class="sr-only"> (shared)</span>`;
  rules.deck_compare_legend = (tokens, idx) => {
    const columns = (tokens[idx]!.meta as { columns: number }).columns;
    const text = columns > 2 ? 'in more than one list' : 'in both lists';
    return `<p class="compare-legend">${SHARED_MARK} ${escapeHtml(text)}</p>\n`;
  };
  rules.deck_compare_venn = (tokens, idx) => renderVenn(tokens[idx]!.meta as unknown as VennInput);
}
