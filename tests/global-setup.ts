// Builds the flagship deck, and the fixture decks that browser tests open, once per run.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  const build = (args: string[]) =>
    execFileSync(process.execPath, ['bin/deck.js', 'build', ...args], { stdio: 'inherit' });
  build(['--out', 'tests/.output/dist']);
  build(['tests/fixtures/decks/overflow.md', 'tests/fixtures/decks/compare.md', '--out', 'tests/.output/fixtures']);
}
