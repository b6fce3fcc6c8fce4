// Temporary folders that go away when the work is done, and also when the process is stopped.

import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onInterrupt } from './interrupt.js';

export interface TemporaryFolder {
  path: string;
  /** Removes the folder (retrying while a process that just died lets go of its files). */
  remove(): Promise<void>;
}

/** A new temporary folder, removed by `remove()`, or when the process is stopped before that. */
export async function temporaryFolder(prefix: string): Promise<TemporaryFolder> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  const undo = onInterrupt(() => rmSync(path, { recursive: true, force: true }));
  return {
    path,
    async remove() {
      await rm(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      undo();
    },
  };
}

/** Runs `work` in a new temporary folder, removed afterwards, also when the process is stopped. */
export async function withTemporaryFolder<T>(prefix: string, work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await temporaryFolder(prefix);
  try {
    return await work(folder.path);
  } finally {
    await folder.remove();
  }
}
