// Writing an output file whole or not at all: the bytes go to a temporary name beside it and are
// renamed into place in one step. An interrupt at any moment leaves the earlier file as it was (and
// removes the temporary one), never a truncated file where a good one was.

import { rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
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
