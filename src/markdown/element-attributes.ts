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
import { rewriteStartTags, startTags } from './html-tags.js';
import { openingToken } from './tokens.js';

const ELEMENT_COMMENT = /^<!--\s*\{?\s*\.element(?:\s*:|\s)([\s\S]*?)\}?\s*-->$/;
const SLIDE_COMMENT = /^<!--\s*\{?\s*\.slide:([\s\S]*?)\}?\s*-->$/;

/** What an attribute comment gives its slide, with where each attribute was written. */
export interface SlideAttributes {
  attributes: Attributes;
  positions: Record<string, SourcePosition>;
}

const BOUNDARY = new Set(['slide_separator', 'slide_notes']);

/**
 * Reads the attribute list of a comment found from 0-based line `line` on. Problems become
 * diagnostics at the attribute's own line and column in a slide comment, at the comment itself in
 * an element comment.
 */
function readComment(env: MarkdownEnv, comment: Token, list: string, line: number, kind: string): SlideAttributes {
  const parsed = parseAttributeList(list);
  // The comment as written starts where its first line is found; the list follows in it.
  const where = locate(env, line, comment.content.split('\n')[0]);
  const listOffset = comment.content.indexOf(list);
  const positionAt = (offset: number): SourcePosition => {
    const before = comment.content.slice(0, listOffset + offset);
    const breaks = before.split('\n');
    return breaks.length === 1
      ? { line: where.line, column: where.column + before.length }
      : { line: where.line + breaks.length - 1, column: (breaks[breaks.length - 1]?.length ?? 0) + 1 };
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

/** Gives the comment's attributes to its slide. */
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
 * The block element a comment on a line of its own belongs to: the one above it at the same level,
 * or the element that contains it; undefined at the start of a slide.
 */
function blockAbove(env: MarkdownEnv, tokens: readonly Token[], index: number): Token | undefined {
  const comment = tokens[index]!;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (BOUNDARY.has(token.type)) return undefined;
    if (token.level < comment.level) return token;
    if (token.level > comment.level || token.type === 'deck_comment') continue;
    if (token.nesting === 0) return token;
    if (token.nesting === 1) return token;
    const opening = openingToken(tokens, i);
    // reveal.js gives a comment right below a list (no blank line between) to the list's last item.
    const isList = opening?.type === 'bullet_list_open' || opening?.type === 'ordered_list_open';
    const commentLine = comment.map?.[0] ?? 0;
    if (isList && (env.lines[commentLine - 1] ?? '').trim() !== '') {
      for (let j = i - 1; j >= 0; j--) {
        if (tokens[j]!.type === 'list_item_open' && tokens[j]!.level === opening.level + 1) return tokens[j];
      }
    }
    return opening;
  }
  return undefined;
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

/** The element before an inline comment among its siblings; undefined when there is none. */
function elementBefore(children: readonly Token[], index: number): Token | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const token = children[i]!;
    if (isInlineFiller(token)) continue;
    if (token.nesting === -1) return openingToken(children, i);
    if (token.nesting === 0 && token.type !== 'html_inline') return token;
    // Inline raw HTML is a tag, not an element: the comment goes to the block around it.
    return undefined;
  }
  return undefined;
}

/** Applies attributes to a block element: raw HTML gets them on its last top-level element. */
function applyToBlock(token: Token, attributes: Attributes): void {
  if (token.type !== 'html_block') {
    setAttributes(token, attributes);
    return;
  }
  const last = startTags(token.content)
    .filter((tag) => tag.depth === 0)
    .pop();
  if (!last) return;
  token.content = rewriteStartTags(token.content, (tag) => {
    if (tag.start !== last.start) return undefined;
    const merged = { ...tag.attributes };
    mergeAttributes(merged, attributes);
    return merged;
  });
}

function attributeCommentsRule(state: StateCore): void {
  const env = envOf(state);
  const tokens = state.tokens;
  let line = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) line = token.map[0];
    if (token.type === 'deck_comment') {
      const slide = SLIDE_COMMENT.exec(token.content);
      if (slide) toSlide(token, readComment(env, token, slide[1] ?? '', line, 'slide'));
      const element = ELEMENT_COMMENT.exec(token.content);
      if (!element) continue;
      const read = readComment(env, token, element[1] ?? '', line, 'element');
      const target = blockAbove(env, tokens, i);
      if (target) applyToBlock(target, read.attributes);
      else toSlide(token, read);
      continue;
    }
    if (token.type !== 'inline' || !token.children) continue;
    const children = token.children;
    for (let c = 0; c < children.length; c++) {
      const child = children[c]!;
      if (child.type !== 'deck_comment') continue;
      const slide = SLIDE_COMMENT.exec(child.content);
      if (slide) toSlide(child, readComment(env, child, slide[1] ?? '', line, 'slide'));
      const element = ELEMENT_COMMENT.exec(child.content);
      if (!element) continue;
      const read = readComment(env, child, element[1] ?? '', line, 'element');
      const target = elementBefore(children, c) ?? enclosingBlock(tokens, i);
      if (target) setAttributes(target, read.attributes);
      else toSlide(child, read);
    }
  }
}

export function attributeComments(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_attribute_comments', attributeCommentsRule);
}
