// The flagship deck is ready to teach: every slide has a heading, content and speaker notes a
// trainer can use; the quotations are exact; the sources are named; the timing adds up.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { selectVariant } from '../../src/parse/variants.js';
import { renderDeck } from '../../src/render/index.js';
import { markdownOf, sectionHtml } from '../helpers.js';

const FILE = 'slides/leadership-vs-management.md';
const source = readFileSync(FILE, 'utf8');
const deck = parseDeck(source, FILE);
const rendered = renderDeck(deck);
/** The article the deck is written from, where this checkout has it beside it. */
const ARTICLE = '../shared/source/leadership-vs-management.txt';

const QUOTATIONS = [
  'a person responsible for controlling or administering all or part of a company or similar organization.',
  'the person who leads or commands a group, organization, or country.',
  'I think of management as working with other people to make sure the goals an organization has articulated are executed.',
  "It's the process of working with others to ensure the effective execution of a chosen set of goals. Leadership is about developing what the goals should be. It's more about driving change.",
  'The manager administers; the leader innovates.',
  'The manager maintains; the leader develops.',
  'The manager focuses on systems and structure; the leader focuses on people.',
];

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** The quoted passages of the deck: text between straight double quotes inside blockquotes. */
const quoted = [...source.matchAll(/^>\s*"(.+)"\s*$/gm)].map((m) => m[1]!);

describe('the flagship deck', () => {
  it('builds without errors or warnings', () => {
    expect(rendered.diagnostics).toEqual([]);
  });

  it('has the front matter a trainer needs', () => {
    expect(deck.meta).toMatchObject({ title: 'Leadership vs Management', lang: 'en' });
    expect(deck.meta.author).toBeTruthy();
    expect(deck.meta.description).toBeTruthy();
    expect(deck.meta.duration).toBeGreaterThanOrEqual(30);
    expect(deck.meta.duration).toBeLessThanOrEqual(45);
  });

  it('plans slide times that add up to the duration', () => {
    const total = rendered.slides.reduce((sum, s) => sum + (s.timing ?? 0), 0);
    expect(total).toBe((deck.meta.duration ?? 0) * 60);
    expect(rendered.slides.every((s) => (s.timing ?? 0) >= 20)).toBe(true);
  });

  it.each(deck.slides.map((slide) => [slide.span.startLine, slide] as const))(
    'slide at line %i has one heading, content and notes',
    (_, slide) => {
      const body = markdownOf(source, slide.body);
      const headings = body.match(/^#{1,2} .+$/gm) ?? [];
      expect(headings).toHaveLength(1);
      const content = body.replace(/^#{1,2} .+$/gm, '').trim();
      expect(content.length).toBeGreaterThan(0);

      const notes = markdownOf(source, slide.notes);
      const talkTrack = notes
        .split(/\n\s*\n/)
        .filter((p) => !/^\*\*(Ask|Next):\*\*/.test(p.trim()))
        .join(' ');
      expect(words(talkTrack)).toBeGreaterThanOrEqual(40);
      expect(words(talkTrack)).toBeLessThanOrEqual(150);
      expect(notes).toMatch(/^\*\*Next:\*\* \S/m);
    },
  );

  it('asks the room questions', () => {
    const asking = deck.slides.filter((s) => /^\*\*Ask:\*\* .+\?/m.test(markdownOf(source, s.notes)));
    expect(asking.length).toBeGreaterThanOrEqual(8);
  });

  it('quotes every quotation of the article, exactly', () => {
    for (const quotation of QUOTATIONS) expect(quoted).toContain(quotation);
  });

  it.skipIf(!existsSync(ARTICLE))('quotes nothing that is not word for word in the article', () => {
    const article = readFileSync(ARTICLE, 'utf8');
    for (const quotation of [...QUOTATIONS, ...quoted]) expect(article).toContain(quotation);
  });

  it('attributes each quotation', () => {
    expect(source).toMatch(/"a person responsible[^\n]+\n\n— Google's English dictionary/);
    expect(
      source.match(
        /— Nitin Nohria, Dean of Harvard Business School, interview for the online course Management Essentials/g,
      ),
    ).toHaveLength(2);
    expect(source).toMatch(/focuses on people\."\n\n— Warren Bennis, \*On Becoming a Leader\*/);
  });

  it('names every source on the sources slide', () => {
    const sources = deck.slides.find((s) => s.attributes.id === 'sources');
    const text = markdownOf(source, sources?.body);
    for (const name of [
      "Google's English dictionary",
      'Haiilo',
      'Nitin Nohria',
      'Management Essentials',
      'Warren Bennis',
      'On Becoming a Leader',
      'ProjectManager',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('uses every kind of comparison', () => {
    const html = rendered.sectionsHtml;
    expect(html).toContain('class="compare compare-cols-2"');
    expect(html).toContain('class="compare compare-pairs compare-step"');
    expect(html).toContain('<svg class="venn"');
    // Each shared item's text, without its mark and what screen readers hear of it.
    const shared = [...html.matchAll(/<li class="shared">(.*?)<\/li>/g)].map((m) =>
      m[1]!
        .replace(/<span class="sr-only">.*?<\/span>/g, '')
        .replace(/<[^>]+>/g, '')
        .trim(),
    );
    expect([...new Set(shared)].sort()).toEqual(['Communication', 'Delegation', 'Motivation']);
  });
});

describe('the flagship deck as a course', () => {
  const short = renderDeck(selectVariant(deck, 'short'));
  const full = renderDeck(selectVariant(deck, 'full'));
  const headingsOf = (html: string) => [...html.matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)].map((m) => m[1]!);

  it('is a 40-minute talk with every slide, and a 20-minute one without the section openers, a quote and the recap', () => {
    expect([full.meta.duration, full.slides.length]).toEqual([40, deck.slides.length]);
    expect([short.meta.duration, short.slides.length]).toEqual([20, 16]);
    const left = headingsOf(full.sectionsHtml).filter((h) => !headingsOf(short.sectionsHtml).includes(h));
    expect(left).toEqual([
      'Three key differences',
      'How Nohria frames management',
      'The skills behind each role',
      'Three differences at a glance',
      'Over to you',
    ]);
  });

  it('plans each variant over its own length, the exercise keeping its five minutes', () => {
    for (const variant of [short, full]) {
      expect(variant.slides.reduce((sum, s) => sum + (s.timing ?? 0), 0)).toBe(variant.meta.duration! * 60);
      expect(variant.slides.every((s) => (s.timing ?? 0) >= 20)).toBe(true);
    }
    const exercise = (variant: typeof short) =>
      variant.slides.find((s) => sectionHtml(variant, s.index).includes('Exercise: your skill profile'));
    expect(exercise(short)?.timing).toBe(300);
    expect(exercise(full)?.timing).toBe(300);
  });

  it("gives the participants the exercise's instructions, and nothing of the notes", () => {
    const withText = rendered.slides.filter((s) => s.handoutHtml);
    expect(withText).toHaveLength(1);
    const text = withText[0]!.handoutHtml!;
    expect(text).toContain('<strong>Exercise: your skill profile</strong> (five minutes)');
    expect(text.match(/<li>/g)).toHaveLength(5);
    expect(text).not.toContain('timer');
    expect(rendered.sectionsHtml).not.toContain('circle the');
  });
});
