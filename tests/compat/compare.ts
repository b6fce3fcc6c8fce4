// Slide-by-slide comparison of two decks' models, as a list of differences a person can read.
//
// Slides are paired by content before they are compared, so that one missing split shows as one
// missing slide, not as every later slide being different: the longest run of slides with the
// same first heading (else the start of their text) is paired first, and the slides left between
// two pairs are paired in order; what is still left is a slide only one side has.

import type { SlideModel } from './slide-model.js';

export type Field = Exclude<keyof SlideModel, 'h' | 'v'> | 'position' | 'slide' | 'build';

export interface Difference {
  deck: string;
  /** The slide as `h.v` on the reference side (ours when the reference has no such slide). */
  slide: string;
  field: Field;
  reference: string;
  ours: string;
}

const FIELDS: Exclude<Field, 'position' | 'slide' | 'build'>[] = [
  'stack',
  'attributes',
  'headings',
  'text',
  'notes',
  'fragments',
  'elements',
  'media',
  'links',
  'code',
  'codeText',
  'blocks',
];

const position = (slide: SlideModel) => `${slide.h}.${slide.v}`;
const key = (slide: SlideModel) => slide.headings[0] ?? slide.text.slice(0, 60);

function show(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '(none)' : value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => String(item)).join('\n');
  if (value && typeof value === 'object') {
    if (Object.keys(value).length === 0) return '(none)';
    return Object.entries(value)
      .map(([name, v]) => `${name}="${String(v)}"`)
      .join(' ');
  }
  return String(value);
}

function summary(slide: SlideModel): string {
  const text = slide.text.length > 80 ? `${slide.text.slice(0, 77)}...` : slide.text;
  return `${position(slide)} "${text}"`;
}

/** Pairs of indices (reference, ours) of slides with equal keys, longest common subsequence first. */
function matchByKey(reference: SlideModel[], ours: SlideModel[]): [number, number][] {
  const rows = reference.length;
  const columns = ours.length;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      table[i]![j] =
        key(reference[i]!) === key(ours[j]!)
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < rows && j < columns; ) {
    if (key(reference[i]!) === key(ours[j]!)) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Reference and ours slides side by side; `undefined` where one side has no such slide. */
export function alignSlides(
  reference: SlideModel[],
  ours: SlideModel[],
): [SlideModel | undefined, SlideModel | undefined][] {
  const aligned: [SlideModel | undefined, SlideModel | undefined][] = [];
  let i = 0;
  let j = 0;
  const fillGap = (untilI: number, untilJ: number) => {
    while (i < untilI && j < untilJ) aligned.push([reference[i++], ours[j++]]);
    while (i < untilI) aligned.push([reference[i++], undefined]);
    while (j < untilJ) aligned.push([undefined, ours[j++]]);
  };
  for (const [a, b] of matchByKey(reference, ours)) {
    fillGap(a, b);
    aligned.push([reference[i++], ours[j++]]);
  }
  fillGap(reference.length, ours.length);
  return aligned;
}

/** Our pacing adds data-timing to every slide of a deck with a duration: count it only where the reference has one. */
function withoutOurTiming(ours: SlideModel, reference: SlideModel): SlideModel {
  if (reference.attributes['data-timing'] !== undefined || ours.attributes['data-timing'] === undefined) return ours;
  const { 'data-timing': _ours, ...attributes } = ours.attributes;
  return { ...ours, attributes };
}

export function compareDecks(deck: string, reference: SlideModel[], ours: SlideModel[]): Difference[] {
  const differences: Difference[] = [];
  // A slide's position follows from the slides before it: it is reported only where the offset
  // between the two sides changes without a missing or extra slide to explain it.
  let offset = '0.0';
  let explained = false;
  for (const [left, right] of alignSlides(reference, ours)) {
    if (!left || !right) {
      const only = (left ?? right)!;
      differences.push({
        deck,
        slide: position(only),
        field: 'slide',
        reference: left ? summary(left) : '(no such slide)',
        ours: right ? summary(right) : '(no such slide)',
      });
      explained = true;
      continue;
    }
    const mine = withoutOurTiming(right, left);
    const here = `${mine.h - left.h}.${mine.v - left.v}`;
    if (here !== offset && !explained) {
      differences.push({
        deck,
        slide: position(left),
        field: 'position',
        reference: position(left),
        ours: position(mine),
      });
    }
    offset = here;
    explained = false;
    for (const field of FIELDS) {
      // A stack's size is reported once, at its first slide, not at every slide in it.
      if (field === 'stack' && left.v > 0 && mine.v > 0) continue;
      const a = show(left[field]);
      const b = show(mine[field]);
      if (a !== b) differences.push({ deck, slide: position(left), field, reference: a, ours: b });
    }
  }
  return differences;
}

/** Where two texts first part, to show the interesting bit of a long field. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + 80);
  const body = text.slice(start, end).replace(/\n/g, '⏎');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** The lines only one side has, in order: `- ` reference, `+ ` ours (a longest-common-subsequence diff). */
function lineDiff(reference: string[], ours: string[]): string[] {
  const table: number[][] = Array.from({ length: reference.length + 1 }, () =>
    new Array<number>(ours.length + 1).fill(0),
  );
  for (let i = reference.length - 1; i >= 0; i--) {
    for (let j = ours.length - 1; j >= 0; j--) {
      table[i]![j] =
        reference[i] === ours[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < reference.length || j < ours.length) {
    if (i < reference.length && j < ours.length && reference[i] === ours[j]) {
      i++;
      j++;
    } else if (j >= ours.length || (i < reference.length && table[i + 1]![j]! >= table[i]![j + 1]!)) {
      lines.push(`  - ${reference[i++]}`);
    } else {
      lines.push(`  + ${ours[j++]}`);
    }
  }
  return lines;
}

/** Lines of a multi-line field shown in a report: enough to see the difference. */
const MAX_LINES = 12;

/** One difference, as lines for a report. Long multi-line fields show the first lines that differ. */
export function formatDifference(difference: Difference): string {
  const head = `slide ${difference.slide} ${difference.field}:`;
  const { reference, ours } = difference;
  if (difference.field === 'build' || difference.field === 'slide' || difference.field === 'position') {
    return `${head}\n  reference: ${reference}\n  ours:      ${ours}`;
  }
  const referenceLines = reference.split('\n');
  const ourLines = ours.split('\n');
  if (referenceLines.length > 1 || ourLines.length > 1) {
    const lines = lineDiff(referenceLines, ourLines);
    const shown =
      lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `  … ${lines.length - MAX_LINES} more lines`] : lines;
    return [head, ...shown].join('\n');
  }
  const at = firstDifference(reference, ours);
  return `${head}\n  reference: ${excerpt(reference, at)}\n  ours:      ${excerpt(ours, at)}`;
}

export function formatDifferences(deck: string, differences: readonly Difference[]): string {
  if (differences.length === 0) return `${deck}: same slides\n`;
  return `${deck}: ${differences.length} difference(s)\n${differences.map(formatDifference).join('\n')}\n`;
}
