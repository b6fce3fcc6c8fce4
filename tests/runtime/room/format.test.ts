// How the room writes times: a countdown never shows 0:00 before it is over, and what is left is
// counted from the server's last word.

import { describe, expect, it } from 'vitest';
import { clock, remaining } from '../../../src/runtime/room/format.js';

describe('clock', () => {
  it('writes minutes and seconds, and hours when there are some', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(61_999)).toBe('1:01');
    expect(clock(300_000)).toBe('5:00');
    expect(clock(3_725_000)).toBe('1:02:05');
    expect(clock(-5000)).toBe('0:00');
  });

  it('rounds a countdown up, so 0:00 means it is over', () => {
    expect(clock(400, { up: true })).toBe('0:01');
    expect(clock(59_001, { up: true })).toBe('1:00');
    expect(clock(0, { up: true })).toBe('0:00');
  });
});

describe('remaining', () => {
  it('counts down from when the state came, while it runs', () => {
    expect(remaining({ remainingMs: 10_000, running: true }, 1000, 4000)).toBe(7000);
    expect(remaining({ remainingMs: 10_000, running: true }, 1000, 60_000)).toBe(0);
    expect(remaining({ remainingMs: 10_000, running: false }, 1000, 60_000)).toBe(10_000);
  });
});
