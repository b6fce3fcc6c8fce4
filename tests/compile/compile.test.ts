// The compile step checks every file a deck refers to, as it really is on the disk.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compile/compile.js';
import { projectAt } from '../../src/platform/paths.js';
import { brief } from '../helpers.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'deck-compile-'));
  mkdirSync(join(root, 'slides'));
});

async function problems(markdown: string): Promise<string[]> {
  writeFileSync(join(root, 'slides/talk.md'), markdown);
  const result = await compileDecks([join(root, 'slides/talk.md')], projectAt(root));
  return brief(result.diagnostics);
}

describe('files a deck refers to', () => {
  it('are fine when they are regular files inside the project', async () => {
    writeFileSync(join(root, 'slides/a.png'), 'png');
    writeFileSync(join(root, 'logo.png'), 'png');
    expect(await problems('# A\n\n![a](a.png) ![logo](../logo.png)')).toEqual([]);
  });

  it('are outside the project when a link inside leads outside', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'deck-elsewhere-'));
    writeFileSync(join(elsewhere, 'secret.txt'), 'secret');
    symlinkSync(join(elsewhere, 'secret.txt'), join(root, 'slides/img.png'));
    symlinkSync(elsewhere, join(root, 'slides/linked'));
    expect(await problems('# A\n\n![a](img.png)\n\n![b](linked/secret.txt)')).toEqual([
      '3:6 error img.png is outside the project folder; copy it next to the deck',
      '5:6 error linked/secret.txt is outside the project folder; copy it next to the deck',
    ]);
  });

  it('follow a link that stays inside the project', async () => {
    writeFileSync(join(root, 'shared.png'), 'png');
    symlinkSync(join(root, 'shared.png'), join(root, 'slides/logo.png'));
    expect(await problems('# A\n\n![a](logo.png)')).toEqual([]);
  });

  it('must be regular files: a pipe or a folder is refused without waiting on it', async () => {
    execFileSync('mkfifo', [join(root, 'slides/pipe.png')]);
    mkdirSync(join(root, 'slides/folder.png'));
    expect(await problems('# A\n\n![a](pipe.png) ![b](folder.png)')).toEqual([
      '3:6 error pipe.png is not a regular file; a slide can show files only',
      '3:21 error folder.png is not a regular file; a slide can show files only',
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('must be readable', async () => {
    writeFileSync(join(root, 'slides/locked.png'), 'png');
    chmodSync(join(root, 'slides/locked.png'), 0);
    expect(await problems('# A\n\n![a](locked.png)')).toEqual(['3:6 error cannot read locked.png: permission denied']);
  });

  it("are never scripts, which would be code of the deck's own in its folder", async () => {
    writeFileSync(join(root, 'slides/solution.js'), 'alert(1)');
    expect(await problems('# A\n\n[Solution](solution.js)')).toEqual([
      '3:12 error solution.js is a script, and a deck carries none of its own; to share code, link a .txt copy or a .zip',
    ]);
  });
});
