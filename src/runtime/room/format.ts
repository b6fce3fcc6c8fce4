// Times as the room shows them.

/** The last minute of a countdown shows in the warning colour. */
export const COUNTDOWN_WARNING_MS = 60_000;

/** Milliseconds as m:ss (or h:mm:ss), rounded up for a countdown so it never shows 0:00 early. */
export function clock(ms: number, { up = false }: { up?: boolean } = {}): string {
  const total = Math.max(0, up ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** What is left of a countdown now, from the server's last word and when it came. */
export function remaining(view: { remainingMs: number; running: boolean }, receivedAt: number, now: number): number {
  return view.running ? Math.max(0, view.remainingMs - (now - receivedAt)) : view.remainingMs;
}
