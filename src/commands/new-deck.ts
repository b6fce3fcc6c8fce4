// `deck new <name>`: a new deck, slides/<name>.md, from the toolkit's starter deck
// (templates/starter.md): a title slide, a content slide with notes, a comparison, a quote, an
// exercise with its time and its participants' text, and a sources slide, each saying in comments
// how it is written. It never replaces a file: an existing deck of that name is left as it was.

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeckError } from '../errors.js';
import type { Project } from '../model.js';
import { createFileAtomically } from '../platform/atomic-write.js';
import { displayPath } from '../platform/paths.js';

/** Shipped with the toolkit (package.json "files"), two folders up from this module, built or not. */
export const STARTER_DECK = new URL('../../templates/starter.md', import.meta.url);

/** A deck's name becomes its file name and its output folder's: letters, digits, `-` and `_`. */
const DECK_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** The starter deck's title, and the title a new deck gets from its name: "team-feedback" → "Team feedback". */
const STARTER_TITLE = 'title: Your talk title';
export const titleOf = (name: string): string => {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface NewDeckResult {
  /** Absolute path of the new deck. */
  file: string;
}

/** Writes slides/<name>.md from the starter deck; a usage error when the name or the place will not do. */
export async function newDeck(name: string, project: Project): Promise<NewDeckResult> {
  const bare = name.trim().replace(/\.(?:md|markdown)$/i, '');
  if (!DECK_NAME.test(bare)) {
    throw new DeckError(
      'USAGE',
      `"${name}" cannot name a deck: use letters, digits, "-" and "_" (it becomes slides/<name>.md and the deck's folder in the build)`,
    );
  }
  const file = join(project.slidesDir, `${bare}.md`);
  const starter = await readFile(STARTER_DECK, 'utf8');
  // The title in quotes: a name is letters, digits, "-" and "_", so it needs no escaping in them.
  const text = starter.replace(STARTER_TITLE, `title: "${titleOf(bare)}"`);
  await mkdir(project.slidesDir, { recursive: true });
  if (!(await createFileAtomically(file, text))) {
    throw new DeckError(
      'USAGE',
      `${displayPath(file, project.root)} already exists; choose another name, or edit that deck`,
    );
  }
  return { file };
}
