// Opening a built deck: ready on screen or in its print view, and within limits whose errors say
// what did not finish (the page's load, reveal.js, the fonts) and what the deck's page threw.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DECK_LIMITS, openDeck, openPrintView } from '../../src/browser/deck-page.js';
import { DeckError } from '../../src/errors.js';
import { FIXTURES, newPage } from './harness.js';

const COMPARE = pathToFileURL(join(FIXTURES, 'compare/index.html')).href;
const html = (body: string) => `data:text/html,${encodeURIComponent(body)}`;
const short = { ...DECK_LIMITS, load: 2000, ready: 300 };

describe('opening a deck', () => {
  it('waits until reveal.js is ready, with the fonts', async () => {
    const page = await newPage();
    await openDeck(page, COMPARE);
    expect(await page.evaluate(() => [window.deck?.isReady(), document.fonts.status])).toEqual([true, 'loaded']);
  });

  it('lays out the print view, a page per slide or per fragment step', async () => {
    const page = await newPage();
    expect(await openPrintView(page, COMPARE)).toBe(5);
    expect(await openPrintView(page, COMPARE, { fragments: true })).toBe(5 + 3 + 17);
  });

  it('says what it waited for when reveal.js never gets ready', async () => {
    const page = await newPage();
    await expect(openDeck(page, html('<p>Not a deck'), short)).rejects.toThrow(
      new DeckError('PAGE', 'timed out after 0.3 s waiting for reveal.js to be ready'),
    );
    await expect(openPrintView(page, html('<p>Not a deck'), {}, short)).rejects.toThrow(
      new DeckError('PAGE', "timed out after 0.3 s waiting for reveal.js's print layout"),
    );
  });

  it("adds what the deck's page threw", async () => {
    const page = await newPage();
    await expect(
      openDeck(page, html('<script>throw new TypeError("Reveal is not a constructor")</script>'), short),
    ).rejects.toThrow(
      new DeckError(
        'PAGE',
        "timed out after 0.3 s waiting for reveal.js to be ready (the deck's page threw: TypeError: Reveal is not a constructor)",
      ),
    );
  });
});
