// Size and interruption: a 5 MB deck of 2,000 slides builds, and a build stopped with SIGINT or
// SIGTERM at any moment leaves the previous output exactly as it was (or the new one whole).

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/commands/build.js';
import { fileTree, REPO } from '../helpers.js';

const BIN = resolve('bin/deck.js');
const dir = mkdtempSync(join(tmpdir(), 'deck-large-'));

/** A valid deck of `count` slides of about 2.5 KB each, with notes and a comparison now and then. */
function largeDeck(count: number, word: string): string {
  const paragraph = `${word} sets where the team is going, and the manager keeps everyone on the road there. `.repeat(
    9,
  );
  const slides = Array.from({ length: count }, (_, i) =>
    i % 10 === 5
      ? `## Compare ${i}\n\n::: compare\n### Management\n- Planning\n- Communication\n\n### Leadership\n- Vision\n- Communication\n:::\n\nNote: ${paragraph}`
      : `## Slide ${i + 1}: ${word}\n\n- ${paragraph.slice(0, 300)}\n- second point ${i}\n\n${paragraph}\n\nNote: ${paragraph}${paragraph}`,
  );
  return `---\ntitle: Large deck\nduration: 900\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

describe('a large deck', () => {
  it('of 5 MB and 2,000 slides builds', async () => {
    const file = join(dir, 'large.md');
    writeFileSync(file, largeDeck(2000, 'The leader'));
    expect(statSync(file).size).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = await buildDecks([file], { outDir: join(dir, 'out'), project: REPO });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.decks[0]?.rendered.slides).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(30_000);
    const html = readFileSync(join(dir, 'out/large/index.html'), 'utf8');
    expect(html.match(/<section/g)).toHaveLength(2000);
  });
});

describe('an interrupted build', () => {
  const deck = join(dir, 'talk.md');
  const out = join(dir, 'dist');
  let before: Record<string, string>;
  let after: Record<string, string>;

  const oldCopy = join(dir, 'old-output');
  const codes: (number | null)[] = [];
  beforeAll(async () => {
    writeFileSync(deck, largeDeck(2000, 'The new leader'));
    await buildDecks([deck], { outDir: join(dir, 'new-output'), project: REPO });
    after = fileTree(join(dir, 'new-output'));
    writeFileSync(deck, largeDeck(2000, 'The old leader'));
    await buildDecks([deck], { outDir: oldCopy, project: REPO });
    before = fileTree(oldCopy);
    writeFileSync(deck, largeDeck(2000, 'The new leader'));
  });

  beforeEach(() => {
    rmSync(out, { recursive: true, force: true });
    cpSync(oldCopy, out, { recursive: true });
  });

  // From before the CLI listens for signals, through the compile and the writing, to after the end.
  it.each([
    ['SIGINT', 100],
    ['SIGTERM', 300],
    ['SIGINT', 500],
    ['SIGTERM', 800],
    ['SIGINT', 1500],
  ] as const)('by %s after %i ms leaves either the old output or the new one, whole', async (signal, delay) => {
    const child = spawn(process.execPath, [BIN, 'build', deck, '--out', out], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (exitCode) => done(exitCode)));
    await new Promise((done) => setTimeout(done, delay));
    child.kill(signal);
    const code = await exited;
    codes.push(code);
    const now = fileTree(out);
    if (code === 0) {
      expect(now).toEqual(after);
    } else {
      // Killed outright before the CLI was listening (null), or stopped by its handler: before the
      // swap the old output stays, after it the new one is already whole.
      expect([null, signal === 'SIGINT' ? 130 : 143]).toContain(code);
      expect([before, after]).toContainEqual(now);
    }
    expect(readdirSync(dir).filter((name) => /\.(tmp|old)-\d+$/.test(name))).toEqual([]);
    expect(readFileSync(deck, 'utf8')).toContain('The new leader');
  });

  it('was stopped by its own signal handler at least once, mid-build', () => {
    expect(codes.some((code) => code === 130 || code === 143)).toBe(true);
  });
});
