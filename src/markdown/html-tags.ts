// Start tags of raw HTML, read with a real HTML parser (htmlparser2, as the sanitizer uses) and
// rewritten one at a time. Raw HTML in Markdown comes in pieces (`<div class="r-stack">` in one
// block, its `</div>` in another), so the text around a rewritten tag is kept exactly as written.

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

/** The start tags of `html`, in order. */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tags.push({ name, attributes: { ...attributes }, start: parser.startIndex, end: parser.endIndex + 1, depth });
        depth += 1;
      },
      onclosetag() {
        depth = Math.max(depth - 1, 0);
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return tags;
}

export function renderStartTag(tag: StartTag, original: string): string {
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
