// A deck full of known script-injection payloads, with raw HTML allowed: the build sanitizes it
// and the page's Content-Security-Policy backs that up, so none of them runs, on screen, in the
// speaker view or when links and elements are clicked and hovered.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/commands/build.js';
import { REPO, render } from '../helpers.js';
import { openDeck, sleep } from './harness.js';

let page: string;
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'deck-xss-')), 'dist');
  const result = await buildDecks(['tests/fixtures/decks/xss.md'], { outDir: out, project: REPO });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  page = join(out, 'xss/index.html');
});
describe('script injection', () => {
  it('runs none of the payloads, wherever they are', async () => {
    const tab = await openDeck(page);
    const total = await tab.evaluate(() => window.deck!.getTotalSlides());
    for (let i = 0; i < total; i++) {
      await tab.evaluate((h) => window.deck!.slide(h, 0, 99), i);
      // Every element is pointed at and clicked, as a presenter's mouse might: any handler would run.
      await tab.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('.reveal .slides section.present *')) {
          for (const type of ['mouseover', 'mouseenter', 'focus']) element.dispatchEvent(new Event(type));
          if (element instanceof HTMLAnchorElement) element.click();
        }
      });
    }
    const speaker = await tab.waitForPopup(() => tab.press('s'));
    await sleep(500);
    expect(await speaker.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await tab.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect([...tab.dialogs, ...speaker.dialogs]).toEqual([]);
    expect(
      tab.errors.filter((e) => !/Content Security Policy|net::ERR_FILE_NOT_FOUND|Failed to load resource/.test(e)),
    ).toEqual([]);
  });

  it('leaves no script, handler or script URL in the built page', async () => {
    const tab = await openDeck(page);
    const found = await tab.evaluate(() => {
      const slides = document.querySelector('.reveal .slides')!;
      const elements = [...slides.querySelectorAll('*')];
      return {
        scripts: slides.querySelectorAll('script, iframe, object, embed').length,
        handlers: elements.flatMap((e) =>
          [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`),
        ),
        urls: elements.flatMap((e) =>
          [...e.attributes]
            .filter((a) => /^\s*(javascript|vbscript|data:text)/i.test(a.value))
            .map((a) => `${e.tagName} ${a.name}=${a.value}`),
        ),
        title: document.title,
      };
    });
    expect(found).toMatchObject({ scripts: 0, handlers: [], urls: [] });
    expect(found.title).toContain("</title><script>window.__xss='title'</script>");
  });

  it('rejects payloads in attribute comments at build time', () => {
    const deck = render(
      '# A\n\n<!-- .slide: onload="x()" -->\n\nText <!-- .element: onclick="x()" href="javascript:y" -->',
    );
    expect(deck.diagnostics.map((d) => d.message)).toEqual([
      'slide attribute comment: attribute "onload" is not allowed; use id, class, style or data-*',
      'element attribute comment: attribute "onclick" is not allowed; use id, class, style or data-*',
      'element attribute comment: attribute "href" is not allowed; use id, class, style or data-*',
    ]);
  });
});
