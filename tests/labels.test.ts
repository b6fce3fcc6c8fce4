import { describe, expect, it } from 'vitest';
import { LABEL_LANGUAGES, type Labels, labelsFor } from '../src/labels.js';
import { parseDeck } from '../src/parse/index.js';
import { renderDeck } from '../src/render/index.js';

describe('labels in the deck’s language', () => {
  it('has a table for each language it names, with every label filled in', () => {
    for (const lang of LABEL_LANGUAGES) {
      const { labels, known } = labelsFor(lang);
      expect(known, lang).toBe(true);
      const strings = (group: object, path: string): [string, string][] =>
        Object.entries(group).flatMap(([key, value]) =>
          typeof value === 'string'
            ? [[`${path}${key}`, value] as [string, string]]
            : typeof value === 'object' && !Array.isArray(value)
              ? strings(value, `${path}${key}.`)
              : [],
        );
      for (const [key, value] of strings(labels, `${lang}.`)) expect(value.trim(), key).not.toBe('');
      expect(labels.handout.plan('0:14', '2:30'), lang).toMatch(/0:14\D+2:30/);
      expect(labels.slides(1), lang).not.toBe(labels.slides(2).replace('2', '1'));
      expect(labels.slideOf(3, 21), lang).toMatch(/3\D+21/);
      expect(labels.quotes, lang).toHaveLength(4);
    }
    // No two languages share these, so a missing translation would show.
    for (const pick of [
      (labels: Labels) => labels.inBothLists,
      (labels: Labels) => labels.handout.continuesOverleaf,
      (labels: Labels) => labels.room.timeIsUp,
    ]) {
      const words = LABEL_LANGUAGES.map((lang) => pick(labelsFor(lang).labels));
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('finds a language by its tag, region or case aside, and Brazil’s Portuguese apart from Portugal’s', () => {
    expect(labelsFor('de-CH').labels.inBothLists).toBe('in beiden Listen');
    expect(labelsFor('FR').labels.quotes[0]).toBe('«\u00a0');
    expect(labelsFor('pt_BR').labels.slideOf(1, 2)).toBe('Slide 1 de 2');
    expect(labelsFor('pt-PT').labels.quotes[0]).toBe('«');
    expect(labelsFor('ja')).toEqual({ labels: labelsFor('en').labels, known: false });
  });

  it('words a comparison’s legend and screen-reader label in the deck’s language', () => {
    const compare = '::: compare\n### A\n- Trust\n### B\n- Trust\n:::';
    const german = renderDeck(parseDeck(`---\nlang: de\n---\n\n${compare}`, 'talk.md')).sectionsHtml;
    expect(german).toContain('in beiden Listen</p>');
    expect(german).toContain('<span class="sr-only"> (gemeinsam)</span>');
    const english = renderDeck(parseDeck(compare, 'talk.md')).sectionsHtml;
    expect(english).toContain('in both lists</p>');
    expect(english).toContain('<span class="sr-only"> (shared)</span>');
  });

  it('sets quotation marks in the deck’s language, and warns once about a language it has no labels for', () => {
    const render = (front: string) => renderDeck(parseDeck(`---\n${front}\n---\n\n# "Lead"`, 'talk.md'));
    expect(render('lang: de').sectionsHtml).toContain('<h1>„Lead“</h1>');
    expect(render('lang: de').diagnostics).toEqual([]);
    const japanese = render('title: T\nlang: ja');
    expect(japanese.sectionsHtml).toContain('<h1>“Lead”</h1>');
    expect(japanese.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      '3:1 warning: lang "ja" has no labels of its own: the words the toolkit adds (legends, handouts, "Slide 1 of 2") are in English; languages with their own: en, de, fr, es, it, nl, pt',
    ]);
  });
});
