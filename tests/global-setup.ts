// Builds the flagship deck once for every test that opens it in a browser.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['bin/deck.js', 'build', '--out', 'tests/.output/dist'], { stdio: 'inherit' });
}
