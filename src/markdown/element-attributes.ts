// Attribute comments, read as reveal.js's Markdown plugin reads them.
//
// `<!-- .element: class="fragment" -->` (also `<!-- {.element: …} -->` and `.element` without the
// colon) sets attributes on the element before it: on the same line, the closest element before it
// (a **strong**, an image, a link), else the list item, paragraph or heading it is in; on a line of
// its own, the block above (the `<pre>` of a code block, the last element of a raw HTML block, the
// last item of a list right above it). With nothing before it in the slide, the slide.
//
// `<!-- .slide: id="x" class="y" -->` anywhere in a slide sets attributes on its <section>.
//
// Attributes for the slide travel on the comment token (`meta.slideAttributes`) and are gathered
// when the token stream is split into slides.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Attributes, SourcePosition } from '../model.js';
import { mergeAttributes, parseAttributeList } from './attribute-list.js';
import { envOf, locate, type MarkdownEnv } from './env.js';
import { type HtmlPiece, readHtml, rewriteStartTags } from './html-tags.js';
import { BOUNDARY_TOKENS } from './slide-boundaries.js';

const ELEMENT_COMMENT_START = /^<!--\s*(?:\{\s*)?\.element(?:\s*:|\s)/;
const SLIDE_COMMENT_START = /^<!--\s*(?:\{\s*)?\.slide:/;

/** What an attribute comment gives its slide, with where each attribute was written. */
export interface SlideAttributes {
  attributes: Attributes;
  positions: Record<string, SourcePosition>;
}

/**
 * Reads the attribute list of a comment written at `where`. Problems become diagnostics at the
 * attribute's own line and column in a slide comment, at the comment itself in an element comment.
 */
function readComment(
  env: MarkdownEnv,
  comment: string,
  list: string,
  where: SourcePosition,
  kind: string,
): SlideAttributes {
  const parsed = parseAttributeList(list);
  const listOffset = comment.indexOf(list);
  // Where each line of the comment starts, to place an offset in it without rescanning the text.
  const lineStarts = [0];
  for (let i = comment.indexOf('\n'); i >= 0; i = comment.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const positionAt = (offset: number): SourcePosition => {
    const at = listOffset + offset;
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > at) line--;
    return line === 0
      ? { line: where.line, column: where.column + at }
      : { line: where.line + line, column: at - lineStarts[line]! + 1 };
  };
  for (const problem of parsed.problems) {
    env.diagnostics.push({
      severity: 'error',
      message: `${kind} attribute comment: ${problem.message}`,
      file: env.file,
      ...(kind === 'slide' ? positionAt(problem.offset) : where),
    });
  }
  const positions: Record<string, SourcePosition> = {};
  for (const [name, offset] of Object.entries(parsed.offsets)) positions[name] = positionAt(offset);
  return { attributes: parsed.attributes, positions };
}

function setAttributes(token: Token, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') token.attrJoin('class', value);
    else token.attrSet(name, value);
  }
}

/**
 * Finds comments as written, in order, in the 0-based lines [line, endLine) of their block: each
 * is searched after the one before, so the same comment twice is found twice, in one pass over the
 * block (and never past it).
 */
function commentFinder(env: MarkdownEnv, line: number, endLine: number): (comment: string) => SourcePosition {
  let after: SourcePosition | undefined;
  return (comment) => {
    after = locate(env, line, comment.split('\n')[0], after, endLine);
    return after;
  };
}

/** Gives a comment's attributes to its slide: they travel on the token the comment is (or is in). */
function toSlide(comment: Token, attributes: SlideAttributes): void {
  const meta = (comment.meta ?? {}) as { slideAttributes?: SlideAttributes };
  if (meta.slideAttributes) {
    mergeAttributes(meta.slideAttributes.attributes, attributes.attributes);
    Object.assign(meta.slideAttributes.positions, attributes.positions);
  } else {
    meta.slideAttributes = attributes;
  }
  comment.meta = meta;
}

/**
 * The attribute list of a comment that starts as `start` matches: up to the `-->` that ends it,
 * and before the blanks and the `}` that may come first; undefined for a comment that does not.
 * Read from the end by hand: a regular expression for the whole comment tries every way to split
 * a run of blanks, which is quadratic in its length.
 */
function attributeList(comment: string, start: RegExp): string | undefined {
  const opening = start.exec(comment);
  if (!opening || !comment.endsWith('-->')) return undefined;
  const from = opening[0].length;
  let end = comment.length - '-->'.length;
  if (from > end) return undefined;
  while (end > from && /\s/.test(comment[end - 1]!)) end--;
  if (end > from && comment[end - 1] === '}') end--;
  return comment.slice(from, end);
}

/**
 * What a comment written at `where()` says: the attributes of a slide comment and of an element
 * comment (problems reported); undefined for any other comment, which is not even located.
 */
function readAttributeComment(
  env: MarkdownEnv,
  text: string,
  where: () => SourcePosition,
): { slide?: SlideAttributes; element?: SlideAttributes } | undefined {
  const slide = attributeList(text, SLIDE_COMMENT_START);
  const element = attributeList(text, ELEMENT_COMMENT_START);
  if (slide === undefined && element === undefined) return undefined;
  const at = where();
  return {
    ...(slide !== undefined ? { slide: readComment(env, text, slide, at, 'slide') } : {}),
    ...(element !== undefined ? { element: readComment(env, text, element, at, 'element') } : {}),
  };
}

/** The block an inline token belongs to; a tight list's hidden paragraph yields its list item. */
function enclosingBlock(tokens: readonly Token[], inlineIndex: number): Token | undefined {
  for (let i = inlineIndex - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.nesting === 1 && !token.hidden) return token;
    if (token.nesting === -1 || BOUNDARY_TOKENS.has(token.type)) return undefined;
  }
  return undefined;
}

