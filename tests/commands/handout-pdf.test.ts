// What each slide of a handout says beside it: its label, and the plan (the same plan the speaker
// view and deck build --verbose show) in the trainer's handout; its Handout: text in the
// participants'.

import { describe, expect, it } from 'vitest';
import { handoutSlides } from '../../src/commands/handout-pdf.js';
import { compileDecks } from '../../src/compile/compile.js';
import { REPO } from '../helpers.js';

const FLAGSHIP = 'slides/leadership-vs-management.md';

describe('handout slides', () => {
  it('give the trainer each slide’s start and length, as the speaker view’s data-timing plans them', async () => {
    const [short] = (await compileDecks([FLAGSHIP], REPO, { variant: 'short' })).decks;
    const slides = handoutSlides(short!, 'trainer');
    expect(slides[0]).toEqual({ label: 'Slide 1 of 16', plan: 'starts 0:00 · 1:05' });
    const timings = [...short!.rendered.sectionsHtml.matchAll(/data-timing="(\d+)"/g)].map((m) => Number(m[1]));
    const seconds = (clock: string) => clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    const plans = slides.map((slide) =>
      /^starts (\S+) · (\S+)$/
        .exec(slide.plan ?? '')!
        .slice(1)
        .map(seconds),
    );
    expect(plans.map(([, length]) => length)).toEqual(timings);
    expect(plans.map(([start]) => start)).toEqual(
      timings.map((_, i) => timings.slice(0, i).reduce((a, b) => a + b, 0)),
    );
    expect(timings.reduce((a, b) => a + b, 0)).toBe(20 * 60);
    expect(slides.some((slide) => slide.handoutHtml)).toBe(false);
  });

  it('give the participants the Handout: text, and no plan', async () => {
    const [full] = (await compileDecks([FLAGSHIP], REPO, { variant: 'full' })).decks;
    const slides = handoutSlides(full!, 'participants');
    expect(slides.every((slide) => slide.plan === undefined)).toBe(true);
    const withText = slides.filter((slide) => slide.handoutHtml);
    expect(withText.map((slide) => slide.label)).toEqual(['Slide 19 of 21']);
  });

  it('give no plan to a deck without one', async () => {
    const [deck] = (await compileDecks(['tests/fixtures/courses/not-includes.md'], REPO)).decks;
    expect(handoutSlides(deck!, 'trainer')).toEqual([{ label: 'Slide 1 of 1' }]);
  });
});
