// Every text colour of the default theme against every background it is used on meets WCAG 2.1
// AA (4.5:1 for body text), and so does its code highlighting. The colours are read from the
// stylesheets themselves.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HIGHLIGHT_THEME } from '../../src/render/theme.js';

const css = readFileSync('theme/default.css', 'utf8');
const variables = Object.fromEntries(
  [...css.matchAll(/--deck-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
);

type Rgba = [number, number, number, number];

function parseColour(value: string): Rgba {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    const n = Number.parseInt(digits, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgb = /^rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  throw new Error(`cannot read colour ${value}`);
}

const colour = (name: string): Rgba => {
  const value = variables[name];
  if (!value) throw new Error(`theme has no --deck-${name}`);
  return parseColour(value);
};

/** Paints the layers from the bottom up, as the browser composites translucent fills. */
function over(...layers: Rgba[]): Rgba {
  return layers.reduce(([r, g, b], [r2, g2, b2, a]) => [
    r2 * a + r * (1 - a),
    g2 * a + g * (1 - a),
    b2 * a + b * (1 - a),
    1,
  ]);
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const paper = colour('paper');
const PAIRS: [string, string, Rgba, Rgba][] = [
  ['body text', 'paper', colour('ink'), paper],
  ['secondary text', 'paper', colour('muted'), paper],
  ['links, h3, first column heading', 'paper', colour('accent'), paper],
  ['second column heading, Venn label', 'paper', colour('accent-2'), paper],
  ['column text', 'card', colour('ink'), colour('card')],
  ['column headings 1-4', 'card', colour('accent'), colour('card')],
  ['', 'card', colour('accent-2'), colour('card')],
  ['', 'card', colour('accent-3'), colour('card')],
  ['', 'card', colour('accent-4'), colour('card')],
  ['section slide text', 'dark', colour('on-dark'), colour('dark')],
  ['section slide subtitle', 'dark', colour('on-dark-muted'), colour('dark')],
  ['quotation', 'quote paper', colour('ink'), colour('quote-paper')],
  ['attribution', 'quote paper', colour('muted'), colour('quote-paper')],
  ['shared item', 'shared highlight', colour('shared-ink'), colour('shared')],
  ['legend', 'paper', colour('shared-ink'), paper],
  ['code', 'code paper', colour('ink'), colour('code-paper')],
  ['Venn left item', 'left set', colour('ink'), over(paper, colour('venn-left'))],
  ['Venn right item', 'right set', colour('ink'), over(paper, colour('venn-right'))],
  ['Venn shared item', 'overlap', colour('shared-ink'), colour('venn-shared')],
];

describe('theme contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119, 1], [255, 255, 255, 1])).toBeCloseTo(4.48, 2);
  });

  it.each(PAIRS)('%s on %s is at least 4.5:1', (_, __, text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe.each(Object.entries(DEFAULT_HIGHLIGHT_THEME))('code highlighting a deck gets by default (%s)', (_, name) => {
  const highlight = readFileSync(`node_modules/highlight.js/styles/${name}.css`, 'utf8');
  const ground = parseColour(/\.hljs\s*\{[^}]*background:\s*(#[0-9a-f]+)/i.exec(highlight)![1]!);
  const colours = [...new Set([...highlight.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]+)/gi)].map((m) => m[1]!))];

  it('has colours to check', () => {
    expect(colours.length).toBeGreaterThan(5);
  });

  it.each(colours)('%s on the code ground is at least 4.5:1', (text) => {
    expect(contrast(parseColour(text), ground)).toBeGreaterThanOrEqual(4.5);
  });
});
