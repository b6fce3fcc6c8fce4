// `<!-- .element: class="fragment" data-fragment-index="1" -->` sets attributes on the element
// it follows, as reveal.js's Markdown plugin does: on the same line, the closest element before
// it in the same parent (a **strong**, an image, a link), else the parent itself (the list item,
// paragraph or heading); on a line of its own, the block above. With nothing before it, the slide.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Attributes } from '../../model.js';
import { mergeAttributes, parseAttributeList } from '../../parse/attribute-list.js';
import { envOf, type RenderEnv, report } from '../env.js';
import { openingToken } from '../tokens.js';

const ELEMENT_COMMENT = /^<!--\s*\.element:([\s\S]*?)-->$/;

function applyAttributes(token: Token | undefined, attributes: Attributes, env: RenderEnv): void {
  if (!token) {
    mergeAttributes(env.sectionAttributes, attributes);
    return;
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      token.attrJoin('class', value);
    } else {
      token.attrSet(name, value);
    }
  }
}

/** The element before `index` among siblings, or the parent; `undefined` at the top level. */
function previousElement(tokens: readonly Token[], index: number, skip: (token: Token) => boolean): Token | undefined {
  const level = tokens[index]!.level;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.level < level) return token;
    if (token.level > level || skip(token)) continue;
    if (token.nesting === -1) return openingToken(tokens, i);
    if (token.nesting === 0) return token;
  }
  return undefined;
}

/** The block an inline token belongs to; a tight list's hidden paragraph yields its list item. */
function enclosingBlock(tokens: readonly Token[], inlineIndex: number): Token | undefined {
  for (let i = inlineIndex - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.nesting === 1 && !token.hidden) return token;
    if (token.nesting === -1) return undefined;
  }
  return undefined;
}

const isInlineFiller = (t: Token) =>
  t.type === 'text' || t.type === 'softbreak' || t.type === 'hardbreak' || t.type === 'deck_comment';

function elementAttributesRule(state: StateCore): void {
  const env = envOf(state);
  const tokens = state.tokens;
  const read = (comment: Token, fromLine: number): Attributes | undefined => {
    const match = ELEMENT_COMMENT.exec(comment.content);
    if (!match) return undefined;
    const parsed = parseAttributeList(match[1] ?? '');
    for (const problem of parsed.problems) {
      report(env, 'error', `element attribute comment: ${problem.message}`, fromLine, comment.content);
    }
    return parsed.attributes;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'deck_comment') {
      const attributes = read(token, token.map?.[0] ?? 0);
      if (!attributes) continue;
      const target = previousElement(tokens, i, (t) => t.type === 'deck_comment');
      applyAttributes(target, attributes, env);
      continue;
    }
    if (token.type !== 'inline' || !token.children) continue;
    const children = token.children;
    for (let c = 0; c < children.length; c++) {
      const child = children[c]!;
      if (child.type !== 'deck_comment') continue;
      const attributes = read(child, token.map?.[0] ?? 0);
      if (!attributes) continue;
      const target = previousElement(children, c, isInlineFiller);
      applyAttributes(target ?? enclosingBlock(tokens, i), attributes, env);
    }
  }
}

export function elementAttributes(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_element_attributes', elementAttributesRule);
}
