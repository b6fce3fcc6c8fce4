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
import { readHtml, rewriteStartTags } from './html-tags.js';
import { openingIndex, openingToken } from './tokens.js';

const ELEMENT_COMMENT = /^<!--\s*\{?\s*\.element(?:\s*:|\s)([\s\S]*?)\}?\s*-->$/;
const SLIDE_COMMENT = /^<!--\s*\{?\s*\.slide:([\s\S]*?)\}?\s*-->$/;

/** What an attribute comment gives its slide, with where each attribute was written. */
export interface SlideAttributes {
  attributes: Attributes;
  positions: Record<string, SourcePosition>;
}

const BOUNDARY = new Set(['slide_separator', 'slide_notes']);

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
 * What a comment written at `where()` says: the attributes of a slide comment and of an element
 * comment (problems reported); undefined for any other comment, which is not even located.
 */
function readAttributeComment(
  env: MarkdownEnv,
  text: string,
  where: () => SourcePosition,
): { slide?: SlideAttributes; element?: SlideAttributes } | undefined {
  const slide = SLIDE_COMMENT.exec(text);
  const element = ELEMENT_COMMENT.exec(text);
  if (!slide && !element) return undefined;
  const at = where();
  return {
    ...(slide ? { slide: readComment(env, text, slide[1] ?? '', at, 'slide') } : {}),
    ...(element ? { element: readComment(env, text, element[1] ?? '', at, 'element') } : {}),
  };
}

/**
 * Index of the block element a comment on a line of its own belongs to: the one above it at the
 * same level, or the element that contains it; -1 at the start of a slide.
 */
function blockAbove(env: MarkdownEnv, tokens: readonly Token[], index: number): number {
  const comment = tokens[index]!;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (BOUNDARY.has(token.type)) return -1;
    if (token.level < comment.level) return i;
    if (token.level > comment.level || token.type === 'deck_comment') continue;
    if (token.nesting !== -1) return i;
    const opening = openingIndex(tokens, i);
    // reveal.js gives a comment right below a list (no blank line between) to the list's last item.
    const list = tokens[opening];
    const isList = list?.type === 'bullet_list_open' || list?.type === 'ordered_list_open';
    const commentLine = comment.map?.[0] ?? 0;
    if (list && isList && (env.lines[commentLine - 1] ?? '').trim() !== '') {
      for (let j = i - 1; j > opening; j--) {
        if (tokens[j]!.type === 'list_item_open' && tokens[j]!.level === list.level + 1) return j;
      }
    }
    return opening;
  }
  return -1;
}

/** The block an inline token belongs to; a tight list's hidden paragraph yields its list item. */
function enclosingBlock(tokens: readonly Token[], inlineIndex: number): Token | undefined {
  for (let i = inlineIndex - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.nesting === 1 && !token.hidden) return token;
    if (token.nesting === -1 || BOUNDARY.has(token.type)) return undefined;
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

function apply(target: Target, attributes: Attributes): void {
  const { token, tagStart } = target;
  if (tagStart === undefined) {
    setAttributes(token, attributes);
    return;
  }
  token.content = rewriteStartTags(token.content, (tag) => {
    if (tag.start !== tagStart) return undefined;
    const merged = { ...tag.attributes };
    mergeAttributes(merged, attributes);
    return merged;
  });
}

const CLOSING_TAG = /^<\/\s*([a-z][a-z0-9-]*)/i;
const OPENING_TAG = /^<([a-z][a-z0-9-]*)/i;

/** The earlier inline raw HTML tag that opened the element closed at `children[index]`. */
function openingHtml(children: readonly Token[], index: number, name: string): Token | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const token = children[i]!;
    if (token.type !== 'html_inline') continue;
    if (CLOSING_TAG.exec(token.content)?.[1]?.toLowerCase() === name) depth++;
    else if (OPENING_TAG.exec(token.content)?.[1]?.toLowerCase() === name && depth-- === 0) return token;
  }
  return undefined;
}

/** The element `children[index]` is or closes, as a target; undefined for raw HTML that is no element. */
function inlineTarget(children: readonly Token[], index: number): Target | undefined {
  const token = children[index]!;
  if (token.type === 'html_inline') {
    // A start tag before the comment: the element it opens (an image), or the one it is in.
    const closing = CLOSING_TAG.exec(token.content)?.[1]?.toLowerCase();
    const opener = closing ? openingHtml(children, index, closing) : token;
    return opener && OPENING_TAG.test(opener.content) ? { token: opener, tagStart: 0 } : undefined;
  }
  if (token.nesting === -1) {
    const opening = openingToken(children, index);
    return opening ? { token: opening } : undefined;
  }
  return token.nesting === 0 ? { token } : undefined;
}

