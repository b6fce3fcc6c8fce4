// deck check in real Chromium: the flagship deck is clean, and each kind of problem is found and
// pointed at its source line.

import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckResult, checkDecks } from '../../src/commands/check.js';
import { DeckError } from '../../src/errors.js';
import { REPO } from '../helpers.js';
import { deckOfSize, neverLoadingDeck } from './decks.js';

const brief = (result: CheckResult) => result.findings.map((f) => `${f.line} ${f.severity} ${f.rule}: ${f.message}`);

describe('deck check', () => {
  it('finds nothing wrong with the flagship deck, nor with code whose highlight steps dim lines on purpose', async () => {
    const result = await checkDecks(['slides/leadership-vs-management.md', 'tests/fixtures/decks/code-steps.md'], REPO);
    expect(brief(result)).toEqual([]);
  });

  it('points at the lines of an included file, and says which variants a finding is in', async () => {
    const result = await checkDecks(['tests/fixtures/courses/checked.md'], REPO);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}: ${f.message}`)).toEqual([
      'tests/fixtures/courses/parts/unchecked.md:1 warning notes: slide 2 has no speaker notes; add a "Note:" line',
      'tests/fixtures/courses/parts/unchecked.md:3 error image-alt: slide 2 "A part with problems": image img/pic.png has no alt text; describe it in the brackets: ![what it shows](img/pic.png)',
      'tests/fixtures/courses/parts/unchecked.md:7 warning notes: slide 3 has no speaker notes; add a "Note:" line (in the full variant)',
    ]);
  });

  it('reports overflow in both layouts and text below the minimum', async () => {
    const result = await checkDecks(['tests/fixtures/decks/overflow.md'], REPO);
    const lines = brief(result).filter((f) => !f.includes(' notes: '));
    expect(lines).toEqual([
      '13 error overflow: slide 2 "Far too long": content overflows the slide by 17 px at the bottom (screen layout)',
      '13 error overflow: slide 2 "Far too long": content overflows the slide by 17 px at the bottom (print layout)',
      '32 warning min-font-size: slide 3 "Tiny print": text "A footnote" is 12 px, below the theme\'s minimum of 20 px',
    ]);
    expect(result.errors).toBe(2);
  });

  describe('on a deck with one of each problem', () => {
    let result: CheckResult;
    beforeAll(async () => {
      result = await checkDecks(['tests/fixtures/decks/problems.md'], REPO);
    });

    it('reports an image without alt text as an error at its line', () => {
      expect(brief(result)).toContainEqual(
        '18 error image-alt: slide 2 "Pictures": image img/chart.svg has no alt text; describe it in the brackets: ![what it shows](img/chart.svg)',
      );
    });

    it('warns about a resource that needs the network', () => {
      expect(brief(result)).toContainEqual(
        '20 warning remote: slide 2 "Pictures": https://example.org/logo.png needs the network during the talk; save it next to the deck instead',
      );
    });

    it('reports a link to a slide id that does not exist, and accepts slide numbers', () => {
      const links = brief(result).filter((line) => line.includes(' link: '));
      expect(links).toEqual(['28 error link: slide 3 "Links": link #/summary points to no slide with id "summary"']);
    });

    it('warns about a slide without notes and a pacing plan that does not add up', () => {
      expect(brief(result)).toContainEqual('36 warning notes: slide 4 has no speaker notes; add a "Note:" line');
      expect(brief(result)).toContainEqual(
        "3 warning pacing: the slides' timings add up to 3.3 min, but duration is 2 min; adjust data-timing or duration",
      );
    });

    it("runs axe-core: serious violations are errors at the element's line", () => {
      const axe = result.findings.filter((f) => f.rule.startsWith('axe/'));
      expect(axe.map((f) => [f.rule, f.severity, f.line])).toContainEqual(['axe/color-contrast', 'error', 28]);
    });

    it('counts errors and warnings', () => {
      expect(result.errors).toBe(result.findings.filter((f) => f.severity === 'error').length);
      expect(result.warnings).toBe(result.findings.length - result.errors);
      expect(result.errors).toBeGreaterThanOrEqual(3);
    });
  });

  it('checks a deck at its own canvas size: 1700 px fit 1920x1080, not 1280x720', async () => {
    const result = await checkDecks([deckOfSize(1920, 1080), deckOfSize(1280, 720)], REPO);
    const overflow = result.findings.filter((f) => f.rule === 'overflow');
    expect(overflow.map((f) => f.file.match(/deck-\d+x\d+\.md$/)?.[0])).toEqual([
      'deck-1280x720.md',
      'deck-1280x720.md',
    ]);
    expect(overflow.map((f) => f.message)).toEqual([
      expect.stringMatching(/^slide 2 "Wide": content overflows the slide by \d+ px at the right \(screen layout\)$/),
      expect.stringMatching(/^slide 2 "Wide": content overflows the slide by \d+ px at the right \(print layout\)$/),
    ]);
  });

  it.runIf(process.platform !== 'win32')('fails in time on a deck page that never finishes loading', async () => {
    const { deck, never } = neverLoadingDeck();
    const limits = { load: 500, ready: 500, print: 5000 };
    const failure = await checkDecks([deck], REPO, { limits }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeckError);
    expect(failure).toMatchObject({ code: 'PAGE' });
    expect((failure as DeckError).message).toMatch(
      // The screen and print views load side by side: either may be the first to give up, and
      // what else is still loading waits behind the file that never comes.
      new RegExp(
        `^file:///.+/index\\.html(\\?print-pdf\\S*)? did not finish loading within 0.5 s; still loading .*${never}`,
      ),
    );
  });

  it('reports build errors and stops before the browser', async () => {
    const result = await checkDecks(['tests/fixtures/decks/does-not-exist.md'], REPO);
    expect(brief(result)).toEqual(['1 error build: no such file']);
  });
});
