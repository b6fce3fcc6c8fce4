// Types for stats.mjs, so the TypeScript unit test can import it.
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}
export function median(values: readonly number[]): number;
export function percentile(values: readonly number[], fraction: number): number;
export function summarize(values: readonly number[]): Summary;
export function pairedRatios(ours: readonly number[], peer: readonly number[]): number[];
export function formatMs(ms: number): string;
export function formatRange(summary: Summary): string;
export function formatRatio(ratio: number): string;
export function formatBytes(bytes: number): string;
export function plural(count: number, noun: string): string;