/**
 * The element a block of raw HTML ends with: its last top-level start tag; for a block that only
 * closes an element (`</div>`), the start tag in the earlier block of the slide that opened it;
 * for a closing tag that closes nothing (the page ignores it), the element above.
 */
function lastElementOf(env: MarkdownEnv, tokens: readonly Token[], index: number): Target | undefined {
  const block = tokens[index]!;
  const last = readHtml(block.content)
    .tags.filter((tag) => tag.depth === 0)
    .pop();
  if (last) return { token: block, tagStart: last.start };
  const closing = CLOSING_TAG.exec(block.content.trim())?.[1]?.toLowerCase();
  if (!closing) return undefined;
  for (let i = index - 1; i >= 0 && !BOUNDARY.has(tokens[i]!.type); i--) {
    const earlier = tokens[i]!;
    if (earlier.type !== 'html_block' || earlier.level !== block.level) continue;
    const opened = readHtml(earlier.content)
      .unclosed.filter((tag) => tag.name === closing)
      .pop();
    if (opened) return { token: earlier, tagStart: opened.start };
  }
  return blockTarget(env, tokens, blockAbove(env, tokens, index));
}

/** The target of an element comment on a line of its own, given the index of the block above it. */
function blockTarget(env: MarkdownEnv, tokens: readonly Token[], index: number): Target | undefined {
  const block = tokens[index];
  if (!block) return undefined;
  return block.type === 'html_block' ? lastElementOf(env, tokens, index) : { token: block };
}

/** Attribute comments inside a block of raw HTML, applied as reveal.js applies them in the page. */
function commentsInRawHtml(env: MarkdownEnv, tokens: readonly Token[], index: number): void {
  const block = tokens[index]!;
  const find = commentFinder(env, block.map?.[0] ?? 0, block.map?.[1] ?? env.lines.length);
  const targets: { target: Target; attributes: Attributes }[] = [];
  for (const comment of readHtml(block.content).comments) {
    const read = readAttributeComment(env, comment.text, () => find(comment.text));
    if (read?.slide) toSlide(block, read.slide);
    if (!read?.element) continue;
    const inPiece = comment.previous ?? comment.parent;
    const target = inPiece
      ? { token: block, tagStart: inPiece.start }
      : blockTarget(env, tokens, blockAbove(env, tokens, index));
    if (target) targets.push({ target, attributes: read.element.attributes });
    else toSlide(block, read.element);
  }
  // Last first: rewriting a start tag moves the offsets of the tags after it.
  for (const { target, attributes } of targets.reverse()) apply(target, attributes);
}

function attributeCommentsRule(state: StateCore): void {
  const env = envOf(state);
  const tokens = state.tokens;
  // The lines of the last token that has them: a table cell's inline token has none, its row has.
  let line = 0;
  let endLine = env.lines.length;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) [line, endLine] = token.map;
    if (token.type === 'html_block' && token.content.includes('<!--')) {
      commentsInRawHtml(env, tokens, i);
      continue;
    }
    if (token.type === 'deck_comment') {
      const read = readAttributeComment(env, token.content, () => locate(env, line, token.content.split('\n')[0]));
      if (read?.slide) toSlide(token, read.slide);
      if (!read?.element) continue;
      const target = blockTarget(env, tokens, blockAbove(env, tokens, i));
      if (target) apply(target, read.element.attributes);
      else toSlide(token, read.element);
      continue;
    }
    if (token.type !== 'inline' || !token.children) continue;
    const children = token.children;
    const find = commentFinder(env, line, endLine);
    /** The last child that is an element (or ends one): what a comment after it is about. */
    let lastElement = -1;
    for (let c = 0; c < children.length; c++) {
      const child = children[c]!;
      if (child.type !== 'deck_comment') {
        if (!isInlineFiller(child)) lastElement = c;
        continue;
      }
      const read = readAttributeComment(env, child.content, () => find(child.content));
      if (read?.slide) toSlide(child, read.slide);
      if (!read?.element) continue;
      const block = enclosingBlock(tokens, i);
      const target =
        (lastElement >= 0 ? inlineTarget(children, lastElement) : undefined) ?? (block ? { token: block } : undefined);
      if (target) apply(target, read.element.attributes);
      else toSlide(child, read.element);
    }
  }
}

export function attributeComments(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_attribute_comments', attributeCommentsRule);
}
