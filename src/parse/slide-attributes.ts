// `<!-- .slide: id="x" class="y" data-background-color="#123" -->` anywhere in a slide sets
// attributes on its <section>. The comment may span lines; it is removed from the slide's text,
// leaving its line breaks so that line numbers stay true.

import type { Attributes, Diagnostic, SourcePosition } from '../model.js';
import { mergeAttributes, parseAttributeList } from './attribute-list.js';
import { maskCodeSpans } from './lines.js';

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
  // Comment markers inside inline code are code: look for comments in the text with code masked.
  const masked = maskCodeSpans(text);
  let result = '';
  let last = 0;
  for (const match of masked.matchAll(COMMENT)) {
    const offset = match.index;
    const comment = text.slice(offset, offset + match[0].length);
    const listStart = match[0].indexOf(match[1] ?? '');
    result +=
      text.slice(last, offset) +
      replace(comment, comment.slice(listStart, listStart + (match[1] ?? '').length), offset);
    last = offset + comment.length;
  }
  return result + text.slice(last);

  function replace(comment: string, list: string, offset: number): string {
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
    const breaks = comment.split('\n').length - 1;
    // After other text on its line, blanks keep the columns of what follows true; at the start of
    // a line they would indent it into a code block, so there the comment simply goes.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const afterText = breaks === 0 && text.slice(lineStart, offset).trim() !== '';
    return afterText ? ' '.repeat(comment.length) : '\n'.repeat(breaks);
  }
}
