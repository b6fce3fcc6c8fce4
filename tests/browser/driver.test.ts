// Starting and stopping the browser: several pages from one launch, nothing left behind, and a
// browser that will not start or that dies fails everything in one sentence (no hang, no crash).
// These tests start browsers of their own, in a temporary folder of their own.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/driver.js';
import { DeckError } from '../../src/errors.js';

const html = (body: string) => `data:text/html,${encodeURIComponent(body)}`;
const CHOOSE = 'set CHROME_PATH to use another Chrome or Chromium';
const saved = { TMPDIR: process.env.TMPDIR, CHROME_PATH: process.env.CHROME_PATH };

/** Runs the rest of the test with its own temporary folder (where the profile goes), and maybe another browser. */
function useEnvironment({ chrome }: { chrome?: string } = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'deck-driver-'));
  process.env.TMPDIR = folder;
  if (chrome) process.env.CHROME_PATH = chrome;
  return folder;
}

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('a browser', () => {
  it('opens several pages at once, and closing it removes its profile', async () => {
    const folder = useEnvironment();
    const browser = await launchBrowser();
    expect(readdirSync(folder).filter((name) => name.startsWith('deck-chromium-'))).toHaveLength(1);
    const [first, second] = await Promise.all([browser.newPage(), browser.newPage()]);
    await Promise.all([first!.goto(html('<title>One</title>')), second!.goto(html('<title>Two</title>'))]);
    expect(await Promise.all([first!.evaluate(() => document.title), second!.evaluate(() => document.title)])).toEqual([
      'One',
      'Two',
    ]);
    await second!.close();
    await expect(second!.evaluate(() => 1)).rejects.toThrow(new DeckError('PAGE', 'the page was closed'));
    await browser.close();
    expect(readdirSync(folder)).toEqual([]);
    await expect(browser.newPage()).rejects.toThrow(new DeckError('BROWSER', 'the browser was closed'));
    await expect(first!.evaluate(() => 1)).rejects.toThrow(new DeckError('BROWSER', 'the browser was closed'));
  });

  it('that dies fails what was waiting and everything asked later, saying how it went', async () => {
    const folder = useEnvironment();
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(html('<p>Never ready'));
    const waiting = page.waitFor('something that never happens', () => false);
    const outcome = expect(waiting).rejects.toThrow(
      new DeckError('BROWSER', `${browser.executable} was stopped by SIGKILL; ${CHOOSE}`),
    );
    // As the system's out-of-memory killer would: the browser's whole process group at once.
    const pid = execFileSync('pgrep', ['-o', '-f', `user-data-dir=${folder}`], { encoding: 'utf8' }).trim();
    process.kill(-Number(pid), 'SIGKILL');
    await outcome;
    await expect(page.evaluate(() => 1)).rejects.toMatchObject({ code: 'BROWSER' });
    await expect(browser.newPage()).rejects.toMatchObject({ code: 'BROWSER' });
    await browser.close();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('ends a page load the page will never finish when the browser is closed', async () => {
    useEnvironment();
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const loading = page.goto(html('<script>const t = Date.now(); while (Date.now() - t < 60000);</script>'));
    const outcome = expect(loading).rejects.toThrow(new DeckError('BROWSER', 'the browser was closed'));
    await new Promise((done) => setTimeout(done, 300));
    await browser.close();
    await outcome;
  });

  it('fails a command that a busy page does not answer in time', async () => {
    useEnvironment();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(html('<p>Busy soon'));
      // This one never returns: the page is busy for a minute.
      const busy = page.evaluate(() => {
        const t = Date.now();
        while (Date.now() - t < 60000);
      });
      busy.catch(() => undefined);
      await expect(
        page.evaluate(
          function title() {
            return document.title;
          },
          undefined,
          { timeout: 500 },
        ),
      ).rejects.toThrow(new DeckError('PAGE', 'running title in the page took longer than 0.5 s'));
    } finally {
      await browser.close();
    }
  });
});

describe('a browser that will not start', () => {
  it('says so in one line when it exits at once, and how to choose another', async () => {
    const folder = useEnvironment({ chrome: '/bin/false' });
    await expect(launchBrowser()).rejects.toThrow(
      new DeckError('BROWSER', `cannot start /bin/false (it exited with code 1); ${CHOOSE}`),
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('says so when it does not answer in time', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'deck-driver-'));
    const silent = join(folder, 'silent-browser');
    writeFileSync(silent, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(silent, 0o755);
    useEnvironment({ chrome: silent });
    await expect(launchBrowser({ timeout: 500 })).rejects.toThrow(
      new DeckError('BROWSER', `cannot start ${silent} (it did not answer within 0.5 s); ${CHOOSE}`),
    );
  });

  it('says where CHROME_PATH points when nothing is there', async () => {
    useEnvironment({ chrome: '/no/such/chrome' });
    await expect(launchBrowser()).rejects.toThrow(
      new DeckError('BROWSER', 'CHROME_PATH points to /no/such/chrome, which does not exist'),
    );
  });
});
