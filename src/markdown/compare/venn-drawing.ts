// Lays out a two-set Venn diagram as inline SVG at build time: items only in the left list in
// the left lens, shared items in the overlap, the rest on the right. Text stays real SVG text.
// The font size and the overlap are chosen together so the longest item fits its region.

import { escapeHtml } from '../../escape.js';

export interface VennInput {
  id: string;
  leftLabel: string;
  rightLabel: string;
  leftOnly: string[];
  shared: string[];
  rightOnly: string[];
  step: boolean;
}

const RX = 330;
const RY = 240;
const LABEL_BAND = 64;
const MARGIN = 16;
const PADDING = 18;
const LINE = 1.3;
/** Average glyph width of the theme's sans font, in ems; a little generous on purpose. */
const GLYPH = 0.56;
const MAX_FONT = 28;
const MIN_FONT = 12;
const SEPARATIONS = [420, 400, 380, 360, 340, 320, 300, 280, 260, 240, 220];

/** Half-width of the ellipse at vertical offset `d` from its centre. */
const halfWidth = (d: number) => RX * Math.sqrt(Math.max(0, 1 - (d / RY) ** 2));

/** Vertical offsets of the baselines' centres for `n` lines of `font` px, centred on 0. */
function offsets(n: number, font: number): number[] {
  const step = font * LINE;
  const result = new Array<number>(n);
  for (let i = 0; i < n; i++) result[i] = (i - (n - 1) / 2) * step;
  return result;
}

const textWidth = (text: string, font: number) => text.length * GLYPH * font;

interface Geometry {
  cx1: number;
  cx2: number;
  font: number;
}

/**
 * The x where a side region's lines are centred: one x for the whole block, so the text reads
 * as a column. Between the outer edge at the block's tallest line and the inner edge at the middle.
 */
function sideCentre(items: readonly string[], g: Geometry, side: 'left' | 'right'): number {
  // The outermost lines are the first and the last, (n - 1) / 2 line steps from the centre.
  const reach = items.length > 0 ? ((items.length - 1) / 2) * (g.font * LINE) + g.font / 2 : 0;
  return side === 'left' ? (g.cx1 - halfWidth(reach) + g.cx2 - RX) / 2 : (g.cx2 + halfWidth(reach) + g.cx1 + RX) / 2;
}

function fits(input: VennInput, separation: number, font: number): boolean {
  const g: Geometry = { cx1: MARGIN + RX, cx2: MARGIN + RX + separation, font };
  const limit = RY - font * 1.1;
  for (const side of ['left', 'right'] as const) {
    const items = side === 'left' ? input.leftOnly : input.rightOnly;
    const x = sideCentre(items, g, side);
    const ds = offsets(items.length, font);
    const ok = items.every((text, i) => {
      const half = textWidth(text, font) / 2;
      const outer = Math.abs(ds[i]!) + font / 2;
      const inner = Math.max(Math.abs(ds[i]!) - font / 2, 0);
      if (outer > limit) return false;
      return side === 'left'
        ? x - half >= g.cx1 - halfWidth(outer) + PADDING && x + half <= g.cx2 - halfWidth(inner) - PADDING
        : x + half <= g.cx2 + halfWidth(outer) - PADDING && x - half >= g.cx1 + halfWidth(inner) + PADDING;
    });
    if (!ok) return false;
  }
  const ds = offsets(input.shared.length, font);
  return input.shared.every((text, i) => {
    const d = Math.abs(ds[i]!) + font / 2;
    return d <= limit && textWidth(text, font) <= 2 * halfWidth(d) - separation - 2 * PADDING;
  });
}

function chooseLayout(input: VennInput): { separation: number; font: number } {
  for (let font = MAX_FONT; font >= MIN_FONT; font--) {
    const separation = SEPARATIONS.find((s) => fits(input, s, font));
    if (separation) return { separation, font };
  }
  return { separation: SEPARATIONS[SEPARATIONS.length - 1]!, font: MIN_FONT };
}

export function renderVenn(input: VennInput): string {
  const { separation, font } = chooseLayout(input);
  const width = 2 * RX + separation + 2 * MARGIN;
  const height = LABEL_BAND + 2 * RY + MARGIN;
  const cy = LABEL_BAND + RY;
  const cx1 = MARGIN + RX;
  const cx2 = cx1 + separation;
  const middle = (cx1 + cx2) / 2;
  const fragment = input.step ? ' fragment' : '';
  const round = (n: number) => Math.round(n * 10) / 10;

  const lines: string[] = [];
  const region = (items: string[], x: number, name: string) => {
    offsets(items.length, font).forEach((d, i) => {
      lines.push(
        `<text class="venn-item venn-item-${name}${fragment}" x="${round(x)}" y="${round(cy + d)}" font-size="${font}" text-anchor="middle" dominant-baseline="central">${escapeHtml(items[i]!)}</text>`,
      );
    });
  };
  const geometry: Geometry = { cx1, cx2, font };
  region(input.leftOnly, sideCentre(input.leftOnly, geometry, 'left'), 'left');
  region(input.shared, middle, 'shared');
  region(input.rightOnly, sideCentre(input.rightOnly, geometry, 'right'), 'right');

  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  const list = (items: string[]) => (items.length ? items.join(', ') : 'none');
  const description = `Only ${input.leftLabel}: ${list(input.leftOnly)}. Both: ${list(input.shared)}. Only ${input.rightLabel}: ${list(input.rightOnly)}.`;
  const labelY = LABEL_BAND - 22;
  const labelFont = Math.max(font + 4, 24);
  return [
    `<div class="compare compare-venn"><svg class="venn" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${titleId}">${escapeHtml(`Venn diagram: ${input.leftLabel} and ${input.rightLabel}`)}</title>`,
    `<desc id="${descId}">${escapeHtml(description)}</desc>`,
    `<ellipse class="venn-set venn-set-left" cx="${cx1}" cy="${cy}" rx="${RX}" ry="${RY}"/>`,
    `<ellipse class="venn-set venn-set-right" cx="${cx2}" cy="${cy}" rx="${RX}" ry="${RY}"/>`,
    `<text class="venn-label venn-label-left" x="${cx1 - RX / 3}" y="${labelY}" font-size="${labelFont}" text-anchor="middle">${escapeHtml(input.leftLabel)}</text>`,
    `<text class="venn-label venn-label-right" x="${cx2 + RX / 3}" y="${labelY}" font-size="${labelFont}" text-anchor="middle">${escapeHtml(input.rightLabel)}</text>`,
    ...lines,
    '</svg></div>',
    '',
  ].join('\n');
}
