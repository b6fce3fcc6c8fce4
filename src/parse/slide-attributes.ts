// `<!-- .slide: id="x" class="y" data-background-color="#123" -->` anywhere in a slide sets
// attributes on its <section>. The comment may span lines; it is removed from the slide's text,
// leaving its line breaks so that line numbers stay true.

import type { Attributes, Diagnostic, SourcePosition } from '../model.js';
import { mergeAttributes, parseAttributeList } from './attribute-list.js';

const COMMENT = /<!--\s*\.slide:([\s\S]*?)-->/g;
export const OPENS_SLIDE_COMMENT = /<!--\s*\.slide:/;

export interface SlideAttributeSink {
  attributes: Attributes;
  /** Where each attribute was written, for diagnostics about its value. */
  positions: Record<string, SourcePosition>;
  diagnostics: Diagnostic[];
}

/**
 * Reads and removes slide attribute comments from `text`, whose first line is source line
 * `line` of `file`.
 */
export function takeSlideAttributes(text: string, file: string, line: number, sink: SlideAttributeSink): string {
  if (!text.includes('.slide:')) return text;
  const positionOf = (offset: number): SourcePosition => {
    const before = text.slice(0, offset);
    const newlines = before.split('\n').length - 1;
    return { line: line + newlines, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  };
  return text.replace(COMMENT, (comment, list: string, offset: number) => {
    const parsed = parseAttributeList(list);
    mergeAttributes(sink.attributes, parsed.attributes);
    const listOffset = offset + comment.indexOf(list);
    for (const [name, at] of Object.entries(parsed.offsets)) sink.positions[name] = positionOf(listOffset + at);
    for (const problem of parsed.problems) {
      sink.diagnostics.push({
        severity: 'error',
        message: `slide attribute comment: ${problem.message}`,
        file,
        ...positionOf(listOffset + problem.offset),
      });
    }
    return '\n'.repeat(comment.split('\n').length - 1);
  });
}
