// Reads a deck file from disk. A path that is missing, a folder, a special file, a file too large
// to be a deck, a binary file or text that is not UTF-8 becomes a diagnostic like any other author
// mistake.

import type { Diagnostic } from '../model.js';
import { readRegularFile } from '../platform/files.js';

/** Far more than any talk: the flagship deck is 17 KiB, and a 2,000-slide deck 5 MB. */
export const MAX_DECK_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readDeck(file: string): Promise<ReadResult> {
  const fail = (message: string, line = 1, column = 1): ReadResult => ({
    ok: false,
    diagnostic: { severity: 'error', message, file, line, column },
  });
  const read = await readRegularFile(file, MAX_DECK_BYTES);
  if (!read.ok) {
    const { problem } = read;
    if (problem.kind === 'missing') return fail('no such file');
    if (problem.kind === 'folder') return fail('is a folder, not a Markdown file');
    if (problem.kind === 'not-a-file') return fail('is not a regular file (a pipe, a device or a socket)');
    if (problem.kind === 'too-large') {
      return fail(
        `is ${Math.round(problem.bytes / 1024 / 1024)} MB; a deck file may be at most ${MAX_DECK_BYTES / 1024 / 1024} MB`,
      );
    }
    if (problem.kind === 'permission') return fail('cannot read the file: permission denied');
    return fail(`cannot read the file (${problem.code})`);
  }
  const bytes = read.bytes;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('is UTF-16 text, not UTF-8; save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOf(bytes, nul);
    return fail('looks like a binary file, not Markdown text (it contains a NUL byte)', line, column);
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = positionOf(bytes, offset);
    return fail('is not valid UTF-8 text; save it as UTF-8', line, column);
  }
}

/** Line and column (in characters, as an editor counts them) of a byte offset: CR, LF and CRLF end lines. */
function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const isBreak = bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a);
    if (isBreak) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const extra =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead <= 0xdf
          ? 1
          : lead >= 0xe0 && lead <= 0xef
            ? 2
            : lead >= 0xf0 && lead <= 0xf4
              ? 3
              : -1;
    if (extra < 0) return i;
    // The second byte's range rules out overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (extra > 0 && (second < low || second > high)) return i;
    for (let k = 2; k <= extra; k++) {
      if (i + k >= bytes.length || bytes[i + k]! >> 6 !== 2) return i;
    }
    i += extra + 1;
  }
  return 0;
}
