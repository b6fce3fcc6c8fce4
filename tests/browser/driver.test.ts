// The DevTools-pipe tab PDF export drives, in the real Chromium: it answers, prints, and fails
// cleanly (no hang, no unhandled rejection) when a page cannot load or the browser goes away.

import { describe, expect, it } from 'vitest';
import { openTab } from '../../src/browser/driver.js';
import { DeckError } from '../../src/errors.js';

const page = (html: string) => `data:text/html,${encodeURIComponent(html)}`;

describe('a Chromium tab over the DevTools pipe', () => {
  it('opens a page, runs a function in it and prints it', async () => {
    const tab = await openTab({ width: 1280, height: 720 });
    try {
      await tab.open(page('<title>Hello</title><p>Hi'));
      expect(await tab.call((suffix: string) => document.title + suffix, '!')).toBe('Hello!');
      const pdf = await tab.pdf({ preferCSSPageSize: true });
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    } finally {
      await tab.close();
    }
  });

  it('says which page could not be opened', async () => {
    const tab = await openTab({ width: 1280, height: 720 });
    try {
      await expect(tab.open('file:///no/such/deck/index.html')).rejects.toThrow(
        new DeckError('PAGE', 'cannot open file:///no/such/deck/index.html: net::ERR_FILE_NOT_FOUND'),
      );
    } finally {
      await tab.close();
    }
  });

  it('ends a page load that the browser will never finish when the browser goes', async () => {
    const tab = await openTab({ width: 1280, height: 720 });
    const opening = tab.open(page('<script>const t = Date.now(); while (Date.now() - t < 60000);</script>'));
    const outcome = expect(opening).rejects.toMatchObject({ code: 'BROWSER' });
    await new Promise((done) => setTimeout(done, 300));
    await tab.close();
    await outcome;
  }, 20_000);
});
