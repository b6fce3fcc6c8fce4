// Small, pure helpers for turning timing samples into the numbers the report shows.
// Kept apart from run.mjs so a unit test can import them without running the benchmark.

/** The middle value (mean of the two middle values for an even count). */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The smallest sample that `fraction` of the samples are at or below (nearest rank). */
export function percentile(values, fraction) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** Median, min and max of a list of samples. */
export function summarize(values) {
  return {
    median: median(values),
    min: values.length > 0 ? Math.min(...values) : Number.NaN,
    max: values.length > 0 ? Math.max(...values) : Number.NaN,
    runs: values.length,
  };
}

/**
 * ours[i] / peer[i] for each round i. The runs of one round ran back to back, so dividing
 * within a round cancels slow drift of the machine (thermal, other load) between rounds.
 */
export function pairedRatios(ours, peer) {
  const rounds = Math.min(ours.length, peer.length);
  const ratios = [];
  for (let i = 0; i < rounds; i++) ratios.push(ours[i] / peer[i]);
  return ratios;
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export function formatRange(summary) {
  return `${formatMs(summary.min)} – ${formatMs(summary.max)}`;
}

export function formatRatio(ratio) {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

/** "1 file", "7 files". */
export function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
