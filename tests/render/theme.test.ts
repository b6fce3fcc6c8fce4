import { describe, expect, it } from 'vitest';
import { brief, render } from '../helpers.js';

describe('front matter theme', () => {
  it('adds nothing for the default theme', () => {
    const deck = render('---\ntheme: default\n---\n\n# A');
    expect(deck.styles).toEqual([]);
    expect(deck.assets).toEqual([]);
  });

  it('loads a CSS file next to the deck after the default theme, copied with the deck', () => {
    const deck = render('---\ntitle: T\ntheme: styles/brand.css\n---\n\n# A');
    expect(deck.styles).toEqual(['assets/styles/brand.css']);
    expect(deck.assets).toEqual([
      { source: 'styles/brand.css', output: 'assets/styles/brand.css', line: 3, column: 1 },
    ]);
  });

  it('reports a theme that is neither at its line', () => {
    expect(brief(render('---\ntheme: solarized\n---\n\n# A').diagnostics)).toEqual([
      '2:1 error theme must be "default" or a .css file next to the deck, not "solarized"',
    ]);
    expect(brief(render('---\ntheme: https://example.org/x.css\n---\n\n# A').diagnostics)[0]).toMatch(
      /^2:1 error theme must be/,
    );
  });
});
