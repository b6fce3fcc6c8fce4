// Decks people already have, built by us and compared with what reveal.js's own Markdown plugin
// makes of them, slide by slide (see reference-page.ts for the reference, our-build.ts for ours,
// slide-model.ts for what is compared and compare.ts for how).
//
// A deck passes when every difference is listed in known-differences.json with its reason; an
// entry there that no longer matches anything fails too. Each deck's differences are written to
// tests/.output/compat/<deck>.txt, and all of them to differences.json.
//
// The harness checks itself first, on small decks whose answer is known.

import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDecks, type Difference, formatDifferences } from './compare.js';
import { type CorpusDeck, loadCorpus } from './corpus.js';
import { loadKnownDifferences, stale, unexpected } from './known-differences.js';
import { compareDeck, referenceSlides, type Session, startSession } from './session.js';

const OUTPUT = join(process.cwd(), 'tests/.output/compat');
const corpus = loadCorpus();
const known = loadKnownDifferences();

let session: Session;
beforeAll(async () => {
  session = await startSession();
  mkdirSync(OUTPUT, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

/** A one-off deck in its own folder, shown as a reveal-md 6 deck. */
async function handWritten(name: string, markdown: string): Promise<CorpusDeck> {
  const dir = await mkdtemp(join(session.work, `${name}-`));
  await writeFile(join(dir, 'deck.md'), markdown);
  return { name: `${name}-${dir.slice(-6)}`, dir, host: 'reveal-md@6', file: 'deck.md' };
}

describe('the harness itself', () => {
  const simple = `# Title

Opening words

Note: Welcome everyone.

---

## Plan

- First
- Second <!-- .element: class="fragment" -->

----

## Detail

| a | b |
|:-:|---|
| 1 | 2 |
`;

  it('finds no difference where our build and reveal.js agree', async () => {
    const differences = await compareDeck(session, await handWritten('agree', simple));
    expect(differences).toEqual([]);
  });

  it('reports a missing split, changed notes and a lost fragment, each where it happens', async () => {
    const before = await referenceSlides(session, await handWritten('before', simple));
    const changed = simple
      .replace('Note: Welcome everyone.', 'Note: Welcome, everyone.')
      .replace(' <!-- .element: class="fragment" -->', '')
      .replace('----\n\n## Detail', '## Detail');
    const after = await referenceSlides(session, await handWritten('after', changed));
    const found = compareDecks('deck', before, after).map((d) => `${d.slide} ${d.field}`);
    expect(found).toContain('0.0 notes');
    expect(found).toContain('1.0 fragments');
    expect(found).toContain('1.1 slide');
    expect(found).not.toContain('0.0 text');
  });
});

describe('the list of known differences', () => {
  const difference: Difference = { deck: 'd', slide: '1.0', field: 'notes', reference: 'Hello', ours: 'Hello!' };

  it('accepts a difference an entry names, and only that one', () => {
    const entry = { deck: 'd', field: 'notes' as const, slide: '1.0', contains: 'Hello!', reason: 'why' };
    expect(unexpected([difference], [entry])).toEqual([]);
    expect(unexpected([{ ...difference, slide: '2.0' }], [entry])).toHaveLength(1);
    expect(unexpected([{ ...difference, field: 'text' }], [entry])).toHaveLength(1);
  });

  it('calls an entry stale once its difference is gone', () => {
    const entry = { deck: 'd', field: 'notes' as const, reason: 'why' };
    expect(stale([entry], [difference])).toEqual([]);
    expect(stale([entry], [])).toEqual([entry]);
  });
});

describe('real decks', () => {
  const all: Difference[] = [];

  for (const deck of corpus) {
    it(deck.name, async () => {
      const differences = await compareDeck(session, deck);
      all.push(...differences);
      writeFileSync(join(OUTPUT, `${deck.name}.txt`), formatDifferences(deck.name, differences));
      const left = unexpected(differences, known);
      expect(left.length, formatDifferences(deck.name, left)).toBe(0);
    });
  }

  it('lists only known differences that still occur', () => {
    writeFileSync(join(OUTPUT, 'differences.json'), `${JSON.stringify(all, null, 2)}\n`);
    const unused = stale(known, all);
    expect(unused, 'known-differences.json lists differences that no longer occur').toEqual([]);
  });
});
