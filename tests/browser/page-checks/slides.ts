// Small pages laid out like a deck's slides, for testing one in-page rule at a time: each
// `<section>` is a 1280x720 slide at the top left of a 1280x720 canvas, as reveal.js's `.slides`
// is (headings 50 px tall, lines 40 px, no margins), under a built deck's Content-Security-Policy (so nothing from the web is fetched),
// with the theme's minimum text size.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '../../../src/browser/driver.js';
import type { PageProblem } from '../../../src/browser/page-checks/index.js';
import { loadPageChecks } from '../../../src/browser/page-checks-bundle.js';
import { browser } from '../harness.js';

const folder = mkdtempSync(join(tmpdir(), 'deck-rules-'));
writeFileSync(join(folder, 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
let pages = 0;

const PAGE = (slides: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'">
<style>
  :root { --deck-min-font-size: 20px; }
  body { margin: 0; font: 32px/40px sans-serif; }
  h2, p { margin: 0; }
  h2 { font-size: 40px; line-height: 50px; }
  .slides { position: relative; width: 1280px; height: 720px; }
  .slides > section { position: absolute; top: 0; left: 0; width: 1280px; height: 720px; }
  /* Shown beside the slide, as reveal.js's print view can show them. */
  aside.notes { position: absolute; top: 0; left: 1300px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; }
</style></head>
<body><div class="reveal"><div class="slides">
${slides}
</div></div></body></html>`;

let tab: Promise<Page> | undefined;

/**
 * A page of the given slides (`<section>`s), with dot.svg beside it (an image that loads). Every
 * rule test loads its page into the same tab: they run one after another, and a tab costs a renderer.
 */
export async function slidesPage(slides: string): Promise<Page> {
  const file = join(folder, `page-${++pages}.html`);
  writeFileSync(file, PAGE(slides));
  tab ??= browser().then((shared) => shared.newPage());
  const page = await tab;
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))));
  await loadPageChecks(page);
  return page;
}

export type RuleName = keyof NonNullable<Window['deckPageChecks']>['rules'];

/** One rule on each slide of the page, as `deck check` runs it: slides numbered from 1. */
export function runRule(page: Page, rule: RuleName, layout: 'screen' | 'print' = 'screen'): Promise<PageProblem[]> {
  return page.evaluate(
    ({ rule, layout }) => {
      const checks = window.deckPageChecks!;
      const sections = [...document.querySelectorAll<HTMLElement>('.slides > section')];
      return sections.flatMap((section, index) =>
        checks.rules[rule](checks.slideUnderCheck(section, index + 1, layout)),
      );
    },
    { rule, layout },
  );
}

/** Problems as `line rule: message`, for readable assertions. */
export const brief = (problems: PageProblem[]) => problems.map((p) => `${p.line} ${p.rule}: ${p.message}`);
