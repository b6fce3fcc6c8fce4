import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DECK_BYTES, readDeck } from '../../src/compile/read-deck.js';

const dir = mkdtempSync(join(tmpdir(), 'deck-read-'));

async function problem(path: string) {
  const result = await readDeck(path);
  if (result.ok) throw new Error('expected a problem');
  const { line, column, message } = result.diagnostic;
  return `${line}:${column} ${message}`;
}

describe('reading a deck file', () => {
  it('reads UTF-8 text', async () => {
    writeFileSync(join(dir, 'ok.md'), '# Café ✓');
    expect(await readDeck(join(dir, 'ok.md'))).toEqual({ ok: true, text: '# Café ✓' });
  });

  it('reports a path that does not exist', async () => {
    expect(await problem(join(dir, 'missing.md'))).toBe('1:1 no such file');
  });

  it('reports a folder', async () => {
    expect(await problem(dir)).toBe('1:1 is a folder, not a Markdown file');
  });

  it('reports text that is not UTF-8 where it goes wrong', async () => {
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Title\n\nCaf\xe9 au lait', 'latin1'));
    expect(await problem(join(dir, 'latin1.md'))).toBe('3:4 is not valid UTF-8 text; save it as UTF-8');
  });

  it('counts the column in characters, not bytes', async () => {
    writeFileSync(join(dir, 'accents.md'), Buffer.concat([Buffer.from('# Café éé '), Buffer.from([0xff])]));
    expect(await problem(join(dir, 'accents.md'))).toBe('1:11 is not valid UTF-8 text; save it as UTF-8');
  });

  it('reports a binary file', async () => {
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(await problem(join(dir, 'image.md'))).toBe(
      '3:1 looks like a binary file, not Markdown text (it contains a NUL byte)',
    );
  });
});

describe('reading only what can be a deck', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(await problem(fifo)).toBe('1:1 is not a regular file (a pipe, a device or a socket)');
  });

  it('refuses a device', async () => {
    expect(await problem('/dev/zero')).toBe('1:1 is not a regular file (a pipe, a device or a socket)');
  });

  it('refuses a file too large to be a deck', async () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, Buffer.alloc(MAX_DECK_BYTES + 1, 0x61));
    expect(await problem(big)).toBe('1:1 is 20 MB; a deck file may be at most 20 MB');
  });

  it('counts lone CR line ends as an editor does when it points at a bad byte', async () => {
    const file = join(dir, 'cr.md');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('# A\r\r- one\r- two\r- three\r\r## B\rcaf'), Buffer.from([0xe9]), Buffer.from('\r')]),
    );
    expect(await problem(file)).toBe('8:4 is not valid UTF-8 text; save it as UTF-8');
  });
});
