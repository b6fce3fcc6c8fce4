// The benchmark's arithmetic and its in-process parts: CI does not install bench/ (reveal-md, Marp), so
// nothing here runs a peer tool.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatMs,
  formatRatio,
  median,
  pairedRatios,
  percentile,
  summarize,
} from '../../bench/lib/stats.mjs';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('finds a percentile by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([3, 1, 2], 1)).toBe(3);
    expect(percentile([], 0.5)).toBeNaN();
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

describe('compile comparison', () => {
  it('warms both sides up for the given runs and time before timing them', async () => {
    const { compareInProcess } = await import('../../bench/lib/compile.mjs');
    const calls = { ours: 0, floor: 0 };
    const started = performance.now();
    const result = compareInProcess({
      ours: () => calls.ours++,
      floor: () => calls.floor++,
      iterations: 5,
      warmUpRuns: 3,
      warmUpMs: 30,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    expect(calls.ours).toBe(calls.floor);
    expect(calls.ours).toBeGreaterThan(3 + 5);
    expect(result.iterations).toBe(5);
  });

  it('reports the median time of each side and the median of their ratios', async () => {
    const { compareInProcess } = await import('../../bench/lib/compile.mjs');
    const busy = (ms: number) => () => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const result = compareInProcess({ ours: busy(4), floor: busy(1), iterations: 9, warmUpRuns: 1, warmUpMs: 0 });
    expect(result.oursMs).toBeGreaterThanOrEqual(4);
    expect(result.floorMs).toBeGreaterThanOrEqual(1);
    expect(result.floorMs).toBeLessThan(result.oursMs);
    // Ours over the floor, not the other way round: each run of ours takes at least four times as
    // long (more when the machine is busy, so no upper bound).
    expect(result.ratio).toBeGreaterThan(2);
  });

  it('times a first compile in a fresh process, for ours and for markdown-it', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const deck = join(root, 'tests/fixtures/decks/compare.md');
    for (const which of ['ours', 'markdown-it']) {
      const output = execFileSync(process.execPath, [join(root, 'bench/lib/first-call.mjs'), which, root, deck], {
        encoding: 'utf8',
      });
      expect(Number(output)).toBeGreaterThan(0);
    }
  });
});
