// Names and paths as the CLI and the outputs show them. Kept apart from the build so that a
// command can name things before it loads the compiler.

import { basename, resolve } from 'node:path';

/** Where diagnostics say a file is: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(path);
  if (absolute === cwd) return '.';
  return absolute.startsWith(`${cwd}/`) ? absolute.slice(cwd.length + 1) : absolute;
}

/** A deck's folder name in the output: its file name without the Markdown extension. */
export const deckName = (path: string) => basename(path).replace(/\.(?:md|markdown)$/i, '');
