// Line-highlight steps of code blocks, made at build time: the built deck steps through them as
// fragments, and `deck pdf --fragments` prints one page per step.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/commands/build.js';
import { exportPdf } from '../../src/commands/pdf.js';
import { projectAt } from '../../src/platform/paths.js';
import { openDeck } from './harness.js';

const FIXTURE = 'tests/fixtures/decks/code-steps.md';
const dir = mkdtempSync(join(tmpdir(), 'deck-code-'));
const project = projectAt(dir);

beforeAll(async () => {
  const source = readFileSync(FIXTURE, 'utf8');
  writeFileSync(join(dir, 'steps.md'), source);
  writeFileSync(join(dir, 'steps-black.md'), source.replace(/^---\n/, '---\ntheme: black\n'));
  const result = await buildDecks([join(dir, 'steps.md'), join(dir, 'steps-black.md')], {
    outDir: join(dir, 'out'),
    project,
  });
  expect(result.diagnostics).toEqual([]);
});

/** Each step of the deck as the presenter sees it: the slide, and the lit lines of the code on top. */
async function stepThrough(file: string) {
  const page = await openDeck(file);
  const { errors } = page;
  // Steps show at once instead of fading in: what is lit is the same, and nothing needs waiting for.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '.reveal .fragment, .reveal pre code { transition: none !important; }';
    document.head.append(style);
  });
  const seen: string[] = [];
  for (let step = 0; step < 30; step++) {
    const state = await page.evaluate(() => {
      const slide = window.deck!.getIndices().h + 1;
      const pre = document.querySelector('.reveal .slides section.present pre');
      const shown = pre && getComputedStyle(pre).visibility === 'visible';
      // The last code of the block that is showing is the one on top.
      const codes = [...(pre?.querySelectorAll(':scope > code') ?? [])].filter(
        (code) => getComputedStyle(code).visibility === 'visible' && getComputedStyle(code).opacity === '1',
      );
      const top = codes.at(-1);
      const lit = [...(top?.querySelectorAll('tr.highlight-line .hljs-ln-code') ?? [])].map((td) =>
        td.getAttribute('data-line-number'),
      );
      return {
        text: `${slide}: ${shown ? `lines ${lit.join(',') || 'none'}` : 'hidden'}`,
        last: window.deck!.isLastSlide() && !window.deck!.availableFragments().next,
      };
    });
    seen.push(state.text);
    if (state.last) break;
    await page.press('ArrowRight');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  await page.close();
  return { seen, errors };
}

describe('line-highlight steps', () => {
  it.each(['steps', 'steps-black'])('step through as fragments in the built deck (%s)', async (name) => {
    const { seen, errors } = await stepThrough(join(dir, 'out', name, 'index.html'));
    expect(seen).toEqual([
      '1: lines 1',
      '1: lines 2,3',
      '1: lines 5',
      '2: lines 10',
      '2: lines 11',
      '3: hidden',
      '3: lines 2',
    ]);
    expect(errors).toEqual([]);
  });

  it('print one page per step with deck pdf --fragments, one per slide without', async () => {
    const pages = async (fragments: boolean) => {
      const result = await exportPdf({
        deck: join(dir, 'steps.md'),
        project,
        out: join(dir, `steps-${fragments}.pdf`),
        fragments,
      });
      expect(result.diagnostics).toEqual([]);
      const pdf = await PDFDocument.load(new Uint8Array(readFileSync(result.file)), { updateMetadata: false });
      return { reported: result.pages, counted: pdf.getPageCount() };
    };
    expect(await pages(true)).toEqual({ reported: 7, counted: 7 });
    expect(await pages(false)).toEqual({ reported: 3, counted: 3 });
  });
});
