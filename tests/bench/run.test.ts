// The benchmark's arithmetic only: CI does not install bench/ (reveal-md, Marp), so nothing here runs a tool.

import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, median, pairedRatios, summarize } from '../../bench/lib/stats.mjs';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('summarizes samples as median, min, max and count', () => {
    expect(summarize([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
  });

  it('divides ours by the peer within each round, ignoring unpaired runs', () => {
    expect(pairedRatios([100, 200, 300], [50, 400])).toEqual([2, 0.5]);
    expect(median(pairedRatios([100, 200, 300], [50, 400, 300]))).toBe(1);
  });

  it('formats times, ratios and sizes for the report', () => {
    expect(formatMs(0.5)).toBe('0.500 ms');
    expect(formatMs(42.25)).toBe('42.3 ms');
    expect(formatMs(1234.4)).toBe('1234 ms');
    expect(formatRatio(0.456)).toBe('0.46×');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
  });
});
