// Raw HTML at hostile sizes is sanitized, and what goes is reported, in time proportional to its
// size: each case took many seconds while a step was quadratic (20,000 custom elements: 9 s, now
// about 1 s for the whole deck).

import { describe, expect, it } from 'vitest';
import { brief, cpu, render } from '../helpers.js';

describe('large raw HTML', () => {
  it('20,000 different custom elements in one block: the first hundred stay, the rest are reported', () => {
    const elements = Array.from({ length: 20_000 }, (_, i) => `<x-a${i}>y</x-a${i}>`).join('\n');
    let deck = render('# T');
    expect(cpu(() => (deck = render(`# T\n\n<div>\n${elements}\n</div>\n`)))).toBeLessThan(5_000);
    expect(deck.sectionsHtml).toContain('<x-a99>y</x-a99>');
    expect(deck.sectionsHtml).not.toContain('<x-a100>');
    const warnings = brief(deck.diagnostics);
    expect(warnings).toHaveLength(19_900);
    expect(warnings[0]).toBe(
      '104:1 warning raw HTML: the sanitizer removed <x-a100>; slides may not run scripts or load from elsewhere',
    );
  });

  it('20,000 handlers in one paragraph, each reported at its own column', () => {
    const tags = Array.from({ length: 20_000 }, () => '<b onclick="x">y</b>').join(' ');
    let warnings: string[] = [];
    expect(cpu(() => (warnings = brief(render(`# T\n\ntext ${tags}\n`).diagnostics)))).toBeLessThan(5_000);
    expect(warnings).toHaveLength(20_000);
    expect(warnings.slice(0, 2).map((line) => line.split(' ')[0])).toEqual(['3:6', '3:27']);
    expect(warnings[19_999]?.split(' ')[0]).toBe(`3:${6 + 19_999 * 21}`);
  });
});
