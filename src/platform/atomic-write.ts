// Writing an output file whole or not at all: the bytes go to a temporary name beside it and are
// renamed (or, for a file that must not replace another, linked) into place in one step. An
// interrupt at any moment leaves the earlier file as it was (and removes the temporary one), never
// a truncated file where a good one was.

import { rmSync } from 'node:fs';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onInterrupt } from './interrupt.js';

export async function writeFileAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const undo = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } finally {
    undo();
    await rm(temporary, { force: true });
  }
}

/**
 * Creates `path` with `bytes`, whole or not at all, and never in place of a file already there:
 * the bytes go to a temporary name, which is then linked to `path` in one step that fails when
 * `path` exists (then the answer is false and nothing changed).
 */
export async function createFileAtomically(path: string, bytes: Uint8Array | string): Promise<boolean> {
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const undo = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    undo();
    await rm(temporary, { force: true });
  }
}
