// @vitest-environment happy-dom
import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { comments } from '../../../src/markdown/comments.js';
import { compare, itemKey } from '../../../src/markdown/compare/index.js';
import { containers } from '../../../src/markdown/containers.js';
import type { MarkdownEnv } from '../../../src/markdown/env.js';
import { brief } from '../../helpers.js';

/** A bare markdown-it with only the compare plugin and the container check behind it. */
function renderCompare(source: string): { html: string; env: MarkdownEnv } {
  const md = markdownIt()
    .use(comments)
    .use(compare)
    .use((m) => containers(m, { known: ['compare'] }));
  const env = {} as MarkdownEnv;
  const html = md.render(source, env);
  return { html, env };
}

const SKILLS = `::: compare
### Management
- Interpersonal skills
- Communication
- Delegation

### Leadership
- communication.
- Delegation
- Creativity
:::`;

describe('::: compare', () => {
  it('renders each ### heading and what follows as a column', () => {
    const { html, env } = renderCompare(SKILLS);
    expect(env.diagnostics).toEqual([]);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const columns = [...doc.querySelectorAll('.compare.compare-cols-2 > .compare-column')];
    expect(columns.map((c) => c.querySelector('h3')?.textContent)).toEqual(['Management', 'Leadership']);
    expect(columns.map((c) => c.querySelectorAll('li').length)).toEqual([3, 3]);
  });

  it('labels each list by its column heading for screen readers', () => {
    const doc = new DOMParser().parseFromString(renderCompare(SKILLS).html, 'text/html');
    for (const list of doc.querySelectorAll('.compare-column ul')) {
      const heading = doc.getElementById(list.getAttribute('aria-labelledby') ?? '');
      expect(heading?.tagName).toBe('H3');
      expect(list.closest('.compare-column')?.contains(heading)).toBe(true);
    }
  });

  it('marks items found in more than one column, ignoring case and end punctuation', () => {
    const doc = new DOMParser().parseFromString(renderCompare(SKILLS).html, 'text/html');
    const shared = [...doc.querySelectorAll('li.shared')].map((li) => li.textContent?.replace(' (shared)', '').trim());
    expect(shared).toEqual(['Communication', 'Delegation', 'communication.', 'Delegation']);
    for (const li of doc.querySelectorAll('li.shared'))
      expect(li.querySelector('svg.compare-shared-mark')).not.toBeNull();
    expect(doc.querySelector('.compare-legend')?.textContent?.trim()).toBe('in both lists');
  });

  it('matches items the documented way', () => {
    expect(itemKey('  Problem-solving. ')).toBe('problem-solving');
    expect(itemKey('Forward  planning!')).toBe('forward planning');
    expect(itemKey('Communication')).not.toBe(itemKey('Communications'));
    expect(itemKey('Forward\tplanning')).toBe('forward planning');
    expect(itemKey('Forward\u00a0planning')).toBe('forward planning');
  });

  it('matches an item however its case, surrounding space, end punctuation or Unicode form differ', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'É', '-', '1'), minLength: 1 });
    const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        space,
        fc.constantFrom('', '.', '!', ' ?', ';'),
        (words, gap, end) => {
          const plain = words.join(' ');
          const written = `${gap}${words.join(gap).toUpperCase()}${end}${gap}`;
          expect(itemKey(written)).toBe(itemKey(plain));
          expect(itemKey(plain.normalize('NFD'))).toBe(itemKey(plain.normalize('NFC')));
          expect(itemKey(itemKey(written))).toBe(itemKey(written));
        },
      ),
      { numRuns: 2000 },
    );
    expect(itemKey('Café')).toBe(itemKey('Cafe\u0301'));
  });

  it("holds the mark and the screen readers' label to the item's whole last word, inside its own markup", () => {
    const { html } = renderCompare(
      '::: compare\n### A\n- Strategic thinking  \n- Forward **planning**\n- `npm test`\n- Café\u0301\n### B\n- strategic thinking\n- forward planning\n- `npm test`\n- café\u0301\n:::',
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const items = [...doc.querySelectorAll('.compare-column')[0]!.querySelectorAll('li.shared')];
    expect(items.map((li) => li.innerHTML.replace(/<svg[\s\S]*?<\/svg>/g, '◆'))).toEqual([
      'Strategic <span class="compare-shared-tail">thinking◆<span class="sr-only"> (shared)</span></span>',
      'Forward <strong><span class="compare-shared-tail">planning◆<span class="sr-only"> (shared)</span></span></strong>',
      '<span class="compare-shared-tail"><code>npm test</code>◆<span class="sr-only"> (shared)</span></span>',
      '<span class="compare-shared-tail">Café\u0301◆<span class="sr-only"> (shared)</span></span>',
    ]);
    // What the item says is unchanged.
    expect(items.map((li) => li.textContent)).toEqual([
      'Strategic thinking (shared)',
      'Forward planning (shared)',
      'npm test (shared)',
      'Café\u0301 (shared)',
    ]);
  });

  it('splits a long list of a two-column comparison into two sub-columns of balanced rows', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `- item ${i + 1}`).join('\n');
    const lists = (source: string) =>
      [...new DOMParser().parseFromString(renderCompare(source).html, 'text/html').querySelectorAll('ul')].map((ul) =>
        `${ul.className || 'plain'} ${ul.getAttribute('style') ?? ''}`.trim(),
      );
    expect(lists(`::: compare\n### A\n${list(10)}\n### B\n${list(11)}\n:::`)).toEqual([
      'compare-split --compare-rows: 5',
      'compare-split --compare-rows: 6',
    ]);
    expect(lists(`::: compare\n### A\n${list(7)}\n### B\n${list(6)}\n:::`)).toEqual([
      'compare-split --compare-rows: 4',
      'plain',
    ]);
    expect(lists(`::: compare\n### A\n${list(10)}\n### B\n${list(10)}\n### C\n- x\n:::`)).toEqual([
      'plain',
      'plain',
      'plain',
    ]);
  });

  it('turns shared marking off with noshared', () => {
    const { html } = renderCompare(SKILLS.replace('::: compare', '::: compare noshared'));
    expect(html).not.toContain('shared');
  });

  it('shows no legend when nothing is shared', () => {
    const { html } = renderCompare('::: compare\n### A\n- x\n### B\n- y\n:::');
    expect(html).not.toContain('compare-legend');
  });

  it('allows paragraphs and quotes in columns', () => {
    const { html, env } = renderCompare(
      '::: compare\n### Manager\n> "a person"\n\nSource\n### Leader\n> "the person"\n:::',
    );
    expect(env.diagnostics).toEqual([]);
    expect(html).toContain('<blockquote>\n<p>&quot;a person&quot;</p>\n</blockquote>\n<p>Source</p>');
  });

  it('supports three and four columns', () => {
    expect(renderCompare('::: compare\n### A\nx\n### B\ny\n### C\nz\n:::').html).toContain('compare-cols-3');
    expect(renderCompare('::: compare\n### A\n### B\n### C\n### D\n:::').html).toContain('compare-cols-4');
  });

  it('reveals items one by one in reading order with step', () => {
    const { html } = renderCompare(SKILLS.replace('::: compare', '::: compare step'));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const fragments = [...doc.querySelectorAll('.fragment')].map((e) => e.textContent?.replace(' (shared)', '').trim());
    expect(fragments).toEqual([
      'Interpersonal skills',
      'Communication',
      'Delegation',
      'communication.',
      'Delegation',
      'Creativity',
    ]);
  });

  it('reports one column, five columns and content before the first heading', () => {
    expect(brief(renderCompare('::: compare\n### Only\n- x\n:::').env.diagnostics)).toEqual([
      '1:1 error compare needs 2 to 4 columns, each starting with a "###" heading; found 1',
    ]);
    expect(brief(renderCompare('::: compare\n### A\n### B\n### C\n### D\n### E\n:::').env.diagnostics)[0]).toMatch(
      /found 5$/,
    );
    expect(brief(renderCompare('::: compare\nIntro\n\n### A\n### B\n:::').env.diagnostics)).toEqual([
      '2:1 error compare: content before the first "###" column heading',
    ]);
  });

  it('reports an unknown option at its column', () => {
    expect(brief(renderCompare('::: compare pairs sideways\n### A\n- x\n### B\n- y\n:::').env.diagnostics)).toEqual([
      '1:19 error unknown compare option "sideways"; options: pairs, venn, step, noshared',
    ]);
  });

  it('is plain text inside a code fence', () => {
    const { html, env } = renderCompare('```\n::: compare\n### A\n:::\n```');
    expect(env.diagnostics).toEqual([]);
    expect(html).toContain('<pre><code>::: compare\n### A\n:::\n</code></pre>');
  });

  it('nests inside other blocks as markdown-it-container does', () => {
    const { html, env } = renderCompare('> ::: compare\n> ### A\n> - x\n> ### B\n> - y\n> :::');
    expect(env.diagnostics).toEqual([]);
    expect(html).toMatch(/^<blockquote>\n<div class="compare compare-cols-2">/);
  });
});

