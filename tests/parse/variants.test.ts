// Variants: front matter `variants:` names versions of the talk by length; a slide marked
// `data-variant` is in those variants only. Every mistake is an error at its own line and column.

import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/model.js';
import { selectVariant } from '../../src/parse/variants.js';
import { renderDeck } from '../../src/render/index.js';
import { brief, parse, REPO } from '../helpers.js';

const COURSES = 'tests/fixtures/courses';

const headings = (html: string) => [...html.matchAll(/<h[12]>(.*?)<\/h[12]>/g)].map((match) => match[1]);

describe('variants', () => {
  it('make one deck per variant, each with its own slides, title and duration', async () => {
    const result = await compileDecks([`${COURSES}/variants.md`], REPO);
    expect(result.diagnostics).toEqual([]);
    const [short, full] = result.decks;
    expect([short!.name, short!.variant, short!.rendered.meta.title]).toEqual([
      'variants-short',
      'short',
      'Giving feedback in twenty minutes',
    ]);
    expect([full!.name, full!.variant, full!.rendered.meta.title]).toEqual([
      'variants-full',
      'full',
      'Giving feedback',
    ]);
    expect(headings(short!.rendered.sectionsHtml)).toEqual([
      'Giving feedback',
      'What good feedback sounds like',
      'The short version in one line',
      'Questions',
    ]);
    expect(headings(full!.rendered.sectionsHtml)).toEqual([
      'Giving feedback',
      'Why feedback fails',
      'What good feedback sounds like',
      'Questions',
    ]);
    expect(full!.rendered.sectionsHtml).not.toContain('data-variant');
  });

  it('keep the stacks of the slides they keep: a stack whose top is left out is headed by the next slide of it', async () => {
    const [short, full] = (await compileDecks([`${COURSES}/variants.md`], REPO)).decks;
    const places = (deck: typeof short) => deck!.rendered.slides.map((slide) => `${slide.h}.${slide.v}`);
    expect(places(short)).toEqual(['0.0', '1.0', '2.0', '3.0']);
    expect(places(full)).toEqual(['0.0', '1.0', '1.1', '2.0']);
  });

  it('plan the time of each variant over its own duration', async () => {
    const [short, full] = (await compileDecks([`${COURSES}/variants.md`], REPO)).decks;
    const total = (deck: typeof short) => deck!.rendered.slides.reduce((sum, slide) => sum + (slide.timing ?? 0), 0);
    expect(total(short)).toBe(20 * 60);
    expect(total(full)).toBe(45 * 60);
    expect(short!.rendered.meta.duration).toBe(20);
  });

  it('make the variant asked for only, and say so at the variants line for a name the deck lacks', async () => {
    const one = await compileDecks([`${COURSES}/variants.md`], REPO, { variant: 'full' });
    expect(one.decks.map((deck) => deck.name)).toEqual(['variants-full']);
    const slip = await compileDecks([`${COURSES}/variants.md`], REPO, { variant: 'shrot' });
    expect(slip.diagnostics.map(formatDiagnostic)).toEqual([
      `${COURSES}/variants.md:4:1: error: --variant shrot: this deck has no such variant; did you mean "short"? its variants: short, full`,
    ]);
    expect(slip.decks).toEqual([]);
    // A deck without variants is the same in every variant of a course: it is made whole.
    const none = await compileDecks([`${COURSES}/course.md`], REPO, { variant: 'short' });
    expect(none.diagnostics.filter((d) => d.message.includes('--variant'))).toEqual([]);
    expect(none.decks.map((deck) => [deck.name, deck.rendered.slides.length])).toEqual([['course', 4]]);
  });

  it('report every mistake in variants and in slide marks at its place, once for all variants', async () => {
    const result = await compileDecks([`${COURSES}/variants-bad.md`], REPO);
    const known = "this deck's variants: short, long, empty";
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${COURSES}/variants-bad.md:4:25: error: unknown key "titel" in variant "short"; did you mean "title"? a variant has duration and title`,
      `${COURSES}/variants-bad.md:5:20: error: variant "long" duration must be a number of minutes, or a length such as "90 min", "2 hours" or "1:30"`,
      `${COURSES}/variants-bad.md:6:3: error: variant name "two words" must be letters, digits, "-" and "_" (it becomes part of a folder name)`,
      `${COURSES}/variants-bad.md:12:28: error: unknown variant "shrt"; did you mean "short"? ${known}`,
      `${COURSES}/variants-bad.md:18:34: error: unknown variant "nobody"; ${known}`,
      `${COURSES}/variants-bad.md:23:14: error: data-variant names no variant; name one or more of: short, long, empty`,
    ]);
  });

  it('are an error on a slide of a deck that has none', async () => {
    const result = await compileDecks([`${COURSES}/variants-none.md`], REPO);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${COURSES}/variants-none.md:5:14: error: data-variant marks a slide for a variant, but this deck has none: name them in its front matter, e.g. variants: {short: {duration: 20}, full: {duration: 45}}`,
    ]);
  });

  it('must be a map of names, each to a map or to nothing', () => {
    const problems = (variants: string) => brief(parse(`---\nvariants: ${variants}\n---\n\n# T\n`).diagnostics);
    const shape =
      'front matter "variants" must map each variant\'s name to its duration, e.g. variants: {short: {duration: 20}, full: {duration: 45}}';
    expect(problems('short')).toEqual([`2:11 error ${shape}`]);
    expect(problems('[short, full]')).toEqual([`2:11 error ${shape}`]);
    expect(problems('{}')).toEqual([`2:11 error ${shape}`]);
    expect(problems('{short: 20}')).toEqual([
      '2:19 error variant "short" must be a map such as {duration: 20, title: "…"}',
    ]);
    expect(problems('{short: {title: ""}}')).toEqual(['2:27 error variant "short" title must be text']);
    expect(problems('{short: {}, Short: {}}')).toEqual(['2:23 error variant "Short" is named twice']);
    expect(problems('{short: , full: {duration: "1:30"}}')).toEqual([]);
    expect(parse('---\nvariants: {short: , full: {duration: "1:30"}}\n---\n\n# T\n').meta.variants).toEqual([
      { name: 'short', line: 2, column: 12 },
      { name: 'full', line: 2, column: 21, duration: 90, durationLine: 2 },
    ]);
  });

  it('is named "variants": "variant" in front matter is an unknown key with a hint', () => {
    expect(brief(parse('---\nvariant: short\n---\n\n# T\n').diagnostics)[0]).toMatch(
      /^2:1 error unknown front matter key "variant"; did you mean "variants"\?/,
    );
  });

  it('say a variant that ends up with no slides at its name', () => {
    const deck = parse(
      '---\nvariants:\n  short: {duration: 5}\n  full: {duration: 9}\n---\n\n<!-- .slide: data-variant="full" -->\n# Only full\n',
    );
    expect(brief(deck.diagnostics)).toEqual([
      '3:3 error variant "short" has no slides: every slide is marked for other variants',
    ]);
  });

  it('selectVariant takes the deck of one variant from a parsed deck, as any command may', () => {
    const deck = parse(
      '---\nduration: 10\nvariants: {short: {duration: 2}, full: {}}\n---\n\n# One\n\nNote: a\n\n---\n\n<!-- .slide: data-variant="full" -->\n## Two\n\nNote: b\n',
    );
    const short = selectVariant(deck, 'short');
    expect(short.slides.map((slide) => slide.index)).toEqual([0]);
    expect(short.meta).toMatchObject({ duration: 2, variant: 'short' });
    expect(short.metaLines.duration).toBe(3);
    const full = renderDeck(selectVariant(deck, 'full'));
    expect(full.meta.duration).toBe(10);
    expect(full.slides.map((slide) => slide.timing)).toEqual([300, 300]);
    expect(deck.slides).toHaveLength(2);
  });
});
