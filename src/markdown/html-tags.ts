// Raw HTML, read with a real HTML parser (htmlparser2, as the sanitizer uses): its start tags, its
// comments, and the elements it leaves open. Raw HTML in Markdown comes in pieces
// (`<div class="r-stack">` in one block, its `</div>` in another), so a rewritten start tag is
// replaced in place and everything around it stays as written.

import { Parser } from 'htmlparser2';
import { escapeHtml } from '../escape.js';
import type { Attributes } from '../model.js';

export interface StartTag {
  name: string;
  attributes: Attributes;
  /** Offsets of the tag's `<` and of the character after its `>`. */
  start: number;
  end: number;
  /** How many elements opened in this piece of HTML enclose it: 0 at its top level. */
  depth: number;
}

export interface HtmlComment {
  /** The whole comment, `<!--` to `-->`. */
  text: string;
  start: number;
  /** The element before it among its siblings, and the element it is in, in this piece. */
  previous?: StartTag;
  parent?: StartTag;
}

export interface HtmlPiece {
  tags: StartTag[];
  comments: HtmlComment[];
  /** Elements this piece opens and does not close, outermost first. */
  unclosed: StartTag[];
}

/** Elements that have no content and no end tag. */
export const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * The elements open at a point of raw HTML, innermost last, with how many of each name are open, so
 * a closing tag that closes nothing costs nothing.
 */
export class OpenElements<T extends { name: string }> {
  readonly items: T[] = [];
  private readonly counts = new Map<string, number>();

  get depth(): number {
    return this.items.length;
  }

  get innermost(): T | undefined {
    return this.items.at(-1);
  }

  open(item: T): void {
    this.items.push(item);
    this.counts.set(item.name, (this.counts.get(item.name) ?? 0) + 1);
  }

  /**
   * Closes the innermost open element named `name`, with every element opened inside it: popped
   * one by one, as each was pushed once, which keeps deep nesting linear.
   */
  close(name: string): void {
    if (!this.counts.get(name)) return;
    let closed: T;
    do {
      closed = this.items.pop()!;
      this.counts.set(closed.name, this.counts.get(closed.name)! - 1);
    } while (closed.name !== name);
  }

  clear(): void {
    this.items.length = 0;
    this.counts.clear();
  }
}

export function readHtml(html: string): HtmlPiece {
  const piece: HtmlPiece = { tags: [], comments: [], unclosed: [] };
  const open = new OpenElements<StartTag>();
  /** The last element started at each depth: the previous sibling of what comes next there. */
  const lastAt: (StartTag | undefined)[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag: StartTag = {
          name,
          attributes: { ...attributes },
          start: parser.startIndex,
          end: parser.endIndex + 1,
          depth: open.depth,
        };
        piece.tags.push(tag);
        lastAt[open.depth] = tag;
        lastAt.length = open.depth + 1;
        if (!VOID_ELEMENTS.has(name) && !/\/\s*>$/.test(html.slice(tag.start, tag.end))) open.open(tag);
      },
      onclosetag(name, isImplied) {
        if (isImplied && (VOID_ELEMENTS.has(name) || open.innermost?.name !== name)) return;
        open.close(name);
      },
      oncomment() {
        const start = parser.startIndex;
        const text = html.slice(start, parser.endIndex + 1);
        const comment: HtmlComment = { text, start };
        const previous = lastAt[open.depth];
        const parent = open.innermost;
        if (previous) comment.previous = previous;
        if (parent) comment.parent = parent;
        piece.comments.push(comment);
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  piece.unclosed = [...open.items];
  // What is still open at the end is closed by a later piece: no implied closing events matter.
  parser.end();
  return piece;
}

/** The start tags of `html`, in order. */
export function startTags(html: string): StartTag[] {
  return readHtml(html).tags;
}

function renderStartTag(tag: StartTag, original: string): string {
  const attributes = Object.entries(tag.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<${tag.name}${attributes}${/\/\s*>$/.test(original) ? ' /' : ''}>`;
}

/**
 * `html` with the start tags that `change` returns new attributes for written anew; everything
 * else stays as written.
 */
export function rewriteStartTags(html: string, change: (tag: StartTag) => Attributes | undefined): string {
  if (!html.includes('<')) return html;
  let result = '';
  let position = 0;
  for (const tag of startTags(html)) {
    const attributes = change(tag);
    if (!attributes) continue;
    const original = html.slice(tag.start, tag.end);
    result += html.slice(position, tag.start) + renderStartTag({ ...tag, attributes }, original);
    position = tag.end;
  }
  return position === 0 ? html : result + html.slice(position);
}
