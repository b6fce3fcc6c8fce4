import { describe, expect, it } from 'vitest';
import { clock, closestName, plural, quoted } from '../src/wording.js';

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

describe('clock', () => {
  it('says a length as a clock does: minutes and seconds, and hours from an hour on', () => {
    expect([0, 9, 150, 599.6, 3599, 3600, 3900, 36000].map(clock)).toEqual([
      '0:00',
      '0:09',
      '2:30',
      '10:00',
      '59:59',
      '1:00:00',
      '1:05:00',
      '10:00:00',
    ]);
  });
});
