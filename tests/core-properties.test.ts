// Property-based: whatever an author types, mixing valid and broken syntax, the core (parse and
// render) never throws, and every diagnostic points at a line and column that exist in the input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/parse/index.js';
import { renderDeck } from '../src/render/index.js';

const word = fc.constantFrom(
  'Leadership',
  'Management',
  'vision',
  'team',
  'é',
  '→',
  '"quoted"',
  '<b>',
  '&amp;',
  '`code`',
  '**bold**',
  '',
);
const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
const attribute = fc.constantFrom(
  'id="a"',
  'class="fragment"',
  'data-timing="30"',
  'data-timing="soon"',
  'onclick="alert(1)"',
  'style="color:red"',
  'href="javascript:x"',
  'data-background-image="img/x.png"',
  'data-background-iframe="javascript:alert(1)"',
  'class="unclosed',
  '="broken"',
  'data-x',
);
const attributes = fc.array(attribute, { maxLength: 3 }).map((list) => list.join(' '));

/** One line of a deck: everything the format knows, and the ways it goes wrong. */
const line = fc.oneof(
  text,
  text.map((t) => `# ${t}`),
  text.map((t) => `## ${t}`),
  text.map((t) => `### ${t}`),
  text.map((t) => `- ${t}`),
  text.map((t) => `  - ${t}`),
  text.map((t) => `1. ${t}`),
  text.map((t) => `> ${t}`),
  fc.constantFrom(
    '---',
    '--',
    '----',
    '',
    '',
    '',
    ':::',
    '```',
    '~~~',
    '```js',
    '<!--',
    '-->',
    '***',
    '| a | b |',
    '|---|---|',
  ),
  fc.constantFrom(
    '::: compare',
    '::: compare pairs',
    '::: compare venn',
    '::: compare step noshared',
    '::: compare sideways',
    '::: columns',
    '::: compare pairs venn',
  ),
  text.map((t) => `Note: ${t}`),
  text.map((t) => `notes:${t}`),
  attributes.map((a) => `<!-- .slide: ${a} -->`),
  attributes.map((a) => `<!-- .slide: ${a}`),
  attributes.map((a) => `${a} -->`),
  attributes.map((a) => `text <!-- .element: ${a} -->`),
  attributes.map((a) => `<!-- .element: ${a} -->`),
  fc.constantFrom(
    '![chart](img/chart.png)',
    '![](x.png)',
    '![remote](https://example.org/a.png)',
    '[file](files/a.pdf)',
    '![a](<../up/b c.png>)',
    '[link](#/missing)',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constant('---\ntitle: Deck\nduration: 10\n---\n'),
  fc.constant('---\ntitle: Deck\n'),
  fc.constant('---\ntitle: [Draft\n---\n'),
  fc.constant('---\ntitle: a: b\nhtml: true\n---\n'),
  fc.constant('---\nunknown: 1\nreveal: [1]\nlang: 12\n---\n'),
  fc.constant('---\n- a\n---\n'),
  fc.constant('---\nhtml: true\nduration: 1\n---\n'),
  fc.constant('---\nreveal:\n  transition: fade\n    controls: no\n---\n'),
);

/** Lines of a deck with nothing wrong in it, so that half the decks are mostly right. */
const validLine = fc.oneof(
  text.map((t) => `## ${t}x`),
  text.map((t) => `- ${t}`),
  text.map((t) => `Note: ${t}`),
  fc.constantFrom(
    '',
    '',
    '---',
    '--',
    '<!-- .slide: class="quote" data-timing="20" -->',
    'Text <!-- .element: class="fragment" -->',
  ),
  fc.constantFrom(
    '::: compare\n### A\n- x\n- y\n\n### B\n- y\n:::',
    '::: compare pairs step\n### A\n- 1\n### B\n- 2\n:::',
  ),
);

/** 1,000 generated decks by default; DECK_PROPERTY_RUNS=10000 (say) for a deeper search. */
function propertyRuns(): number {
  const asked = process.env.DECK_PROPERTY_RUNS;
  if (asked === undefined || asked === '') return 1000;
  const runs = Number(asked);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`DECK_PROPERTY_RUNS must be a whole number, not "${asked}"`);
  return runs;
}

const newline = fc.constantFrom('\n', '\r\n', '\r');
const deck = fc
  .tuple(
    fc.oneof(frontMatter, fc.constant('---\ntitle: Fine\n---\n')),
    fc.oneof(fc.array(line, { maxLength: 40 }), fc.array(validLine, { minLength: 1, maxLength: 30 })),
    newline,
    fc.boolean(),
  )
  .map(([front, lines, eol, bom]) => `${bom ? '\uFEFF' : ''}${front}${lines.join(eol)}`);

describe('the core on any input', () => {
  it('is fed a real mix of valid and broken decks', () => {
    const samples = fc.sample(deck, { numRuns: 1000, seed: 42 });
    const broken = samples.filter((source) =>
      renderDeck(parseDeck(source, 'deck.md')).diagnostics.some((d) => d.severity === 'error'),
    );
    expect(broken.length).toBeGreaterThan(200);
    expect(broken.length).toBeLessThan(900);
  });

  it('never throws, and every diagnostic points inside the input', () => {
    fc.assert(
      fc.property(deck, (source) => {
        const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        const rendered = renderDeck(parseDeck(source, 'deck.md'));
        for (const d of rendered.diagnostics) {
          const where = `${d.line}:${d.column} ${d.message}`;
          expect(d.line, where).toBeGreaterThanOrEqual(1);
          expect(d.line, where).toBeLessThanOrEqual(Math.max(lines.length, 1));
          expect(d.column, where).toBeGreaterThanOrEqual(1);
          expect(d.column, where).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
        }
        expect(typeof rendered.sectionsHtml).toBe('string');
      }),
      { numRuns: propertyRuns() },
    );
  });
});
