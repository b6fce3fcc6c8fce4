// What a presenter needs to know of a slide besides its HTML: its title, and how many steps its
// fragments take. `deck present` steps through the talk on the server, without a browser.

import type { ParentNode } from 'domhandler';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import type { Token } from 'markdown-it';

/** The text of the slide's first heading, as it reads (no Markdown marks); '' without one. */
export function slideTitle(tokens: readonly Token[]): string {
  const start = tokens.findIndex((token) => token.type === 'heading_open');
  const inline = start < 0 ? undefined : tokens[start + 1];
  if (inline?.type !== 'inline') return '';
  const text = (inline.children ?? [])
    .map((child) =>
      child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : '',
    )
    .join('');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The fragment steps of a slide's HTML, counted as reveal.js sorts fragments: the elements that
 * share a `data-fragment-index` are one step, and each fragment without one is a step of its own.
 */
export function fragmentSteps(html: string): number {
  const indices = new Set<number>();
  let unnumbered = 0;
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (!attributes.class?.split(/\s+/).includes('fragment')) return;
      const index = attributes['data-fragment-index'];
      if (index === undefined) {
        unnumbered++;
        return;
      }
      // reveal.js reads the index with parseInt and files it in an array: only array positions count.
      const number = Number.parseInt(index, 10);
      if (Number.isInteger(number) && number >= 0 && number < 2 ** 32 - 1) indices.add(number);
    },
  });
  parser.write(html);
  parser.end();
  return indices.size + unnumbered;
}

/** An element reveal.js reads as speaker notes: `aside.notes`, at any depth of the slide. */
const isNoteAside = (node: Parameters<typeof DomUtils.isTag>[0]) =>
  DomUtils.isTag(node) && node.name === 'aside' && (node.attribs.class ?? '').split(/\s+/).includes('notes');

/** Raw HTML text is written back as it was read: no entity is decoded or encoded on the way. */
const AS_WRITTEN = { decodeEntities: false } as const;

/**
 * The speaker notes an author wrote as `<aside class="notes">` in a slide's own HTML, which
 * reveal.js shows as notes too: their content, and the slide's HTML without them.
 */
export function splitNoteAsides(html: string): { html: string; notes: string[] } {
  if (!/<aside\b/i.test(html)) return { html, notes: [] };
  const document = parseDocument(html, AS_WRITTEN);
  const insideAnother = (node: ParentNode | null): boolean =>
    node !== null && (isNoteAside(node) || insideAnother(node.parent));
  // An aside inside another is part of that one's notes.
  const asides = DomUtils.findAll(isNoteAside, document.children).filter((aside) => !insideAnother(aside.parent));
  if (asides.length === 0) return { html, notes: [] };
  const notes = asides.map((aside) => DomUtils.getInnerHTML(aside, AS_WRITTEN));
  for (const aside of asides) DomUtils.removeElement(aside);
  return { html: DomUtils.getOuterHTML(document.children, AS_WRITTEN), notes };
}