const isInlineFiller = (t: Token) =>
  t.type === 'text' || t.type === 'softbreak' || t.type === 'hardbreak' || t.type === 'deck_comment';

/** What an element comment gives its attributes to: a token, or one start tag in a token's raw HTML. */
interface Target {
  token: Token;
  /** Offset of the start tag in `token.content`, for raw HTML. */
  tagStart?: number;
}

/** The list a map of lists holds at `key`, made empty the first time. */
function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** How many items at the start of `list` pass `test`, which holds for a prefix of it: by halving. */
function prefixLength<T>(list: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(list[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Attributes for start tags in raw HTML, written once every comment has been read: each token's
 * HTML is then read and written once, however many comments are about it (once per comment is
 * quadratic), and the offsets of its tags stay those of the HTML as written meanwhile.
 */
class TagRewrites {
  private readonly byToken = new Map<Token, Map<number, Attributes[]>>();

  add(token: Token, tagStart: number, attributes: Attributes): void {
    let tags = this.byToken.get(token);
    if (!tags) {
      tags = new Map();
      this.byToken.set(token, tags);
    }
    listAt(tags, tagStart).push(attributes);
  }

  write(): void {
    for (const [token, tags] of this.byToken) {
      token.content = rewriteStartTags(token.content, (tag) => {
        const given = tags.get(tag.start);
        if (!given) return undefined;
        // In the order the comments were applied: later values win, classes accumulate.
        const merged = { ...tag.attributes };
        for (const attributes of given) mergeAttributes(merged, attributes);
        return merged;
      });
    }
  }
}

function apply(target: Target, attributes: Attributes, rewrites: TagRewrites): void {
  const { token, tagStart } = target;
  if (tagStart === undefined) setAttributes(token, attributes);
  else rewrites.add(token, tagStart, attributes);
}

const CLOSING_TAG = /^<\/\s*([a-z][a-z0-9-]*)/i;
const OPENING_TAG = /^<([a-z][a-z0-9-]*)/i;

/**
 * An inline token's children, read in order, and what a comment after the last one read is about:
 * the element it is or closes. Openings wait on a stack (raw HTML start tags on one per name), so
 * a closing token finds its opening at once: searching back from each is quadratic.
 */
class InlineElements {
  /** The target of a comment here; undefined for the block the children are in. */
  target: Target | undefined;
  private readonly opened: Token[] = [];
  private readonly openTags = new Map<string, Token[]>();

  read(token: Token): void {
    if (isInlineFiller(token)) return;
    if (token.type === 'html_inline') {
      // A start tag before the comment: the element it opens (an image), or the one it is in.
      const closing = CLOSING_TAG.exec(token.content)?.[1]?.toLowerCase();
      const opening = closing ? undefined : OPENING_TAG.exec(token.content)?.[1]?.toLowerCase();
      if (opening) listAt(this.openTags, opening).push(token);
      const opener = closing ? this.openTags.get(closing)?.pop() : opening ? token : undefined;
      this.target = opener ? { token: opener, tagStart: 0 } : undefined;
    } else if (token.nesting === 1) {
      this.opened.push(token);
      this.target = undefined;
    } else {
      const element = token.nesting === -1 ? this.opened.pop() : token;
      this.target = element ? { token: element } : undefined;
    }
  }
}

const LIST_OPEN = new Set(['bullet_list_open', 'ordered_list_open']);

/** The blocks of raw HTML at one level of a slide, and the elements they leave open, by name. */
interface RawHtmlLevel {
  blocks: number[];
  /** How many of the blocks have been read into `open`. */
  read: number;
  open: Map<string, (Target & { index: number })[]>;
}

/** Returned by `ownElement` for a block whose closing tag closes nothing: the block above decides. */
const ABOVE = Symbol('above');

/**
 * What comments on lines of their own need to know about the blocks before them, kept up to date
 * in one pass over the tokens (`reach`). Searching back from each comment instead, through every
 * comment before it and every earlier block of raw HTML, is quadratic, and cubic for a run of
 * blocks that only close elements.
 */
class BlocksBefore {
  /**
   * Where a search back from a comment at level `l` stops: at a boundary (key -1), at a block of
   * level `l` or less (key: its level), at a comment of a level less than `l` (key: its level + 1).
   * A token hides every earlier one whose key is not below its own, so keys rise from the bottom
   * of this stack, and the stop for `l` is the topmost entry with a key of at most `l`.
   */
  private readonly stops: { index: number; key: number }[] = [];
  /** Indices of the opening tokens not closed yet, and the opening of each closing token. */
  private readonly openings: number[] = [];
  private readonly openingOf = new Map<number, number>();
  /** The last list item opened at each level; for the closing token of a list, its last item. */
  private readonly itemAt: number[] = [];
  private readonly lastItemOf = new Map<number, number>();
  /** The block above each comment and each block of raw HTML. */
  private readonly above = new Map<number, number>();
  /** The blocks of raw HTML in the slide by level, read when a later one closes an element. */
  private readonly htmlAt = new Map<number, RawHtmlLevel>();
  private readonly pieces = new Map<Token, HtmlPiece>();
  /** The target each block of raw HTML gives a comment below it, once known. */
  private readonly targets = new Map<number, Target | undefined>();
  /** How many tokens have been taken in. */
  private next = 0;

  constructor(
    private readonly env: MarkdownEnv,
    private readonly tokens: readonly Token[],
  ) {}

  /**
   * Takes in every token up to `index`. Called only for a comment that needs the blocks before it,
   * in the order of the tokens: a deck whose comments are all for slides takes in none (bench row
   * "compile").
   */
  reach(index: number): void {
    for (; this.next <= index && this.next < this.tokens.length; this.next++) this.add(this.next);
  }

  /** The raw HTML of a block, read once. */
  piece(block: Token): HtmlPiece {
    let piece = this.pieces.get(block);
    if (!piece) {
      piece = readHtml(block.content);
      this.pieces.set(block, piece);
    }
    return piece;
  }

  /** The target of an element comment on a line of its own, or at the top of a block of raw HTML. */
  targetAbove(index: number): Target | undefined {
    this.reach(index);
    // Blocks that only close an element nothing opened pass the comment on to the block above
    // them: followed in a loop, each block's target kept, so a run of them costs no recursion.
    const passing: number[] = [];
    let target: Target | undefined;
    for (let i = this.above.get(index) ?? -1; ; i = this.above.get(i) ?? -1) {
      const block = this.tokens[i];
      if (block?.type !== 'html_block') {
        target = block ? { token: block } : undefined;
        break;
      }
      if (this.targets.has(i)) {
        target = this.targets.get(i);
        break;
      }
      const own = this.ownElement(i);
      if (own !== ABOVE) {
        target = own;
        this.targets.set(i, own);
        break;
      }
      passing.push(i);
    }
    for (const i of passing) this.targets.set(i, target);
    return target;
  }

  private add(index: number): void {
    const token = this.tokens[index]!;
    // The block above a comment or a block of raw HTML: found from the tokens before it.
    if (token.type === 'deck_comment' || token.type === 'html_block') this.above.set(index, this.searchBack(index));
    const key = BOUNDARY_TOKENS.has(token.type) ? -1 : token.level + (token.type === 'deck_comment' ? 1 : 0);
    while ((this.stops.at(-1)?.key ?? -2) >= key) this.stops.pop();
    this.stops.push({ index, key });
    if (BOUNDARY_TOKENS.has(token.type)) this.htmlAt.clear();
    if (token.type === 'list_item_open') this.itemAt[token.level] = index;
    if (token.nesting === 1) this.openings.push(index);
    if (token.nesting === -1) {
      const opening = this.openings.pop() ?? -1;
      this.openingOf.set(index, opening);
      const list = this.tokens[opening];
      if (list && LIST_OPEN.has(list.type)) {
        const item = this.itemAt[list.level + 1] ?? -1;
        this.lastItemOf.set(index, item > opening ? item : -1);
      }
    }
    if (token.type === 'html_block') {
      const html: RawHtmlLevel = this.htmlAt.get(token.level) ?? { blocks: [], read: 0, open: new Map() };
      this.htmlAt.set(token.level, html);
      html.blocks.push(index);
    }
  }

  /**
   * Index of the block element a comment on a line of its own belongs to: the one above it at the
   * same level, or the element that contains it; -1 at the start of a slide.
   */
  private searchBack(index: number): number {
    const comment = this.tokens[index]!;
    const stop = this.stopFor(comment.level);
    const token = this.tokens[stop];
    if (!token || BOUNDARY_TOKENS.has(token.type)) return -1;
    if (token.level < comment.level || token.nesting !== -1) return stop;
    // reveal.js gives a comment right below a list (no blank line between) to the list's last item:
    // marked reads the comment into that item. Not when the line above ends in white space: marked
    // then ends the list before the comment, and the list gets it.
    const lastItem = this.lastItemOf.get(stop) ?? -1;
    const above = this.env.lines[(comment.map?.[0] ?? 0) - 1] ?? '';
    if (lastItem >= 0 && above.trim() !== '' && !/[ \t]$/.test(above)) return lastItem;
    return this.openingOf.get(stop) ?? -1;
  }

  /** Index of the topmost stop with a key of at most `level`; -1 if none. */
  private stopFor(level: number): number {
    return this.stops[prefixLength(this.stops, (stop) => stop.key <= level) - 1]?.index ?? -1;
  }

  /**
   * The element a block of raw HTML ends with: its last top-level start tag; for a block that only
   * closes an element (`</div>`), the start tag in the earlier block of the slide that opened it;
   * for a closing tag that closes nothing (the page ignores it), ABOVE: the element above.
   */
  private ownElement(index: number): Target | undefined | typeof ABOVE {
    const block = this.tokens[index]!;
    const last = this.piece(block)
      .tags.filter((tag) => tag.depth === 0)
      .pop();
    if (last) return { token: block, tagStart: last.start };
    const closing = CLOSING_TAG.exec(block.content.trim())?.[1]?.toLowerCase();
    if (!closing) return undefined;
    return this.openedBefore(block.level, closing, index) ?? ABOVE;
  }

  /** The last element named `name` left open by a block of raw HTML at `level` before `index`. */
  private openedBefore(level: number, name: string, index: number): Target | undefined {
    const html = this.htmlAt.get(level);
    if (!html) return undefined;
    for (; html.read < html.blocks.length && html.blocks[html.read]! < index; html.read++) {
      const blockIndex = html.blocks[html.read]!;
      const block = this.tokens[blockIndex]!;
      for (const tag of this.piece(block).unclosed) {
        const opened = listAt(html.open, tag.name);
        // Of the elements of a name a block leaves open, a later closing tag is about its last.
        if (opened.at(-1)?.token === block) opened.pop();
        opened.push({ token: block, tagStart: tag.start, index: blockIndex });
      }
    }
    // The last of them before `index`: they are in the order of the blocks.
    const opened = html.open.get(name) ?? [];
    return opened[prefixLength(opened, (element) => element.index < index) - 1];
  }
}

/** Attribute comments inside a block of raw HTML, applied as reveal.js applies them in the page. */
function commentsInRawHtml(
  env: MarkdownEnv,
  blocks: BlocksBefore,
  block: Token,
  index: number,
  rewrites: TagRewrites,
): void {
  const find = commentFinder(env, block.map?.[0] ?? 0, block.map?.[1] ?? env.lines.length);
  for (const comment of blocks.piece(block).comments) {
    const read = readAttributeComment(env, comment.text, () => find(comment.text));
    if (read?.slide) toSlide(block, read.slide);
    if (!read?.element) continue;
    const inPiece = comment.previous ?? comment.parent;
    const target = inPiece ? { token: block, tagStart: inPiece.start } : blocks.targetAbove(index);
    if (target) apply(target, read.element.attributes, rewrites);
    else toSlide(block, read.element);
  }
}

function attributeCommentsRule(state: StateCore): void {
  const env = envOf(state);
  const tokens = state.tokens;
  const blocks = new BlocksBefore(env, tokens);
  const rewrites = new TagRewrites();
  // The lines of the last token that has them: a table cell's inline token has none, its row has.
  let line = 0;
  let endLine = env.lines.length;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) [line, endLine] = token.map;
    if (token.type === 'html_block' && token.content.includes('<!--')) {
      commentsInRawHtml(env, blocks, token, i, rewrites);
      continue;
    }
    if (token.type === 'deck_comment') {
      const read = readAttributeComment(env, token.content, () => locate(env, line, token.content.split('\n')[0]));
      if (read?.slide) toSlide(token, read.slide);
      if (!read?.element) continue;
      const target = blocks.targetAbove(i);
      if (target) apply(target, read.element.attributes, rewrites);
      else toSlide(token, read.element);
      continue;
    }
    // Comments in a paragraph are written in its text (bench row "compile": most have none).
    if (token.type !== 'inline' || !token.children || !token.content.includes('<!--')) continue;
    const find = commentFinder(env, line, endLine);
    const elements = new InlineElements();
    for (const child of token.children) {
      if (child.type !== 'deck_comment') {
        elements.read(child);
        continue;
      }
      const read = readAttributeComment(env, child.content, () => find(child.content));
      if (read?.slide) toSlide(child, read.slide);
      if (!read?.element) continue;
      const block = enclosingBlock(tokens, i);
      const target = elements.target ?? (block ? { token: block } : undefined);
      if (target) apply(target, read.element.attributes, rewrites);
      else toSlide(child, read.element);
    }
  }
  rewrites.write();
}

export function attributeComments(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_attribute_comments', attributeCommentsRule);
}
