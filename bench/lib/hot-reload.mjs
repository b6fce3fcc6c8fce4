// Hot reload: how long from saving the deck file until the open browser shows the edit,
// measured through our dev server and a real Chromium.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
// The toolkit's own browser driver and its way of opening a deck (lib/ is compiled by run.mjs).
import { DECK_LIMITS, openDeck } from '../../lib/browser/deck-page.js';
import { launchBrowser } from '../../lib/browser/driver.js';
import { freePort, sleep } from './processes.mjs';

const SLIDE_INDEX = 4; // slide 5, counted from 0 as reveal.js does
const PAUSE_BETWEEN_EDITS_MS = 300; // an editor's saves are never milliseconds apart
const WARM_UP_EDITS = 2; // the first edits also warm Vite's module graph; not counted

/** Starts `deck dev` and resolves with its URL once it prints "Presenting … at <url>". */
function startDevServer({ root, env, deckFile, port }) {
  const child = spawn(process.execPath, ['bin/deck.js', 'dev', deckFile, '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/ at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.on('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The text of the slide reveal.js shows now (the innermost present section). */
function presentSlideHasWord(word) {
  const present = [...document.querySelectorAll('.reveal .slides section.present')].pop();
  return present?.textContent?.includes(word) ?? false;
}

/**
 * Edits one word of slide 5 `edits` times and times each edit from the file write until the
 * page's present slide contains the new word. `marker` is a line of slide 5 holding `word`.
 */
export async function measureHotReload({ root, env, deckFile, marker, word, edits, progress }) {
  const original = readFileSync(deckFile, 'utf8');
  if (!original.includes(marker)) throw new Error(`slide 5 marker line not found in ${deckFile}: "${marker}"`);
  const withWord = (replacement) => original.replace(marker, marker.replace(word, replacement));

  const port = await freePort();
  const server = startDevServer({ root, env, deckFile, port });
  let browser;
  try {
    const url = await server.url;
    browser = await launchBrowser();
    const page = await browser.newPage();
    // The first page of a fresh dev server waits for Vite to prepare the runtime: allow a minute.
    await openDeck(page, url, { ...DECK_LIMITS, load: 60_000, ready: 60_000 });
    await page.evaluate((index) => window.deck.slide(index, 0), SLIDE_INDEX);

    const times = [];
    let stayed = 0;
    for (let i = 0; i < WARM_UP_EDITS + edits; i++) {
      await sleep(PAUSE_BETWEEN_EDITS_MS);
      const newWord = `edit${i}word`;
      const started = performance.now();
      writeFileSync(deckFile, withWord(newWord));
      await page.waitFor(`"${newWord}" on slide ${SLIDE_INDEX + 1}`, presentSlideHasWord, newWord, {
        timeout: 30_000,
        interval: 5,
      });
      const elapsed = performance.now() - started;
      const onSlide = await page.evaluate(() => window.deck.getIndices().h);
      if (i < WARM_UP_EDITS) continue;
      times.push(elapsed);
      if (onSlide === SLIDE_INDEX) stayed++;
      progress(`hot reload edit ${times.length}/${edits}: ${Math.round(elapsed)} ms, on slide ${onSlide + 1}`);
    }
    return { times, stayed };
  } finally {
    writeFileSync(deckFile, original);
    await browser?.close();
    await stopProcess(server.child);
  }
}
