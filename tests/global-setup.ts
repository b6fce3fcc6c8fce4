// Once per run: compiles lib/ (tests that run bin/deck.js must never run a stale one), builds the
// flagship deck and the fixture decks that browser tests open, and gives the run its own temporary
// folder (every test's temporary files, the CLI's and the browser profiles go there through
// TMPDIR), removed when the run ends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
  const build = (args: string[]) =>
    execFileSync(process.execPath, ['bin/deck.js', 'build', ...args], { stdio: 'inherit' });
  build(['--out', 'tests/.output/dist']);
  build([
    'tests/fixtures/decks/overflow.md',
    'tests/fixtures/decks/compare.md',
    'tests/fixtures/decks/stress-compare.md',
    '--out',
    'tests/.output/fixtures',
  ]);

  const runTemp = mkdtempSync(join(tmpdir(), 'deck-tests-'));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = runTemp;
  return () => rmSync(runTemp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
