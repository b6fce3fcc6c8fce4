// An output file is written whole or not at all.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomically } from '../../src/platform/atomic-write.js';
import { runInterruptCleanups } from '../../src/platform/interrupt.js';

/** Runs just before the written file is renamed into place: the moment to inject a signal. */
const moment = vi.hoisted(() => ({ beforeRename: undefined as (() => void) | undefined }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      moment.beforeRename?.();
      return fs.rename(from, to);
    },
  };
});

afterEach(() => {
  moment.beforeRename = undefined;
});

describe('writing an output file', () => {
  it('replaces the earlier file and leaves nothing beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-atomic-'));
    writeFileSync(join(dir, 'talk.pdf'), 'old');
    await writeFileAtomically(join(dir, 'talk.pdf'), 'new');
    expect(readFileSync(join(dir, 'talk.pdf'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['talk.pdf']);
  });

  it('stopped while writing, keeps the earlier file whole and removes the partial one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-atomic-'));
    writeFileSync(join(dir, 'talk.pdf'), 'old');
    let cleanups = 0;
    moment.beforeRename = () => {
      // What the CLI does on Ctrl+C, at the worst moment: the bytes are written, not yet in place.
      expect(existsSync(join(dir, `.talk.pdf.tmp-${process.pid}`))).toBe(true);
      cleanups = runInterruptCleanups();
      throw new Error('stopped');
    };
    await expect(writeFileAtomically(join(dir, 'talk.pdf'), 'new')).rejects.toThrow('stopped');
    expect(cleanups).toBe(1);
    expect(readFileSync(join(dir, 'talk.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['talk.pdf']);
  });
});
