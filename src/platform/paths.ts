// Names and paths as the CLI and the commands show them. Kept apart from the compiler so that a
// command can name things before it loads it.

import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Project } from '../model.js';

/**
 * Whether `path` is `folder` or inside it. Compared by path steps, not by string prefix, so
 * `/talks-old` is not inside `/talks` and Windows drive letters and separators work.
 */
export function isInside(path: string, folder: string): boolean {
  const steps = relative(resolve(folder), resolve(path));
  return steps === '' || (!isAbsolute(steps) && steps !== '..' && !steps.startsWith(`..${sep}`));
}

/** Where diagnostics say a file is: relative to the project root when inside it, else absolute. */
export function displayPath(path: string, root: string): string {
  const absolute = resolve(root, path);
  if (!isInside(absolute, root)) return absolute;
  return relative(root, absolute).split(sep).join('/') || '.';
}

/** A deck's folder name in the output: its file name without the Markdown extension. */
export const deckName = (path: string) => basename(path).replace(/\.(?:md|markdown)$/i, '');

/** The project rooted at `root`: decks in `slides/`, files for every deck in `public/`. */
export function projectAt(root: string): Project {
  const absolute = resolve(root);
  return { root: absolute, slidesDir: join(absolute, 'slides'), publicDir: join(absolute, 'public') };
}