describe('::: compare pairs', () => {
  const BENNIS =
    '::: compare pairs\n### The manager\n- administers\n- maintains\n### The leader\n- innovates\n- develops\n:::';

  it('renders aligned rows with the headings as column headers', () => {
    const doc = new DOMParser().parseFromString(renderCompare(BENNIS).html, 'text/html');
    expect([...doc.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['The manager', 'col'],
      ['The leader', 'col'],
    ]);
    expect([...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent))).toEqual([
      ['administers', 'innovates'],
      ['maintains', 'develops'],
    ]);
  });

  it('reveals row by row with step', () => {
    const doc = new DOMParser().parseFromString(renderCompare(BENNIS.replace('pairs', 'pairs step')).html, 'text/html');
    expect([...doc.querySelectorAll('tbody tr')].every((tr) => tr.classList.contains('fragment'))).toBe(true);
    expect(doc.querySelectorAll('.fragment')).toHaveLength(2);
  });

  it('reports lists of unequal length at the second column', () => {
    const { env } = renderCompare('::: compare pairs\n### A\n- 1\n- 2\n### B\n- 1\n:::');
    expect(brief(env.diagnostics)).toEqual([
      '5:1 error compare pairs: the lists must have the same length; "A" has 2 items, "B" has 1',
    ]);
  });

  it('reports three columns and a column that is not a single list', () => {
    expect(brief(renderCompare('::: compare pairs\n### A\n- 1\n### B\n- 1\n### C\n- 1\n:::').env.diagnostics)).toEqual([
      '1:1 error compare pairs needs exactly 2 columns; found 3',
    ]);
    expect(brief(renderCompare('::: compare pairs\n### A\nText\n### B\n- 1\n:::').env.diagnostics)).toEqual([
      '3:1 error compare pairs: each column must hold exactly one list',
    ]);
  });
});

