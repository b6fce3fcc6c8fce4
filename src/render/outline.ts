// What a presenter needs to know of a slide besides its HTML: its title, and how many steps its
// fragments take. `deck present` steps through the talk on the server, without a browser.

import { Parser } from 'htmlparser2';
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
