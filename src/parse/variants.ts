// Variants: one deck, several lengths of the talk. Front matter `variants:` names them, each with
// its own duration (and title); a slide marked `<!-- .slide: data-variant="full" -->` (names
// separated by spaces) is in those variants only, an unmarked slide in all of them.
//
// `selectVariant` makes the deck of one variant from a parsed deck: the one way every command gets
// a variant (compile/compile.ts applies it before rendering, so the pacing plan, the build, the
// handouts and the exports all see the variant's slides and duration).

import type { Deck, DeckMeta, Diagnostic, Slide, Variant } from '../model.js';
import { closestName, quoted } from '../wording.js';
import { parseFrontMatter } from './front-matter.js';
import { sourceLines } from './index.js';

export const VARIANT_ATTRIBUTE = 'data-variant';

/** The variants a slide is marked for; undefined for a slide in all of them. */
export function slideVariants(slide: Slide): string[] | undefined {
  const names = slide.attributes[VARIANT_ATTRIBUTE]?.split(/\s+/).filter(Boolean) ?? [];
  // Marked for no variant is a mistake reported as such, not a slide in none of them.
  return names.length === 0 ? undefined : names;
}

/** Whether the slide is in the variant `name`. */
export const isInVariant = (slide: Slide, name: string): boolean => slideVariants(slide)?.includes(name) ?? true;

const namesOf = (variants: readonly Variant[]) => variants.map((variant) => variant.name).join(', ');

/**
 * Problems with the variants of a parsed deck (positions in lines of its text, `lines`): a slide
 * marked for a variant the front matter does not name, or marked in a deck without variants, and a
 * variant left with no slides.
 */
export function checkVariants(
  meta: DeckMeta,
  slides: readonly Slide[],
  lines: readonly string[],
  file: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const variants = meta.variants ?? [];
  const error = (message: string, line: number, column: number) =>
    diagnostics.push({ severity: 'error', message, file, line, column });
  for (const slide of slides) {
    if (slide.attributes[VARIANT_ATTRIBUTE] === undefined) continue;
    const marked = slideVariants(slide) ?? [];
    const position = slide.attributePositions[VARIANT_ATTRIBUTE] ?? { line: slide.span.startLine, column: 1 };
    if (variants.length === 0) {
      error(
        `${VARIANT_ATTRIBUTE} marks a slide for a variant, but this deck has none: name them in its front matter, e.g. variants: {short: {duration: 20}, full: {duration: 45}}`,
        position.line,
        position.column,
      );
      continue;
    }
    if (marked.length === 0) {
      error(
        `${VARIANT_ATTRIBUTE} names no variant; name one or more of: ${namesOf(variants)}`,
        position.line,
        position.column,
      );
      continue;
    }
    const text = lines[position.line - 1] ?? '';
    let from = position.column - 1 + VARIANT_ATTRIBUTE.length;
    for (const name of marked) {
      const at = text.indexOf(name, from);
      if (at >= 0) from = at + name.length;
      if (variants.some((variant) => variant.name === name)) continue;
      const near = closestName(
        name,
        variants.map((variant) => variant.name),
      );
      error(
        `unknown variant "${quoted(name)}"; ${near ? `did you mean "${near}"? ` : ''}this deck's variants: ${namesOf(variants)}`,
        position.line,
        at >= 0 ? at + 1 : position.column,
      );
    }
  }
  for (const variant of variants) {
    if (slides.length > 0 && !slides.some((slide) => isInVariant(slide, variant.name))) {
      error(
        `variant "${variant.name}" has no slides: every slide is marked for other variants`,
        variant.line,
        variant.column,
      );
    }
  }
  return diagnostics;
}

/**
 * Why `name` (given on the command line) is not a variant of the deck, said at its `variants:`
 * line; undefined when it is one, and for a deck without variants, which is the same in every
 * variant of a course and is made whole.
 */
export function unknownVariant(deck: Deck, name: string): Diagnostic | undefined {
  const variants = deck.meta.variants ?? [];
  if (variants.length === 0 || variants.some((variant) => variant.name === name)) return undefined;
  const near = closestName(
    name,
    variants.map((variant) => variant.name),
  );
  return {
    severity: 'error',
    message: `--variant ${quoted(name)}: this deck has no such variant; ${near ? `did you mean "${near}"? ` : ''}its variants: ${namesOf(variants)}`,
    file: deck.file,
    line: deck.metaLines.variants ?? 1,
    column: 1,
  };
}

/**
 * The deck of the variant `name` (one of its variants): its slides, numbered and stacked again,
 * its duration and title, and `meta.variant` set.
 */
export function selectVariant(deck: Deck, name: string): Deck {
  const variant = deck.meta.variants?.find((candidate) => candidate.name === name);
  if (!variant) throw new Error(`selectVariant: the deck has no variant "${name}"`);
  const slides: Slide[] = [];
  let h = -1;
  let lastH: number | undefined;
  for (const slide of deck.slides) {
    if (!isInVariant(slide, name)) continue;
    // A stack keeps the slides of it that are in the variant; its first one kept heads it.
    const newStack = slide.h !== lastH;
    lastH = slide.h;
    if (newStack) h += 1;
    const previous = slides[slides.length - 1];
    const v = newStack || !previous ? 0 : previous.v + 1;
    const { [VARIANT_ATTRIBUTE]: _, ...attributes } = slide.attributes;
    slides.push({ ...slide, index: slides.length, h, v, attributes });
  }
  const meta: DeckMeta = { ...deck.meta, variant: name };
  if (variant.duration !== undefined) meta.duration = variant.duration;
  if (variant.title !== undefined) meta.title = variant.title;
  const metaLines = { ...deck.metaLines };
  if (variant.durationLine !== undefined) metaLines.duration = variant.durationLine;
  return { ...deck, meta, metaLines, slides };
}

/** The names of the variants a deck's front matter gives (none when it gives none, or has errors). */
export function variantNames(source: string, file: string): string[] {
  return parseFrontMatter(sourceLines(source), file).values.variants?.map((variant) => variant.name) ?? [];
}
