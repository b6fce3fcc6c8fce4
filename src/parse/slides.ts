// Splits the deck's token stream into slides, as Marpit does: at `slide_separator` tokens, and at
// separators made of blank lines alone (which no block rule sees), wherever they fall between two
// blocks. A `slide_notes` token starts the slide's notes, a `slide_handout` token its text for the
// participants' handout: each section runs until the other starts or the slide ends. Attribute comments give their slide the
// attributes they carry (markdown/element-attributes.ts).

import type { Token } from 'markdown-it';
import { mergeAttributes } from '../markdown/attribute-list.js';
import type { Separator } from '../markdown/boundaries.js';
import type { SlideAttributes } from '../markdown/element-attributes.js';
import type { Attributes, SourcePosition } from '../model.js';

export interface SlideTokens {
  h: number;
  v: number;
  body: Token[];
  notes?: Token[];
  /** Text for the participants' handout only (`Handout:`). */
  handout?: Token[];
  /** 0-based line of the separator that starts the slide; undefined for the first slide. */
  separatorLine?: number;
}

export function splitSlides(tokens: readonly Token[], blankSeparators: readonly Separator[]): SlideTokens[] {
  const slides: SlideTokens[] = [];
  let current: SlideTokens = { h: 0, v: 0, body: [] };
  /** The section of the current slide tokens go to. */
  let section = current.body;
  const startSlide = (separator: { vertical: boolean; start: number }) => {
    slides.push(current);
    const h = separator.vertical ? current.h : current.h + 1;
    const v = separator.vertical ? current.v + 1 : 0;
    current = { h, v, body: [], separatorLine: separator.start };
    section = current.body;
  };
  let blank = 0;
  /** The line after the last top-level block: blank separators before it were inside it. */
  let blockEnd = 0;
  const blankSeparatorsBefore = (line: number) => {
    for (; blank < blankSeparators.length && blankSeparators[blank]!.end <= line; blank++) {
      if (blankSeparators[blank]!.start >= blockEnd) startSlide(blankSeparators[blank]!);
    }
  };
  for (const token of tokens) {
    const startsBlock = token.level === 0 && token.map !== null;
    if (startsBlock) blankSeparatorsBefore(token.map![0]);
    if (token.type === 'slide_separator') {
      startSlide({ vertical: Boolean(token.meta?.vertical), start: token.map![0] });
    } else if (token.type === 'slide_notes') {
      current.notes = [];
      section = current.notes;
    } else if (token.type === 'slide_handout') {
      current.handout = [];
      section = current.handout;
    } else {
      section.push(token);
    }
    if (startsBlock) blockEnd = Math.max(blockEnd, token.map![1]);
  }
  blankSeparatorsBefore(Number.POSITIVE_INFINITY);
  slides.push(current);
  return slides;
}

/** The attributes the slide's attribute comments give it, later ones winning (classes add up). */
export function slideAttributes(slide: SlideTokens): {
  attributes: Attributes;
  positions: Record<string, SourcePosition>;
} {
  const attributes: Attributes = {};
  const positions: Record<string, SourcePosition> = {};
  const take = (token: Token) => {
    const found = (token.meta as CommentMeta | null)?.slideAttributes;
    if (!found) return;
    mergeAttributes(attributes, found.attributes);
    Object.assign(positions, found.positions);
  };
  for (const tokens of [slide.body, slide.notes ?? [], slide.handout ?? []]) {
    for (const token of tokens) {
      take(token);
      if (token.children) for (const child of token.children) take(child);
    }
  }
  return { attributes, positions };
}

type CommentMeta = { slideAttributes?: SlideAttributes };

/** True when the slide shows nothing and says nothing: no content, no notes, no handout text, no attributes. */
export function isEmptySlide(slide: SlideTokens, attributes: Attributes): boolean {
  const isContent = (token: Token) => token.type !== 'deck_comment';
  return (
    Object.keys(attributes).length === 0 &&
    !slide.body.some(isContent) &&
    !slide.notes?.some(isContent) &&
    !slide.handout?.some(isContent)
  );
}

/** The plain text of the first heading among `tokens`, without Markdown markup. */
export function firstHeading(tokens: readonly Token[]): string | undefined {
  const index = tokens.findIndex((token) => token.type === 'heading_open');
  const inline = index < 0 ? undefined : tokens[index + 1];
  if (!inline?.children) return undefined;
  const text = inline.children
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .trim();
  return text || undefined;
}
