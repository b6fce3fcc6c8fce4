// Reading a file the author named, safely: only a regular file (a FIFO or a device would block or
// never end), and only up to a size limit (a deck is text, not gigabytes).

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type ReadProblem =
  | { kind: 'missing' }
  | { kind: 'folder' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'permission' }
  | { kind: 'other'; code: string };

export type ReadFileResult = { ok: true; bytes: Buffer } | { ok: false; problem: ReadProblem };

/** Opening does not wait for a writer when the path turns out to be a FIFO (POSIX only). */
const NO_WAIT = constants.O_NONBLOCK ?? 0;

export async function readRegularFile(path: string, maxBytes: number): Promise<ReadFileResult> {
  const fail = (problem: ReadProblem): ReadFileResult => ({ ok: false, problem });
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | NO_WAIT);
    const info = await handle.stat();
    if (info.isDirectory()) return fail({ kind: 'folder' });
    if (!info.isFile()) return fail({ kind: 'not-a-file' });
    if (info.size > maxBytes) return fail({ kind: 'too-large', bytes: info.size });
    // Read at most one byte past the limit: a file that grew since stat is caught too.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return fail({ kind: 'too-large', bytes: length });
      if (length === buffer.length) break;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail({ kind: 'missing' });
    if (code === 'EISDIR') return fail({ kind: 'folder' });
    if (code === 'EACCES' || code === 'EPERM') return fail({ kind: 'permission' });
    return fail({ kind: 'other', code });
  } finally {
    await handle?.close();
  }
}

/**
 * The file at `path` opened for reading, when it is a regular file (a FIFO is not waited on);
 * undefined otherwise. The caller closes it.
 */
export async function openRegularFile(path: string): Promise<Awaited<ReturnType<typeof open>> | undefined> {
  const handle = await open(path, constants.O_RDONLY | NO_WAIT).catch(() => undefined);
  if (!handle) return undefined;
  const info = await handle.stat().catch(() => undefined);
  if (info?.isFile()) return handle;
  await handle.close();
  return undefined;
}
