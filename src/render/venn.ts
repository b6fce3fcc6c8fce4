// Lays out a two-set Venn diagram as inline SVG at build time: items only in the left list in
// the left lens, shared items in the overlap, the rest on the right. Text stays real SVG text.
// The font size and the overlap are chosen together so the longest item fits its region.

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

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Half-width of the ellipse at vertical offset `d` from its centre. */
const halfWidth = (d: number) => RX * Math.sqrt(Math.max(0, 1 - (d / RY) ** 2));

/** Vertical offsets of the baselines' centres for `n` lines of `font` px, centred on 0. */
function offsets(n: number, font: number): number[] {
  const step = font * LINE;
  return Array.from({ length: n }, (_, i) => (i - (n - 1) / 2) * step);
}

const textWidth = (text: string, font: number) => text.length * GLYPH * font;

function fits(input: VennInput, separation: number, font: number): boolean {
  const limit = RY - font * 1.1;
  const side = separation - 2 * PADDING;
  for (const items of [input.leftOnly, input.rightOnly]) {
    const ds = offsets(items.length, font);
    if (ds.some((d) => Math.abs(d) + font / 2 > limit)) return false;
    if (items.some((text) => textWidth(text, font) > side)) return false;
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
  const region = (items: string[], x: (d: number) => number, name: string) => {
    const ds = offsets(items.length, font);
    items.forEach((text, i) => {
      const d = ds[i]!;
      lines.push(
        `<text class="venn-item venn-item-${name}${fragment}" x="${round(x(Math.abs(d) + font / 2))}" y="${round(cy + d)}" font-size="${font}" text-anchor="middle" dominant-baseline="central">${escapeXml(text)}</text>`,
      );
    });
  };
  region(input.leftOnly, (d) => middle - halfWidth(d), 'left');
  region(input.shared, () => middle, 'shared');
  region(input.rightOnly, (d) => middle + halfWidth(d), 'right');

  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  const list = (items: string[]) => (items.length ? items.join(', ') : 'none');
  const description = `Only ${input.leftLabel}: ${list(input.leftOnly)}. Both: ${list(input.shared)}. Only ${input.rightLabel}: ${list(input.rightOnly)}.`;
  const labelY = LABEL_BAND - 22;
  const labelFont = Math.max(font + 4, 24);
  return [
    `<div class="compare compare-venn"><svg class="venn" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${titleId}">${escapeXml(`Venn diagram: ${input.leftLabel} and ${input.rightLabel}`)}</title>`,
    `<desc id="${descId}">${escapeXml(description)}</desc>`,
    `<ellipse class="venn-set venn-set-left" cx="${cx1}" cy="${cy}" rx="${RX}" ry="${RY}"/>`,
    `<ellipse class="venn-set venn-set-right" cx="${cx2}" cy="${cy}" rx="${RX}" ry="${RY}"/>`,
    `<text class="venn-label venn-label-left" x="${cx1 - RX / 3}" y="${labelY}" font-size="${labelFont}" text-anchor="middle">${escapeXml(input.leftLabel)}</text>`,
    `<text class="venn-label venn-label-right" x="${cx2 + RX / 3}" y="${labelY}" font-size="${labelFont}" text-anchor="middle">${escapeXml(input.rightLabel)}</text>`,
    ...lines,
    '</svg></div>',
    '',
  ].join('\n');
}
