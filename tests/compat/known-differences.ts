// The differences from reveal.js that are accepted, each with its reason, kept in
// known-differences.json (the README lists them). A difference is accepted when an entry names its
// deck and field, and, when the entry says so, its slide and a piece of text on either side. An
// entry that accepts nothing any more is an error too, so the list only holds what still happens.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Difference, Field } from './compare.js';

export interface KnownDifference {
  deck: string;
  field: Field;
  /** `h.v` on the reference side; any slide when left out. */
  slide?: string;
  /** Text that either side of the difference contains. */
  contains?: string;
  /** Why this is not a bug. */
  reason: string;
}

export const KNOWN_DIFFERENCES_FILE = fileURLToPath(new URL('known-differences.json', import.meta.url));

export function loadKnownDifferences(file = KNOWN_DIFFERENCES_FILE): KnownDifference[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { differences: KnownDifference[] };
  for (const entry of parsed.differences) {
    if (!entry.deck || !entry.field || !entry.reason?.trim()) {
      throw new Error(`${file}: every entry needs a deck, a field and a reason: ${JSON.stringify(entry)}`);
    }
  }
  return parsed.differences;
}

export function accepts(entry: KnownDifference, difference: Difference): boolean {
  return (
    entry.deck === difference.deck &&
    entry.field === difference.field &&
    (entry.slide === undefined || entry.slide === difference.slide) &&
    (entry.contains === undefined ||
      difference.reference.includes(entry.contains) ||
      difference.ours.includes(entry.contains))
  );
}

/** The differences no entry accepts. */
export function unexpected(differences: readonly Difference[], known: readonly KnownDifference[]): Difference[] {
  return differences.filter((difference) => !known.some((entry) => accepts(entry, difference)));
}

/** Entries that accept none of `differences` (all differences of the decks the entries name). */
export function stale(known: readonly KnownDifference[], differences: readonly Difference[]): KnownDifference[] {
  return known.filter((entry) => !differences.some((difference) => accepts(entry, difference)));
}
