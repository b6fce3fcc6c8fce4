// How the toolkit words what it tells people: counted nouns ("1 slide"), "did you mean …?" for a
// slip, and quotations of what an author wrote cut to a readable length (a line of 100,000
// backticks must not become a message of that length).

/** Counted nouns as every output writes them: "1 slide", "24 slides". */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Edit distance: insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/** A file's size as people read it: 812 bytes, 386 KB, 4.2 MB (1 KB = 1024 bytes). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The name in `names` closest to `input`: a slip is at most one edit in three letters. */
export function closestName(input: string, names: Iterable<string>): string | undefined {
  const typed = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const d = distance(typed, name.toLowerCase());
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best && best.distance <= Math.max(1, Math.floor(typed.length / 3)) ? best.name : undefined;
}

/** Author text for a message: on one line, and at most `max` characters, the rest said as a count. */
export function quoted(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${flat.length} characters)`;
}

/**
 * The words of the live room's presenter view and remote (`deck present`): the trainer's own
 * screens. What the audience sees (the countdown, the join screen, the follow bar) is in the
 * deck's language, in labels.ts.
 */
export const ROOM_WORDS = {
  previous: 'Previous',
  next: 'Next',
  nextSlide: 'Next:',
  lastSlide: 'End of the talk',
  noNotes: 'No notes for this slide.',
  notes: 'Notes',
  slideOf: (current: number, total: number) => `Slide ${current} of ${total}`,
  step: (current: number, total: number) => `step ${current}/${total}`,
  untitled: 'Untitled slide',
  elapsed: 'Elapsed',
  clock: 'Clock',
  pacing: 'Pacing',
  pacingNotStarted: 'starts with the first move',
  ahead: (time: string) => `${time} ahead`,
  behind: (time: string) => `${time} behind`,
  onTime: (time: string) => `on time, ${time} left on this slide`,
  noPlan: 'no plan (set duration in the front matter)',
  pause: 'Pause',
  pauseClock: 'Pause clock',
  resumeClock: 'Resume clock',
  resetClock: 'Reset clock',
  reset: 'Reset',
  start: 'Start',
  joinScreen: 'Join screen',
  hideJoinScreen: 'Hide join screen',
  black: 'Black screen',
  unblack: 'Show slides',
  overview: 'Overview',
  openAudienceWindow: 'Open the audience window',
  paused: 'paused',
  keys: 'Keys: → ← ↓ ↑ move, space next, b black screen, o overview, q join screen, c countdown, t pause the clock',
  staleToken:
    'This address is from an earlier run of deck present: open the presenter or remote address it printed now.',
  forbidden: 'This page needs the address with the token that deck present printed.',
} as const;

/** How an index page or a handout names a variant of a deck: "short version". */
export const variantLabel = (name: string): string => `${name} version`;

/** A length of time as a clock shows it: "2:30", and "1:05:00" from an hour on. */
export function clock(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
