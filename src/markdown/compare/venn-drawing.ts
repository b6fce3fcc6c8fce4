// Lays out a two-set Venn diagram as inline SVG at build time: items only in the left list in
// the left crescent, shared items in the overlap (tinted as shared items are in columns), the rest
// in the right crescent. Text stays real SVG text. Long items wrap onto more lines before the type
// gets smaller; a region's items are centred in a column that bends only where the region's curve
// asks. The font size and the overlap are chosen together so that every line fits its region.
//
// Units are the canvas's pixels at the slide's base size: the drawing is as wide as a slide's
// content, and structure.css scales its height with the slide's fitted type (--deck-fit).

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

/** The drawing's size: the default canvas's content width, and the height structure.css gives it. */
export const VENN_WIDTH = 1136;
export const VENN_HEIGHT = 520;
const MARGIN = 6;
const LABEL_BAND = 52;
const RY = (VENN_HEIGHT - LABEL_BAND - 2 * MARGIN) / 2;
const CY = LABEL_BAND + MARGIN + RY;
/** Space kept between text and a region's edge. */
const PADDING = 14;
const LINE = 1.2;
/** Extra space between two items, in ems, so that a wrapped item reads as one. */
const ITEM_GAP = 0.35;
/**
 * Average glyph widths of a theme's sans font, in ems, regular and bold; generous on purpose, as
 * the layout is made before any font is at hand.
 */
const GLYPH = 0.56;
const GLYPH_BOLD = 0.6;
/**
 * Body size at the base of the scale, and the smallest the items get while wrapping still serves
 * (the theme's minimum at a 32 px body). Past that, more than fits: smaller still, down to the
 * floor, so that text never leaves its region; `deck check` reports text below the minimum.
 */
const MAX_FONT = 32;
const MIN_FONT = 24;
const FLOOR_FONT = 12;
const LABEL_FONT = 32;
/** Distances between the circles' centres to try, most overlap last. */
const SEPARATIONS = [440, 420, 400, 380, 360, 340, 320, 300, 280, 260];

type Side = 'left' | 'shared' | 'right';

interface Geometry {
  cx1: number;
  cx2: number;
  rx: number;
}

function geometry(separation: number): Geometry {
  const rx = (VENN_WIDTH - 2 * MARGIN - separation) / 2;
  return { cx1: MARGIN + rx, cx2: MARGIN + rx + separation, rx };
}

/** Half the ellipse's width at vertical distance `d` from its centre (0 beyond it). */
const halfWidth = (g: Geometry, d: number) => g.rx * Math.sqrt(Math.max(0, 1 - (d / RY) ** 2));

/**
 * Where a line of text may go in a region, across the band from `top` to `bottom` (distances from
 * the centre line, signed): the narrowest of the region's spans over the band.
 */
function span(g: Geometry, side: Side, top: number, bottom: number): { left: number; right: number } {
  // Ellipses are widest at the centre line: across a band, the extremes are at its ends, or 0 inside it.
  const near = top <= 0 && bottom >= 0 ? 0 : Math.min(Math.abs(top), Math.abs(bottom));
  const far = Math.max(Math.abs(top), Math.abs(bottom));
  if (far >= RY) return { left: 0, right: 0 };
  const wideHalf = halfWidth(g, near);
  const narrowHalf = halfWidth(g, far);
  // A crescent ends where the other ellipse begins or, far from the centre line, at its own edge.
  if (side === 'left')
    return { left: g.cx1 - narrowHalf + PADDING, right: Math.min(g.cx2 - wideHalf, g.cx1 + narrowHalf) - PADDING };
  if (side === 'right')
    return { left: Math.max(g.cx1 + wideHalf, g.cx2 - narrowHalf) + PADDING, right: g.cx2 + narrowHalf - PADDING };
  return { left: g.cx2 - narrowHalf + PADDING, right: g.cx1 + narrowHalf - PADDING };
}

const textWidth = (text: string, font: number, bold: boolean) => text.length * (bold ? GLYPH_BOLD : GLYPH) * font;

