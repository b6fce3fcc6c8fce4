// What `deck present` learns of each slide from the render: its countdown (checked like any slide
// attribute), its title, its fragment steps as reveal.js counts them, and its notes, which the
// audience's copy leaves out entirely.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';
import { fragmentSteps, splitNoteAsides } from '../../src/render/outline.js';
import { brief, FILE, render } from '../helpers.js';

const ROOM_DECK = readFileSync('tests/fixtures/decks/room.md', 'utf8');

describe('data-countdown', () => {
  it('gives the slide a countdown in seconds, and passes the attribute through', () => {
    const deck = render('# A\n\n---\n\n<!-- .slide: data-countdown="300" -->\n## Exercise');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.map((slide) => slide.countdown)).toEqual([undefined, 300]);
    expect(deck.sectionsHtml).toContain('<section data-countdown="300">');
  });

  it('rounds a fraction of a second', () => {
    expect(render('<!-- .slide: data-countdown="90.4" -->\n# A').slides[0]?.countdown).toBe(90);
  });

  it.each([
    ['0', '0'],
    ['-30', '-30'],
    ['five minutes', 'five minutes'],
    ['', ''],
    ['1e9', '1e9'],
    ['Infinity', 'Infinity'],
    ['0.2', '0.2'],
  ])('reports %j at its line and column', (value, shown) => {
    const deck = render(`# A\n\n---\n\n## B\n\n<!-- .slide: class="x" data-countdown="${value}" -->`);
    expect(brief(deck.diagnostics)).toEqual([
      `7:24 error data-countdown must be a number of seconds from 1 to 86400, not "${shown}"`,
    ]);
    expect(deck.slides[1]?.countdown).toBeUndefined();
  });
});

describe('the outline of a deck', () => {
  const deck = renderDeck(parseDeck(ROOM_DECK, FILE));

  it('names each slide by its first heading, as it reads', () => {
    expect(deck.slides.map((slide) => slide.title)).toEqual([
      'Welcome',
      'Three points',
      'Stack top',
      'Stack below',
      'Exercise',
      'The end',
      'Quick break',
    ]);
    expect(render('Just text, no heading').slides[0]?.title).toBe('');
    expect(render('## *Leading* `well` and **more**').slides[0]?.title).toBe('Leading well and more');
  });

  it('counts fragment steps as reveal.js does', () => {
    expect(deck.slides.map((slide) => slide.fragments)).toEqual([0, 2, 0, 0, 0, 0, 0]);
    expect(fragmentSteps('<p class="fragment">a</p><p class="fragment">b</p>')).toBe(2);
    // Elements that share an index are one step; each one without an index is a step of its own.
    expect(
      fragmentSteps(
        '<p class="fragment" data-fragment-index="1">a</p><p class="x fragment" data-fragment-index="1">b</p><p class="fragment">c</p>',
      ),
    ).toBe(2);
    expect(fragmentSteps('<p class="fragments">not one</p><p class="fragment-like">nor this</p>')).toBe(0);
    expect(fragmentSteps('<p class="fragment" data-fragment-index="-1">x</p>')).toBe(0);
  });

  it('keeps the notes as HTML for the presenter', () => {
    expect(deck.slides[0]?.notesHtml).toContain('NOTES-SECRET-welcome');
    expect(deck.slides[5]?.notesHtml).toContain('NOTES-SECRET-end');
  });
});

describe('notes written in HTML', () => {
  it('are taken out of the slide, nested ones with the aside around them', () => {
    const html =
      '<p>Shown &amp; kept</p>\n<aside class="notes">Say <em>this</em></aside>\n<div><aside class="x notes">And <aside class="notes">that</aside></aside><aside class="note">not one</aside></div>';
    expect(splitNoteAsides(html)).toEqual({
      html: '<p>Shown &amp; kept</p>\n\n<div><aside class="note">not one</aside></div>',
      notes: ['Say <em>this</em>', 'And <aside class="notes">that</aside>'],
    });
  });

  it('leave HTML without them as it is', () => {
    const html = '<p>a&nbsp;b</p><aside class="sidebar">c</aside>';
    expect(splitNoteAsides(html)).toEqual({ html, notes: [] });
  });
});

describe('a deck rendered without notes', () => {
  it('has no notes in its HTML, neither as asides nor as data-notes', () => {
    const withNotes = renderDeck(parseDeck(ROOM_DECK, FILE));
    const without = renderDeck(parseDeck(ROOM_DECK, FILE), { notes: false });
    expect(withNotes.sectionsHtml).toContain('NOTES-SECRET');
    expect(without.sectionsHtml).not.toContain('NOTES-SECRET');
    expect(without.sectionsHtml).not.toContain('class="notes"');
    expect(without.sectionsHtml).not.toContain('data-notes');
    expect(without.sectionsHtml).not.toContain('<aside');
    // The presenter still gets them all: the attribute's, the aside's and the separator's.
    expect(without.slides[1]?.notesHtml).toContain('NOTES-SECRET-attribute');
    expect(without.slides[2]?.notesHtml).toContain('NOTES-SECRET-aside');
    expect(without.slides[2]?.notesHtml).toContain('NOTES-SECRET-top');
    // The static build keeps its notes where reveal.js reads them.
    expect(withNotes.sectionsHtml).toContain('<aside class="notes">NOTES-SECRET-aside');
    expect(withNotes.sectionsHtml).toContain('data-notes="NOTES-SECRET-attribute"');
    // The rest is the same deck: the same timings, the same slides.
    expect(without.slides.map((slide) => slide.timing)).toEqual(withNotes.slides.map((slide) => slide.timing));
  });
});
