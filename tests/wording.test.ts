import { describe, expect, it } from 'vitest';
import { closestName, plural, quoted } from '../src/wording.js';

describe('did you mean', () => {
  const names = ['black', 'white', 'moon', 'solarized'];

  it('finds a name one or two typing mistakes away', () => {
    expect(closestName('blakc', names)).toBe('black');
    expect(closestName('solarised', names)).toBe('solarized');
    expect(closestName('MOON', names)).toBe('moon');
  });

  it('suggests nothing for a name that is not close to any', () => {
    expect(closestName('corporate', names)).toBeUndefined();
    expect(closestName('x', names)).toBeUndefined();
  });
});

describe('quotations in messages', () => {
  it('keep short text as it is, on one line', () => {
    expect(quoted('shared')).toBe('shared');
    expect(quoted('two\nlines')).toBe('two lines');
  });

  it('cut long text and say how long it was', () => {
    expect(quoted('`'.repeat(100000))).toBe(`${'`'.repeat(60)}… (100000 characters)`);
  });
});

describe('counted nouns', () => {
  it('are singular for one and plural otherwise', () => {
    expect([plural(0, 'slide'), plural(1, 'slide'), plural(24, 'slide')]).toEqual(['0 slides', '1 slide', '24 slides']);
  });
});
