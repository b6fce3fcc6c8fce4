// The first compile in a fresh Node process, as a one-shot `deck build` does it: run as
// `node first-call.mjs <ours|markdown-it> <project root> <deck file>`; prints milliseconds.
// Imports are done before the clock starts; what is timed is the call, with V8 compiling the
// code it runs for the first time.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FLOOR_OPTIONS, loadMainMarkdownIt } from './compile.mjs';

const [which, root, file] = process.argv.slice(2);
const source = readFileSync(file, 'utf8');
let compile;
if (which === 'ours') {
  const { parseDeck } = await import(pathToFileURL(join(root, 'lib/parse/index.js')).href);
  const { renderDeck } = await import(pathToFileURL(join(root, 'lib/render/index.js')).href);
  compile = () => renderDeck(parseDeck(source, file));
} else {
  const markdownIt = await loadMainMarkdownIt(root);
  compile = () => markdownIt(FLOOR_OPTIONS).render(source);
}
const started = performance.now();
compile();
process.stdout.write(String(performance.now() - started));
