import { describe, expect, it } from 'vitest';
import { MIN_SECONDS_PER_SLIDE, planTimings } from '../../src/render/pacing.js';
import { render } from '../helpers.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('pacing plan', () => {
  it('shares the duration in proportion to the notes and adds up exactly', () => {
    const timings = planTimings([{ notesLength: 100 }, { notesLength: 300 }, { notesLength: 100 }], 10);
    expect(sum(timings)).toBe(600);
    expect(timings[1]).toBeGreaterThan(timings[0]!);
    expect(timings[0]).toBe(timings[2]);
  });

  it("lets a slide's own data-timing win and splits the rest", () => {
    const timings = planTimings([{ explicit: 300, notesLength: 10 }, { notesLength: 50 }, { notesLength: 50 }], 10);
    expect(timings).toEqual([300, 150, 150]);
  });

  it('gives every slide at least the floor', () => {
    const timings = planTimings([{ notesLength: 0 }, { notesLength: 5000 }], 2);
    expect(timings[0]).toBeGreaterThanOrEqual(MIN_SECONDS_PER_SLIDE);
    expect(sum(timings)).toBe(120);
  });

  it('writes data-timing on every slide when the deck has a duration', () => {
    const deck = render('---\nduration: 2\n---\n\n# A\n\nNote: short\n\n---\n\n# B\n\nNote: a much longer note here');
    expect(deck.slides.map((s) => s.timing)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(sum(deck.slides.map((s) => s.timing ?? 0))).toBe(120);
    expect(deck.sectionsHtml).toMatch(/<section data-timing="\d+">/);
  });

  it('leaves timing to reveal.js without a duration, keeping explicit ones', () => {
    const deck = render('# A\n\n---\n\n<!-- .slide: data-timing="45" -->\n# B');
    expect(deck.slides.map((s) => s.timing)).toEqual([undefined, 45]);
  });

  it('reports a data-timing that is not a number of seconds', () => {
    expect(render('<!-- .slide: data-timing="soon" -->\n# A').diagnostics[0]?.message).toBe(
      'data-timing must be a positive number of seconds, not "soon"',
    );
  });
});
