// Times as the room shows them.

import { clock as clockOfSeconds } from '../../wording.js';

/** The last minute of a countdown shows in the warning colour. */
export const COUNTDOWN_WARNING_MS = 60_000;

/** Milliseconds as m:ss (or h:mm:ss), rounded up for a countdown so it never shows 0:00 early. */
export function clock(ms: number, { up = false }: { up?: boolean } = {}): string {
  return clockOfSeconds(Math.max(0, up ? Math.ceil(ms / 1000) : Math.floor(ms / 1000)));
}

/** A countdown's face: the time left, or 0:00 with the words for time up. */
export function countdownText(leftMs: number, timeIsUp: string): string {
  return leftMs > 0 ? clock(leftMs, { up: true }) : `0:00 · ${timeIsUp}`;
}

/** What is left of a countdown now, from the server's last word and when it came. */
export function remaining(view: { remainingMs: number; running: boolean }, receivedAt: number, now: number): number {
  return view.running ? Math.max(0, view.remainingMs - (now - receivedAt)) : view.remainingMs;
}
