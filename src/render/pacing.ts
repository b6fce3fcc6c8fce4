// The pacing plan: when the deck has a duration, every slide gets a time so that reveal.js's
// speaker view can say whether the trainer is ahead or behind. A slide's own data-timing wins;
// the rest of the time is shared in proportion to each slide's notes (a slide with more to say
// takes longer), above a floor so no slide flashes by.

export interface PacingInput {
  /** Seconds the author set with data-timing, if any. */
  explicit?: number;
  /** Length of the slide's notes in characters: the weight of its share. */
  notesLength: number;
}

export const MIN_SECONDS_PER_SLIDE = 20;

/** Whole seconds per slide, adding up to the duration whenever that is possible. */
export function planTimings(slides: readonly PacingInput[], durationMinutes: number): number[] {
  const total = Math.round(durationMinutes * 60);
  const explicitTotal = slides.reduce((sum, s) => sum + (s.explicit ?? 0), 0);
  const open = slides.map((s, i) => (s.explicit === undefined ? i : -1)).filter((i) => i >= 0);
  const timings = slides.map((s) => s.explicit ?? 0);
  if (open.length === 0) return timings;

  const remaining = Math.max(total - explicitTotal, 0);
  const floor = Math.min(MIN_SECONDS_PER_SLIDE, remaining / open.length);
  const spare = remaining - floor * open.length;
  const weights = open.map((i) => Math.max(slides[i]!.notesLength, 1));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const exact = open.map((_, k) => floor + (spare * weights[k]!) / weightTotal);

  // Round down, then hand the leftover seconds to the largest remainders so the sum is exact.
  const rounded = exact.map(Math.floor);
  let leftover = Math.round(remaining - rounded.reduce((a, b) => a + b, 0));
  const byRemainder = exact
    .map((value, k) => ({ k, r: value - Math.floor(value) }))
    .sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of byRemainder) {
    if (leftover <= 0) break;
    rounded[k]! += 1;
    leftover -= 1;
  }
  open.forEach((i, k) => {
    timings[i] = rounded[k]!;
  });
  return timings;
}
