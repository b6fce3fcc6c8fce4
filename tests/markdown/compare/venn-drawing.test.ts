import { describe, expect, it } from 'vitest';
import { renderVenn, type VennInput } from '../../../src/markdown/compare/venn-drawing.js';

const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} item ${i + 1}`);

interface Line {
  group: string;
  item: number;
  x: number;
  y: number;
  size: number;
  text: string;
}

/** Every line of every item, as drawn: one text per item, a tspan per line. */
function lines(svg: string): Line[] {
  const items = [...svg.matchAll(/<text class="venn-item venn-item-(\w+)[^"]*" font-size="(\d+)"[^>]*>(.*?)<\/text>/g)];
  return items.flatMap((m, item) =>
    [...m[3]!.matchAll(/<tspan x="([\d.]+)" y="([\d.]+)">([^<]*)<\/tspan>/g)].map((t) => ({
      group: m[1]!,
      item,
      size: Number(m[2]),
      x: Number(t[1]),
      y: Number(t[2]),
      text: t[3]!.trim(),
    })),
  );
}

function ellipses(svg: string) {
  return [
    ...svg.matchAll(/<ellipse class="venn-set[^"]*" cx="([\d.]+)" cy="([\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/g),
  ].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]), rx: Number(m[3]), ry: Number(m[4]) }));
}

const inside = (e: { cx: number; cy: number; rx: number; ry: number }, x: number, y: number) =>
  ((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2 <= 1;

const input = (leftOnly: string[], shared: string[], rightOnly: string[]): VennInput => ({
  id: 'v',
  leftLabel: 'Management',
  rightLabel: 'Leadership',
  leftOnly,
  shared,
  rightOnly,
  step: false,
});

const FLAGSHIP = input(
  [
    'Interpersonal skills',
    'Organization',
    'Forward planning',
    'Strategic thinking',
    'Problem-solving',
    'Commercial awareness',
    'Mentoring',
  ],
  ['Communication', 'Motivation', 'Delegation'],
  ['Positivity', 'Trustworthiness', 'Creativity', 'Feedback', 'Responsibility', 'Commitment', 'Flexibility'],
);

const LONG = input(
  [
    'Writing a realistic schedule with buffers',
    'Tracking the budget every week',
    'Reporting progress to the steering group',
    'Keeping the risk register up to date',
  ],
  ['Communicating clearly with every stakeholder', 'Delegating tasks to the right people'],
  [
    'Building trust through honest feedback',
    'Coaching people toward their own goals',
    'Creating a shared sense of purpose',
    'Protecting the team from needless interruptions',
  ],
);

describe('Venn layout', () => {
  it.each([
    ['the flagship skills', FLAGSHIP],
    ['twelve long items', LONG],
    ['twelve items a side', input(items('Left', 12), items('Both', 3), items('Right', 12))],
    ['many shared items', input(items('L', 4), items('Shared', 8), items('R', 4))],
  ])('keeps every line of %s inside its region', (_, venn) => {
    const svg = renderVenn(venn);
    const [left, right] = ellipses(svg);
    const placed = lines(svg);
    const words = (texts: string[]) => texts.join(' ').split(/\s+/);
    expect(words(placed.map((l) => l.text))).toEqual(words([...venn.leftOnly, ...venn.shared, ...venn.rightOnly]));
    for (const line of placed) {
      // Both ends of the line's box, at its top and bottom, with a generous glyph width.
      const half = (line.text.length * 0.56 * line.size) / 2;
      for (const [x, y] of [
        [line.x - half, line.y - line.size / 2],
        [line.x + half, line.y + line.size / 2],
        [line.x - half, line.y + line.size / 2],
        [line.x + half, line.y - line.size / 2],
      ] as const) {
        const inLeft = inside(left!, x, y);
        const inRight = inside(right!, x, y);
        if (line.group === 'left') expect(inLeft && !inRight, `${line.text} at ${x},${y}`).toBe(true);
        if (line.group === 'right') expect(inRight && !inLeft, `${line.text} at ${x},${y}`).toBe(true);
        if (line.group === 'shared') expect(inLeft && inRight, `${line.text} at ${x},${y}`).toBe(true);
      }
    }
  });

  it("sets the flagship's short items near the body size, one size for all", () => {
    const placed = lines(renderVenn(FLAGSHIP));
    expect(new Set(placed.map((l) => l.size)).size).toBe(1);
    expect(placed[0]!.size).toBeGreaterThanOrEqual(28);
  });

  it('wraps long items onto more lines before it makes them smaller than the minimum', () => {
    const placed = lines(renderVenn(LONG));
    expect(Math.min(...placed.map((l) => l.size))).toBeGreaterThanOrEqual(24);
    expect(placed.length).toBeGreaterThan(12);
    // The lines of one item share one centre, so it reads as one block.
    for (const item of new Set(placed.map((l) => l.item))) {
      expect(new Set(placed.filter((l) => l.item === item).map((l) => l.x)).size).toBe(1);
    }
  });

  it('centres each label over its own circle', () => {
    const svg = renderVenn(LONG);
    const [left, right] = ellipses(svg);
    const labels = [...svg.matchAll(/<text class="venn-label venn-label-(\w+)" x="([\d.]+)"/g)];
    expect(labels.map((m) => [m[1], Number(m[2])])).toEqual([
      ['left', left!.cx],
      ['right', right!.cx],
    ]);
  });

  it('paints the overlap as a region of its own, over both sets and inside their outlines', () => {
    const svg = renderVenn(FLAGSHIP);
    const order = ['venn-set venn-set-left', 'venn-set venn-set-right', 'venn-overlap'];
    const positions = order.map((name) => svg.indexOf(`class="${name}"`));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    // It runs between two points just inside where the ellipses cross, at most an outline's width in.
    const [left, right] = ellipses(svg);
    const path = /<path class="venn-overlap" d="M ([\d.]+) ([\d.]+) A [^"]* ([\d.]+) ([\d.]+) A [^"]* Z"/.exec(svg);
    expect(path).not.toBeNull();
    const [x, top, , bottom] = path!.slice(1).map(Number) as [number, number, number, number];
    expect(x).toBeCloseTo((left!.cx + right!.cx) / 2, 0);
    for (const y of [top, bottom]) {
      for (const e of [left!, right!]) {
        const inside = ((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2;
        expect(inside).toBeLessThan(1);
        expect(inside).toBeGreaterThan(0.97);
      }
    }
  });

  it('escapes text', () => {
    const svg = renderVenn(input(['<b>&'], [], []));
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).not.toContain('<b>');
  });
});
