import { describe, expect, it } from 'vitest';
import { renderVenn, type VennInput } from '../../../src/markdown/compare/venn-drawing.js';

const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} item ${i + 1}`);

function texts(svg: string) {
  return [
    ...svg.matchAll(
      /<text class="venn-item venn-item-(\w+)[^"]*" x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"[^>]*>([^<]*)</g,
    ),
  ].map((m) => ({ group: m[1], x: Number(m[2]), y: Number(m[3]), size: Number(m[4]), text: m[5] ?? '' }));
}

function ellipses(svg: string) {
  return [...svg.matchAll(/<ellipse[^>]* cx="([\d.]+)" cy="([\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/g)].map((m) => ({
    cx: Number(m[1]),
    cy: Number(m[2]),
    rx: Number(m[3]),
    ry: Number(m[4]),
  }));
}

const inside = (e: { cx: number; cy: number; rx: number; ry: number }, x: number, y: number) =>
  ((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2 <= 1;

describe('Venn layout', () => {
  const input = (leftOnly: string[], shared: string[], rightOnly: string[]): VennInput => ({
    id: 'v',
    leftLabel: 'Management',
    rightLabel: 'Leadership',
    leftOnly,
    shared,
    rightOnly,
    step: false,
  });

  it.each([
    [
      'the flagship skills',
      input(
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
      ),
    ],
    ['twelve items a side', input(items('Left', 12), items('Both', 3), items('Right', 12))],
    ['many shared items', input(items('L', 4), items('Shared', 8), items('R', 4))],
  ])('keeps every item of %s inside its region at a legible size', (_, venn) => {
    const svg = renderVenn(venn);
    const [left, right] = ellipses(svg);
    const placed = texts(svg);
    expect(placed).toHaveLength(venn.leftOnly.length + venn.shared.length + venn.rightOnly.length);
    for (const t of placed) {
      expect(t.size).toBeGreaterThanOrEqual(18);
      // Both ends of the text's estimated box, at its top and bottom.
      const half = (t.text.length * 0.56 * t.size) / 2;
      for (const [x, y] of [
        [t.x - half, t.y - t.size / 2],
        [t.x + half, t.y + t.size / 2],
        [t.x - half, t.y + t.size / 2],
        [t.x + half, t.y - t.size / 2],
      ] as const) {
        const inLeft = inside(left!, x, y);
        const inRight = inside(right!, x, y);
        if (t.group === 'left') expect(inLeft && !inRight, `${t.text} at ${x},${y}`).toBe(true);
        if (t.group === 'right') expect(inRight && !inLeft, `${t.text} at ${x},${y}`).toBe(true);
        if (t.group === 'shared') expect(inLeft && inRight, `${t.text} at ${x},${y}`).toBe(true);
      }
    }
  });

  it('escapes text', () => {
    const svg = renderVenn(input(['<b>&'], [], []));
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).not.toContain('<b>');
  });
});
