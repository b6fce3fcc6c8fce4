// deck new: a starter deck a trainer can present at once, with every kind of slide shown and
// explained, written beside the other decks and never over one.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkDecks } from '../../src/commands/check.js';
import { newDeck, STARTER_DECK, titleOf } from '../../src/commands/new-deck.js';
import { compileDecks } from '../../src/compile/compile.js';
import { DeckError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/model.js';
import { parseDeck } from '../../src/parse/index.js';
import { projectAt } from '../../src/platform/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-new-'));
});

const usageError = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error);

describe('deck new', () => {
  it('writes slides/<name>.md, titled after the name, that builds without a single warning', async () => {
    const project = projectAt(dir);
    const { file } = await newDeck('team-feedback', project);
    expect(file).toBe(join(dir, 'slides/team-feedback.md'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: "Team feedback"\n');
    const result = await compileDecks([file], project);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.decks[0]!.rendered.meta.title).toBe('Team feedback');
    expect(readdirSync(join(dir, 'slides'))).toEqual(['team-feedback.md']);
  });

  it('is clean under deck check --strict', async () => {
    const project = projectAt(dir);
    const { file } = await newDeck('starter', project);
    const result = await checkDecks([file], project);
    expect(result.findings.map(formatDiagnostic)).toEqual([]);
  });

  it('refuses to replace a deck that is there, and leaves it as it was', async () => {
    const project = projectAt(dir);
    await newDeck('talk', project);
    writeFileSync(join(dir, 'slides/talk.md'), '# My own work\n');
    const failure = await usageError(newDeck('talk.md', project));
    expect(failure).toBeInstanceOf(DeckError);
    expect(failure).toMatchObject({
      code: 'USAGE',
      message: 'slides/talk.md already exists; choose another name, or edit that deck',
    });
    expect(readFileSync(join(dir, 'slides/talk.md'), 'utf8')).toBe('# My own work\n');
    expect(readdirSync(join(dir, 'slides'))).toEqual(['talk.md']);
  });

  it('takes a name, not a path', async () => {
    for (const name of ['../escape', 'a/b', '', '-dash', 'two words', '.hidden']) {
      const failure = await usageError(newDeck(name, projectAt(dir)));
      expect(failure, name).toMatchObject({
        code: 'USAGE',
        message: `"${name}" cannot name a deck: use letters, digits, "-" and "_" (it becomes slides/<name>.md and the deck's folder in the build)`,
      });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('titles a deck after its name', () => {
    expect(titleOf('team-feedback')).toBe('Team feedback');
    expect(titleOf('q3_review')).toBe('Q3 review');
    expect(titleOf('éte')).toBe('Éte');
  });
});

describe('the starter deck', () => {
  const source = readFileSync(STARTER_DECK, 'utf8');
  const deck = parseDeck(source, 'templates/starter.md');

  it('shows each kind of slide: title, content, comparison, quote, timed exercise and sources', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.map((slide) => slide.attributes)).toEqual([
      { class: 'title' },
      {},
      {},
      { class: 'quote' },
      { 'data-timing': '300' },
      { id: 'sources' },
    ]);
    expect(source).toContain('::: compare');
    expect(source).toMatch(/^> "/m);
  });

  it('has speaker notes on every slide, and participants’ text for the exercise', () => {
    expect(deck.slides.every((slide) => slide.notes && slide.notes.length > 0)).toBe(true);
    expect(deck.slides.map((slide) => slide.handout !== undefined)).toEqual([false, false, false, false, true, false]);
  });

  it('explains itself in comments, which show on no slide', async () => {
    const comments = source.match(/<!--(?! \.slide:)[\s\S]*?-->/g) ?? [];
    expect(comments.length).toBeGreaterThanOrEqual(3);
    const { file } = await newDeck('commented', projectAt(dir));
    const { decks } = await compileDecks([file], projectAt(dir));
    expect(decks[0]!.rendered.sectionsHtml).not.toContain('shows nowhere');
  });
});
