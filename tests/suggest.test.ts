import { describe, expect, it } from 'vitest';
import { closestName } from '../src/suggest.js';

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
