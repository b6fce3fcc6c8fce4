// The handout keeps each slide's shape: the picture beside the notes has the deck's canvas ratio,
// and the slide fills it, for a 4:3 deck as for the usual 16:9.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPrintView } from '../../src/browser/deck-page.js';
import { buildDecks } from '../../src/commands/build.js';
import { handoutLayout } from '../../src/commands/handout-pdf.js';
import { canvasSize } from '../../src/contract.js';
import { layoutHandout } from '../../src/html/handout-page.js';
import { REPO } from '../helpers.js';
import { newPage } from './harness.js';

async function handoutPictures(revealOptions: string) {
  const folder = mkdtempSync(join(tmpdir(), 'deck-handout-'));
  writeFileSync(
    join(folder, 'talk.md'),
    `---\ntitle: Shapes\n${revealOptions}---\n\n# One\n\nNote: First.\n\n---\n\n## Two\n`,
  );
  const built = await buildDecks([join(folder, 'talk.md')], { outDir: join(folder, 'dist'), project: REPO });
  const deck = built.decks[0]!;
  const canvas = canvasSize(deck.rendered.revealConfig);
  const page = await newPage(canvas);
  await openPrintView(page, pathToFileURL(join(built.outDir, 'talk/index.html')).href);
  await page.evaluate(
    layoutHandout,
    handoutLayout(deck, { kind: 'trainer', paper: 'A4', title: 'Shapes', facts: [], canvas }),
  );
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.handout-slide')].map((picture) => {
      // Inside the picture's border.
      const { width, height } = { width: picture.clientWidth, height: picture.clientHeight };
      const slide = picture.querySelector('.handout-reveal section')!.getBoundingClientRect();
      return {
        ratio: width / height,
        slideFills: Math.abs(slide.width - width) < 1.5 && Math.abs(slide.height - height) < 1.5,
      };
    }),
  );
}

describe('the handout', () => {
  it("draws each slide at the deck's canvas ratio: 4:3", async () => {
    const pictures = await handoutPictures('reveal:\n  width: 1024\n  height: 768\n');
    expect(pictures.map((p) => p.slideFills)).toEqual([true, true]);
    // To the pixel the picture is rounded to.
    for (const { ratio } of pictures) expect(Math.abs(ratio - 4 / 3)).toBeLessThan(0.015);
  });

  it("draws each slide at the deck's canvas ratio: 16:9 by default", async () => {
    const pictures = await handoutPictures('');
    expect(pictures.map((p) => p.slideFills)).toEqual([true, true]);
    for (const { ratio } of pictures) expect(Math.abs(ratio - 16 / 9)).toBeLessThan(0.015);
  });
});
