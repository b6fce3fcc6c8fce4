import { describe, expect, it } from 'vitest';
import { brief, render, sectionHtml } from '../helpers.js';

const TOO_DEEP =
  'error raw HTML nested more than 256 elements deep; close elements sooner (a browser stops nesting at 512)';

const errors = (source: string) => brief(render(source).diagnostics);

describe('how deep raw HTML nests', () => {
  it('allows 256 open elements, and reports the 257th where it starts', () => {
    expect(errors(`# T\n\n${'<div>'.repeat(256)}x\n`)).toEqual([]);
    expect(errors(`# T\n\n${'<div>'.repeat(257)}x\n`)).toEqual([`3:${256 * 5 + 1} ${TOO_DEEP}`]);
  });

  it('follows the nesting from block to block, and reports the line of the block that goes too deep', () => {
    expect(errors(`# T\n\n${'<div>\n\n'.repeat(257)}`)).toEqual([`${3 + 256 * 2}:1 ${TOO_DEEP}`]);
    expect(errors(`# T\n\n<section>\n${'<div>'.repeat(100)}\n${'<div>'.repeat(200)}\n`)).toEqual([
      `5:${155 * 5 + 1} ${TOO_DEEP}`,
    ]);
  });

  it('counts inline raw HTML in a paragraph, reported at the tag that goes too deep', () => {
    expect(errors(`# T\n\nText ${'<span>'.repeat(100)}\n${'<b>'.repeat(157)}x\n`)).toEqual([
      `4:${156 * 3 + 1} ${TOO_DEEP}`,
    ]);
  });

  it('does not count elements that are closed, empty, self-closing or closed by their next sibling', () => {
    expect(errors(`# T\n\n${'<div>x</div>\n\n'.repeat(300)}`)).toEqual([]);
    expect(errors(`# T\n\n${'<div>\n\n</div>\n\n'.repeat(300)}`)).toEqual([]);
    expect(errors(`# T\n\n<p>${'a<br>b<img src="https://example.org/a.png"><x-icon/>'.repeat(300)}</p>\n`)).toEqual([]);
    expect(errors(`# T\n\n<ul>${'<li>item'.repeat(300)}</ul>\n\n<p>${'<span>a</span>'.repeat(300)}</p>\n`)).toEqual([]);
    // A closing tag that closes nothing closes nothing here either.
    expect(errors(`# T\n\n${'</div>'.repeat(300)}${'<div>'.repeat(200)}\n`)).toEqual([]);
  });

  it('starts again on each slide and in its notes', () => {
    const half = `${'<div>'.repeat(200)}x\n`;
    expect(errors(`# A\n\n${half}\n---\n\n# B\n\n${half}\nNote:\n${half}`)).toEqual([]);
  });

  it('reports a slide once and leaves out its raw HTML from there on', () => {
    const deck = render(`# T\n\n${'<div>'.repeat(300)}\n\n<p id="later">x</p>\n\n---\n\n${'<i>'.repeat(300)}\n`);
    expect(brief(deck.diagnostics)).toEqual([`3:${256 * 5 + 1} ${TOO_DEEP}`, `9:${256 * 3 + 1} ${TOO_DEEP}`]);
    expect(sectionHtml(deck, 0)).toContain('<h1>T</h1>');
    expect(sectionHtml(deck, 0)).not.toContain('later');
    expect(sectionHtml(deck, 0)).not.toContain('<div>');
  });

  it('ignores tags in code, in comments and in attribute values', () => {
    const code = `\`\`\`html\n${'<div>'.repeat(300)}\n\`\`\`\n\n\`${'<b>'.repeat(300)}\`\n`;
    expect(errors(`# T\n\n${code}`)).toEqual([]);
    expect(errors(`# T\n\n<div title="${'<div>'.repeat(300)}"><!-- ${'<div>'.repeat(300)} --></div>\n`)).toEqual([]);
  });
});
