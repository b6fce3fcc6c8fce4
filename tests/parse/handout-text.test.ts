// Text for the participants' handout: a `Handout:` line in a slide starts it, after the notes or
// instead of them, and it runs to the end of the slide (or to the slide's notes, when they follow).
// It is in no speaker notes and on no slide; speaker notes are never in it.

import { describe, expect, it } from 'vitest';
import { brief, render, sectionHtml } from '../helpers.js';

const handoutOf = (source: string, index = 0) => render(source).slides[index]?.handoutHtml;
const notesOf = (source: string, index = 0) =>
  /<aside class="notes">\n([\s\S]*)<\/aside>/.exec(sectionHtml(render(source), index))?.[1];

describe('the Handout: line', () => {
  it('starts text for the participants, after the notes; neither is in the other', () => {
    const source = '# Exercise\n\nNote: Give them five minutes.\n\nHandout: Work in pairs.\n\n- Ask\n- Listen';
    expect(notesOf(source)).toBe('<p>Give them five minutes.</p>\n');
    expect(handoutOf(source)).toBe('<p>Work in pairs.</p>\n<ul>\n<li>Ask</li>\n<li>Listen</li>\n</ul>\n');
    expect(render(source).sectionsHtml).not.toContain('pairs');
  });

  it('may stand instead of the notes, or before them', () => {
    expect(handoutOf('# A\n\nHandout: Only for the room.')).toBe('<p>Only for the room.</p>\n');
    expect(notesOf('# A\n\nHandout: Only for the room.')).toBeUndefined();
    const before = '# A\n\nHandout: For the room.\n\nNote: For the trainer.';
    expect(handoutOf(before)).toBe('<p>For the room.</p>\n');
    expect(notesOf(before)).toBe('<p>For the trainer.</p>\n');
  });

  it('ends at the next slide, and belongs to its own slide only', () => {
    const deck = render('# A\n\nHandout: First.\n\n---\n\n## B\n\nText under B');
    expect(deck.slides.map((slide) => slide.handoutHtml)).toEqual(['<p>First.</p>\n', undefined]);
    expect(sectionHtml(deck, 1)).toContain('Text under B');
  });

  it('ends a paragraph right above it, and is read in any case, with the text on its line or below', () => {
    expect(handoutOf('# A\n\nSome text\nhandout:\n    Indented below.')).toBe('<p>Indented below.</p>\n');
    expect(sectionHtml(render('# A\n\nSome text\nHANDOUT: x'), 0)).toContain('<p>Some text</p>');
  });

  it('is text inside code, a comment, a list, a quote, a paragraph line and a code block', () => {
    for (const source of [
      '# A\n\n```\nHandout: code\n```',
      '# A\n\n<!-- a remark\nHandout: hidden\n-->',
      '# A\n\n- Handout: an item',
      '# A\n\n> Handout: quoted',
      '# A\n\nThe Handout: is inline',
      '# A\n\n    Handout: indented code',
      '# A\n\nHandouts: plural',
    ]) {
      expect(handoutOf(source), source).toBeUndefined();
    }
    expect(sectionHtml(render('# A\n\n```\nHandout: code\n```'), 0)).toContain('Handout: code');
  });

  it('keeps a second Handout: line in a slide as its text', () => {
    expect(handoutOf('# A\n\nHandout: one\n\nHandout: two')).toBe('<p>one</p>\n<p>Handout: two</p>\n');
  });

  it('warns when a second notes marker would put speaker notes in the participants’ handout', () => {
    const source = '# A\n\nNote: first\n\nHandout: for the room\n\nNote: more for the trainer';
    const deck = render(source);
    expect(deck.slides[0]!.handoutHtml).toBe('<p>for the room</p>\n<p>Note: more for the trainer</p>\n');
    expect(brief(deck.diagnostics)).toEqual([
      '7:1 warning this slide already has notes, so this line is text of the participants\' handout; put all speaker notes before "Handout:"',
    ]);
  });

  it('makes a slide with nothing but handout text no empty slide, and adds no time to the plan', () => {
    const deck = render('---\nduration: 1\n---\n\n# A\n\nNote: Say a lot here, a lot.\n\n---\n\nHandout: only this');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.map((slide) => slide.timing)).toEqual([39, 21]);
  });
});
