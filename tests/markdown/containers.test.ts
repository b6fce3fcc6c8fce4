import { describe, expect, it } from 'vitest';
import { brief, render } from '../helpers.js';

describe('::: containers', () => {
  it('reports an unknown container name at its line', () => {
    expect(brief(render('# T\n\n::: columns\ntext\n:::').diagnostics)).toEqual([
      '3:5 error unknown container "columns"; known: compare',
    ]);
  });

  it('reports a stray closing marker', () => {
    expect(brief(render('# T\n\ntext\n\n:::').diagnostics)).toEqual([
      '5:1 error ":::" opens no named container (a closing marker without an opening one?)',
    ]);
  });

  it('reports a container that is never closed', () => {
    expect(brief(render('# T\n\n::: compare\n### A\n- x\n### B\n- y').diagnostics)).toEqual([
      '3:1 error "::: compare" is not closed: add a line ":::" after its content',
    ]);
  });

  it('leaves ::: inside a code fence alone', () => {
    const deck = render('# T\n\n```\n::: unknown\n:::\n```');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.sectionsHtml).toContain('::: unknown');
  });
});
