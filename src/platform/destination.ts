// Where a command will write, checked before it does any work: a file where a folder is expected,
// a folder where a file is expected, or a place the user may not write to is reported at once
// instead of after the compile (or the browser) has run.

import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeckError } from '../errors.js';

export interface Destination {
  /** Absolute path. */
  path: string;
  /** How messages name it, e.g. `--out dist`. */
  label: string;
  /** A path as the user reads it. */
  shown: (path: string) => string;
}

/** The path when it exists, else its nearest existing ancestor. */
async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean }> {
  for (let current = path; ; current = dirname(current)) {
    const info = await stat(current).catch(() => undefined);
    if (info) return { path: current, isDirectory: info.isDirectory() };
    if (dirname(current) === current) throw new DeckError('DISK', `cannot find any part of ${path} on the disk`);
  }
}

async function checkWritable(path: string, destination: Destination): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only' : code;
    throw new DeckError('DISK', `${destination.label}: cannot write to ${destination.shown(path)} (${why})`);
  }
}

/** A folder that is there or can be made: no file in its place or above it, and writable. */
export async function checkFolderDestination(destination: Destination): Promise<void> {
  const found = await nearestExisting(destination.path);
  if (!found.isDirectory) {
    throw new DeckError(
      'USAGE',
      found.path === destination.path
        ? `${destination.label} is a file, not a folder; choose a folder`
        : `${destination.label}: ${destination.shown(found.path)} is a file, not a folder`,
    );
  }
  await checkWritable(found.path, destination);
}

/** A file that can be written: not a folder, in a folder that exists, and writable. */
export async function checkFileDestination(destination: Destination): Promise<void> {
  const info = await stat(destination.path).catch(() => undefined);
  if (info?.isDirectory()) throw new DeckError('USAGE', `${destination.label} is a folder, not a file; name a file`);
  const folder = dirname(destination.path);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory()) {
    throw new DeckError('USAGE', `${destination.label}: the folder ${destination.shown(folder)} does not exist`);
  }
  await checkWritable(info ? destination.path : folder, destination);
}

/**
 * A folder a command fills and later replaces: it must be possible to write there, and be missing,
 * empty, or marked with `marker` as that command's own; anything else is refused with `refusal`.
 */
export async function checkOwnFolder(destination: Destination, marker: string, refusal: string): Promise<void> {
  await checkFolderDestination(destination);
  const entries = await readdir(destination.path).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes(marker)) throw new DeckError('USAGE', refusal);
}
