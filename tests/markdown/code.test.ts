// @vitest-environment happy-dom
// Code blocks in the markup reveal.js's highlight plugin makes in the browser, made at build time.

import { describe, expect, it } from 'vitest';
import { brief, render } from '../helpers.js';

/** The deck's first slide as a document, with its diagnostics. */
function slide(markdown: string) {
  const deck = render(markdown);
  const doc = new DOMParser().parseFromString(deck.sectionsHtml, 'text/html');
  return { doc, pre: doc.querySelector('pre')!, diagnostics: brief(deck.diagnostics) };
}

/** For each <code> of a block: its classes, and the numbers of the lines it lights. */
const steps = (pre: Element) =>
  [...pre.querySelectorAll(':scope > code')].map((code) => ({
    fragment: code.classList.contains('fragment'),
    lit: [...code.querySelectorAll('tr.highlight-line td.hljs-ln-code')].map((td) =>
      Number(td.getAttribute('data-line-number')),
    ),
  }));

const FUNCTION = `function add(a, b) {
  /* adds
     two numbers */
  return a + b;
}`;

describe('code blocks', () => {
  it('highlights code at build time, in a <pre class="code-wrapper"> around a <code class="hljs">', () => {
    const { pre, diagnostics } = slide('```js\nconst answer = 42; // why\n```');
    expect(diagnostics).toEqual([]);
    expect(pre.className).toBe('code-wrapper');
    const code = pre.querySelector('code')!;
    expect([...code.classList]).toEqual(['hljs', 'language-js']);
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('.hljs-comment')?.textContent).toBe('// why');
    expect(code.textContent).toBe('const answer = 42; // why');
    expect(pre.querySelector('table')).toBeNull();
  });

  it('shows code as written, never as HTML', () => {
    const { pre } = slide('```html\n<script>alert(1)</script>\n```\n\n```\n<b>bold</b> & more\n```');
    expect(pre.querySelector('script, b')).toBeNull();
    expect(pre.textContent).toBe('<script>alert(1)</script>');
    const plain = slide('```\n<b>bold</b> & more\n```').pre;
    expect(plain.querySelector('b')).toBeNull();
    expect(plain.textContent).toBe('<b>bold</b> & more');
  });

  it('shows a block without a language, or marked as plain text, unhighlighted', () => {
    for (const fence of ['```', '```text', '```nohighlight', '    ']) {
      const source = fence === '    ' ? '    let x = 1;' : `${fence}\nlet x = 1;\n\`\`\``;
      const { pre, diagnostics } = slide(source);
      expect(pre.querySelector('code')!.classList.contains('hljs')).toBe(true);
      expect(pre.querySelector('span')).toBeNull();
      expect(pre.textContent).toBe('let x = 1;');
      expect(diagnostics).toEqual([]);
    }
  });

  it('finds languages by their aliases', () => {
    for (const name of ['sh', 'py', 'yml', 'ts', 'HTML']) {
      const { pre, diagnostics } = slide(`\`\`\`${name}\nx\n\`\`\``);
      expect(diagnostics).toEqual([]);
      expect(pre.querySelector('code')!.classList.contains(`language-${name}`)).toBe(true);
    }
  });

  it('warns about a language highlight.js does not know, and shows the code plain', () => {
    const { pre, diagnostics } = slide('# T\n\n```klingon\nqapla\n```');
    expect(diagnostics).toEqual([
      '3:4 warning code block language "klingon" is not one highlight.js knows; the code is shown unhighlighted',
    ]);
    expect(pre.textContent).toBe('qapla');
  });

  it('puts attributes from a comment after the block on the <pre>, as reveal.js does', () => {
    const { pre } = slide('```js\nx\n```\n<!-- .element: class="fragment" data-fragment-index="2" id="demo" -->');
    expect(pre.className).toBe('code-wrapper fragment');
    expect(pre.getAttribute('data-fragment-index')).toBe('2');
    expect(pre.id).toBe('demo');
    expect(pre.querySelector('code')!.hasAttribute('class')).toBe(true);
    expect(pre.querySelector('code')!.classList.contains('fragment')).toBe(false);
  });
});