/** Words of `text` filled greedily into lines no wider than `width`; a longer word stands alone. */
function wrap(text: string, width: number, font: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, font, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface PlacedLine {
  text: string;
  x: number;
  y: number;
}

/** A region's items as lines placed in it, or undefined when they do not fit at this size. */
function placeRegion(items: readonly string[], g: Geometry, side: Side, font: number): PlacedLine[][] | undefined {
  const bold = side === 'shared';
  const widest = span(g, side, -font / 2, font / 2);
  const middle = (widest.left + widest.right) / 2;
  // Wrap to the widest line the region has, then narrower until every line fits where it lands.
  for (let width = widest.right - widest.left; width >= font * 3; width -= font) {
    const wrapped = items.map((item) => wrap(item, width, font, bold));
    const lineCount = wrapped.reduce((sum, lines) => sum + lines.length, 0);
    const height = lineCount * font * LINE + Math.max(0, items.length - 1) * ITEM_GAP * font;
    let y = -height / 2;
    let fits = true;
    const placed = wrapped.map((lines) => {
      // An item's lines share one centre: the region's middle, so that the items read as a
      // column, moved only as far as the curve of the region at the item's height asks.
      const band = span(g, side, y, y + lines.length * font * LINE);
      const half = Math.max(...lines.map((text) => textWidth(text, font, bold) / 2));
      const [lowest, highest] = [band.left + half, band.right - half];
      if (lowest > highest) fits = false;
      const centre = Math.min(Math.max(middle, lowest), highest);
      const item = lines.map((text, i) => ({ text, x: centre, y: CY + y + (i + 0.5) * font * LINE }));
      y += lines.length * font * LINE + ITEM_GAP * font;
      return item;
    });
    if (fits) return placed;
  }
  return undefined;
}

interface Layout {
  g: Geometry;
  font: number;
  regions: Record<Side, PlacedLine[][]>;
}

/** The largest type at which every item fits; at each size, the overlap that suits the items best. */
function chooseLayout(input: VennInput): Layout {
  const items: Record<Side, string[]> = { left: input.leftOnly, shared: input.shared, right: input.rightOnly };
  const attempt = (separation: number, font: number): Layout | undefined => {
    const g = geometry(separation);
    const regions = {} as Record<Side, PlacedLine[][]>;
    for (const side of ['left', 'shared', 'right'] as const) {
      const placed = placeRegion(items[side], g, side, font);
      if (!placed) return undefined;
      regions[side] = placed;
    }
    return { g, font, regions };
  };
  for (let font = MAX_FONT; font >= FLOOR_FONT; font--) {
    // The overlap in the middle of what fits: room to spare on both sides of it.
    const fitting = SEPARATIONS.map((s) => attempt(s, font)).filter((layout) => layout !== undefined);
    if (fitting.length > 0) return fitting[Math.floor((fitting.length - 1) / 2)]!;
  }
  // Too much for any size: the smallest type, one line per item, for `deck check` to report.
  const g = geometry(SEPARATIONS[Math.floor(SEPARATIONS.length / 2)]!);
  const fallback = (side: Side) =>
    items[side].map((item, i, all) => {
      const y = (i - (all.length - 1) / 2) * FLOOR_FONT * (LINE + ITEM_GAP);
      const band = span(g, side, 0, 0);
      return [{ text: item, x: (band.left + band.right) / 2, y: CY + y }];
    });
  return {
    g,
    font: FLOOR_FONT,
    regions: { left: fallback('left'), shared: fallback('shared'), right: fallback('right') },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Width of the sets' outlines (structure.css draws them this wide). */
const OUTLINE = 4;

/**
 * The overlap: from where the ellipses cross at the top, down the right one's inner arc and up the
 * left one's, inside their outlines (drawn over it, it would cover half of each). A path of its
 * own rather than a clipped ellipse, whose clipped edge each way of taking a picture draws a
 * little differently.
 */
function overlapPath({ cx1, cx2, rx }: Geometry): string {
  const [innerRx, innerRy] = [rx - OUTLINE / 2, RY - OUTLINE / 2];
  const middle = (cx1 + cx2) / 2;
  const reach = innerRy * Math.sqrt(Math.max(0, 1 - ((cx2 - cx1) / 2 / innerRx) ** 2));
  const [top, bottom] = [round(CY - reach), round(CY + reach)];
  const arc = `A ${round(innerRx)} ${round(innerRy)} 0 0 0`;
  return `M ${round(middle)} ${top} ${arc} ${round(middle)} ${bottom} ${arc} ${round(middle)} ${top} Z`;
}

export function renderVenn(input: VennInput): string {
  const { g, font, regions } = chooseLayout(input);
  const { cx1, cx2, rx } = g;
  const fragment = input.step ? ' fragment' : '';

  const texts: string[] = [];
  for (const side of ['left', 'shared', 'right'] as const) {
    for (const lines of regions[side]) {
      // One text per item, a line per tspan; the space ending a line keeps the words apart when read.
      const tspans = lines.map(
        (line, i) =>
          `<tspan x="${round(line.x)}" y="${round(line.y)}">${escapeHtml(line.text)}${i < lines.length - 1 ? ' ' : ''}</tspan>`,
      );
      texts.push(
        `<text class="venn-item venn-item-${side}${fragment}" font-size="${font}" text-anchor="middle" dominant-baseline="central">${tspans.join('')}</text>`,
      );
    }
  }

  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  const list = (items: string[]) => (items.length ? items.join(', ') : 'none');
  const description = `Only ${input.leftLabel}: ${list(input.leftOnly)}. Both: ${list(input.shared)}. Only ${input.rightLabel}: ${list(input.rightOnly)}.`;
  // Each label centred over its own circle, smaller only when the two would meet.
  const labelRoom = cx2 - cx1 - 2 * PADDING;
  const longestLabel = Math.max(input.leftLabel.length, input.rightLabel.length, 1);
  const labelFont = Math.max(MIN_FONT, Math.min(LABEL_FONT, Math.floor(labelRoom / (longestLabel * GLYPH_BOLD))));
  const labelY = LABEL_BAND / 2;
  const ellipse = (cx: number, attributes: string) =>
    `<ellipse ${attributes} cx="${round(cx)}" cy="${round(CY)}" rx="${round(rx)}" ry="${round(RY)}"/>`;
  return [
    `<div class="compare compare-venn"><svg class="venn" viewBox="0 0 ${VENN_WIDTH} ${VENN_HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${titleId}">${escapeHtml(`Venn diagram: ${input.leftLabel} and ${input.rightLabel}`)}</title>`,
    `<desc id="${descId}">${escapeHtml(description)}</desc>`,
    ellipse(cx1, 'class="venn-set venn-set-left"'),
    ellipse(cx2, 'class="venn-set venn-set-right"'),
    `<path class="venn-overlap" d="${overlapPath(g)}"/>`,
    `<text class="venn-label venn-label-left" x="${round(cx1)}" y="${labelY}" font-size="${labelFont}" text-anchor="middle" dominant-baseline="central">${escapeHtml(input.leftLabel)}</text>`,
    `<text class="venn-label venn-label-right" x="${round(cx2)}" y="${labelY}" font-size="${labelFont}" text-anchor="middle" dominant-baseline="central">${escapeHtml(input.rightLabel)}</text>`,
    ...texts,
    '</svg></div>',
    '',
  ].join('\n');
}
