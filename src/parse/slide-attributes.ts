// `<!-- .slide: id="x" class="y" data-background-color="#123" -->` anywhere in a slide sets
// attributes on its <section>. The comment is removed from the slide's text.

import type { Attributes, Diagnostic } from '../model.js';
import { mergeAttributes, parseAttributeList } from './attribute-list.js';

const COMMENT = /<!--\s*\.slide:([\s\S]*?)-->/g;

/**
 * Reads and removes slide attribute comments from one line. Returns the line without them;
 * attributes go into `attributes`, problems into `diagnostics`.
 */
export function takeSlideAttributes(
  line: string,
  position: { file: string; line: number },
  attributes: Attributes,
  diagnostics: Diagnostic[],
): string {
  if (!line.includes('.slide:')) return line;
  return line.replace(COMMENT, (comment, list: string, offset: number) => {
    const parsed = parseAttributeList(list);
    mergeAttributes(attributes, parsed.attributes);
    const listOffset = offset + comment.indexOf(list);
    for (const problem of parsed.problems) {
      diagnostics.push({
        severity: 'error',
        message: `slide attribute comment: ${problem.message}`,
        file: position.file,
        line: position.line,
        column: listOffset + problem.offset + 1,
      });
    }
    return '';
  });
}