describe('line numbers and highlights', () => {
  it('numbers the lines of a block with [ ] after its language', () => {
    const { pre } = slide(`\`\`\`js []\n${FUNCTION}\n\`\`\``);
    const rows = [...pre.querySelectorAll('table.hljs-ln tr')];
    expect(rows.map((row) => row.querySelector('.hljs-ln-n')?.getAttribute('data-line-number'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    // A comment over two lines keeps its colour on both.
    expect(rows[2]!.querySelector('.hljs-ln-code .hljs-comment')?.textContent).toBe('     two numbers */');
    expect(steps(pre)).toEqual([{ fragment: false, lit: [] }]);
  });

  it('lights the lines of one highlight', () => {
    const { pre } = slide(`\`\`\`js [2-3,5]\n${FUNCTION}\n\`\`\``);
    expect(steps(pre)).toEqual([{ fragment: false, lit: [2, 3, 5] }]);
    expect(pre.querySelector('code')!.classList.contains('has-highlights')).toBe(true);
  });

  it('makes each step after the first a copy of the code that appears as a fragment', () => {
    const { pre } = slide(`\`\`\`js [1|2-3|5]\n${FUNCTION}\n\`\`\``);
    expect(steps(pre)).toEqual([
      { fragment: false, lit: [1] },
      { fragment: true, lit: [2, 3] },
      { fragment: true, lit: [5] },
    ]);
  });

  it('lights every line of overlapping and repeated ranges once', () => {
    const { pre } = slide(`\`\`\`js [1-3,2-4,4,4-9]\n${FUNCTION}\n\`\`\``);
    expect(steps(pre)).toEqual([{ fragment: false, lit: [1, 2, 3, 4, 5] }]);
  });

  it('refuses more highlight steps than a page can hold, and shows the block once', () => {
    const code = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');
    const many = slide(`\`\`\`text [${Array.from({ length: 101 }, () => '1').join('|')}]\n${code}\n\`\`\``);
    expect(many.diagnostics).toEqual([
      '1:9 error 101 highlight steps over 200 lines would show 20200 lines of code (each step is a copy of the block); use at most 20000 in all: fewer steps, or split the block',
    ]);
    expect(steps(many.pre)).toHaveLength(1);
    // At the limit the block is 4 MB of HTML: its copies are counted in the text, as a DOM of it
    // takes seconds to build.
    const enough = render(`\`\`\`text [${Array.from({ length: 100 }, () => '1').join('|')}]\n${code}\n\`\`\``);
    expect(enough.diagnostics).toEqual([]);
    expect(enough.sectionsHtml.match(/<code[ >]/g)).toHaveLength(100);
  });

  it('allows a step that lights nothing, and the brackets right after the language', () => {
    const { pre } = slide(`\`\`\`js[|4]\n${FUNCTION}\n\`\`\``);
    expect(steps(pre)).toEqual([
      { fragment: false, lit: [] },
      { fragment: true, lit: [4] },
    ]);
  });

  it('numbers from a given line, while highlights count from the first line of the block', () => {
    const { pre } = slide(`\`\`\`js [10: 1|4]\n${FUNCTION}\n\`\`\``);
    const numbers = [...pre.querySelectorAll('code:first-child .hljs-ln-n')].map((n) =>
      n.getAttribute('data-line-number'),
    );
    expect(numbers).toEqual(['10', '11', '12', '13', '14']);
    expect(steps(pre)).toEqual([
      { fragment: false, lit: [10] },
      { fragment: true, lit: [13] },
    ]);
  });

  it("takes reveal.js's attributes too: data-line-numbers, data-ln-start-from, data-fragment-index", () => {
    const { pre, diagnostics } = slide(
      `\`\`\`js data-line-numbers="1|4" data-ln-start-from="3" data-fragment-index="2"\n${FUNCTION}\n\`\`\``,
    );
    expect(diagnostics).toEqual([]);
    expect(steps(pre)).toEqual([
      { fragment: false, lit: [3] },
      { fragment: true, lit: [6] },
    ]);
    expect(pre.querySelector('code.fragment')!.getAttribute('data-fragment-index')).toBe('2');
    expect(pre.hasAttribute('data-line-numbers')).toBe(false);
  });

  it('takes line highlights from a comment after the block as well', () => {
    const { pre } = slide(`\`\`\`js\n${FUNCTION}\n\`\`\`\n<!-- .element: data-line-numbers="2|3" -->`);
    expect(steps(pre).map((step) => step.lit)).toEqual([[2], [3]]);
    expect(pre.hasAttribute('data-line-numbers')).toBe(false);
  });

  it('trims blank lines and shared indentation with data-trim, and accepts data-noescape', () => {
    const { pre, diagnostics } = slide('```js data-trim data-noescape\n\n    if (a) {\n      b();\n    }\n\n```');
    expect(diagnostics).toEqual([]);
    expect(pre.textContent).toBe('if (a) {\n  b();\n}');
    expect(pre.hasAttribute('data-trim')).toBe(false);
  });

  it('keeps other attributes of the fence for the <pre>', () => {
    const { pre } = slide('```js data-id="code" class="wide"\nx\n```');
    expect(pre.getAttribute('data-id')).toBe('code');
    expect(pre.className).toBe('code-wrapper wide');
  });
});

describe('mistakes in line highlights', () => {
  const problems = (info: string, comment = '') =>
    slide(`# T\n\n\`\`\`${info}\n${FUNCTION}\n\`\`\`${comment}`).diagnostics.filter((d) => d.includes('error'));

  it('reports brackets that hold something other than lines and ranges', () => {
    expect(problems('js [a|2]')).toEqual([
      '3:7 error line highlights must be line numbers and ranges such as [1|2-3] or [5: 1-2|3], not "[a|2]"',
    ]);
    expect(problems('js [1-2-3]')).toEqual([
      '3:7 error line highlights must be line numbers and ranges such as [1|2-3], not "1-2-3"',
    ]);
    expect(problems('js', '\n<!-- .element: data-line-numbers="1|x" -->')).toEqual([
      '10:35 error line highlights must be line numbers and ranges such as [1|2-3], not "1|x"',
    ]);
  });

  it('reports a range that runs backwards, and line 0', () => {
    expect(problems('js [4-2]')).toEqual(['3:7 error line range 4-2 runs backwards; write 2-4']);
    expect(problems('js [0]')).toEqual(['3:7 error line highlights count lines from 1, not from 0']);
  });

  it('warns about a step that starts past the end of the block, and lets a range run past it', () => {
    const warnings = (info: string) =>
      slide(`# T\n\n\`\`\`${info}\n${FUNCTION}\n\`\`\``).diagnostics.filter((d) => d.includes('warning'));
    expect(warnings('js [1|9]')).toEqual(['3:7 warning line 9 is past the end of the code block, which has 5 lines']);
    expect(warnings('js [1-100|2]')).toEqual([]);
    expect(problems('js [1-100|2]')).toEqual([]);
  });

  it('keeps other words of the info string as classes, as reveal.js does', () => {
    expect(problems('scala mdoc:reset')).toEqual([]);
    expect(render('```scala mdoc\nval x = 1\n```').sectionsHtml).toContain('class="hljs language-scala mdoc"');
  });

  it('reports highlights given twice, and numbers that are not numbers', () => {
    expect(problems('js [1] data-line-numbers="2"')[0]).toMatch(/error line highlights are given twice/);
    expect(problems('js data-ln-start-from="ten"')).toEqual([
      '3:27 error data-ln-start-from must be a line number, not "ten"',
    ]);
    expect(problems('js data-fragment-index="x"')[0]).toMatch(/error data-fragment-index must be a number, not "x"/);
  });

  it('reports an attribute that is not allowed', () => {
    expect(problems('js onclick="x()"')[0]).toMatch(/error code block: attribute "onclick" is not allowed/);
  });
});