describe('::: compare venn', () => {
  it('draws the groups as real SVG text with a title and a text alternative', () => {
    const { html, env } = renderCompare(SKILLS.replace('::: compare', '::: compare venn'));
    expect(env.diagnostics).toEqual([]);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const svg = doc.querySelector('svg.venn');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.querySelector('title')?.textContent).toBe('Venn diagram: Management and Leadership');
    expect(svg?.querySelector('desc')?.textContent).toBe(
      'Only Management: Interpersonal skills. Both: Communication, Delegation. Only Leadership: Creativity.',
    );
    const group = (name: string) => [...doc.querySelectorAll(`text.venn-item-${name}`)].map((t) => t.textContent);
    expect(group('left')).toEqual(['Interpersonal skills']);
    expect(group('shared')).toEqual(['Communication', 'Delegation']);
    expect(group('right')).toEqual(['Creativity']);
  });

  it('makes each item a fragment with step, left to right', () => {
    const { html } = renderCompare(SKILLS.replace('::: compare', '::: compare venn step'));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect([...doc.querySelectorAll('text.fragment')].map((t) => t.textContent)).toEqual([
      'Interpersonal skills',
      'Communication',
      'Delegation',
      'Creativity',
    ]);
  });

  it('reports more than two columns and both pairs and venn', () => {
    expect(brief(renderCompare('::: compare venn\n### A\n- 1\n### B\n- 1\n### C\n- 1\n:::').env.diagnostics)).toEqual([
      '1:1 error compare venn needs exactly 2 columns; found 3',
    ]);
    expect(brief(renderCompare('::: compare pairs venn\n### A\n- 1\n### B\n- 1\n:::').env.diagnostics)).toEqual([
      '1:19 error compare: choose either "pairs" or "venn", not both',
    ]);
  });
});
