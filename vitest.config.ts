import { defineConfig } from 'vitest/config';

/**
 * Two workers, on this 2-core machine too: most of a test run waits on browsers and child
 * processes rather than computing, so two files at a time take about a third less time. Both
 * projects use the same number, as vitest runs them side by side only then.
 */
const WORKERS = 2;

/** Browser tests start Chromium; give them room on a 2-core machine. */
const shared = { environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: WORKERS } as const;

export default defineConfig({
  test: {
    // Once per run, for both projects (they do not extend this config, so it does not run twice).
    globalSetup: ['tests/global-setup.ts'],
    maxWorkers: WORKERS,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/compat/**'],
        },
      },
      {
        // Browser test files run without isolation: the files a worker runs share one browser
        // (tests/browser/harness.ts) instead of starting one each; the environment closes it.
        test: {
          ...shared,
          environment: './tests/browser/environment.ts',
          name: 'browser',
          // The comparison with reveal.js (tests/compat/) opens its pages in the same browser.
          include: ['tests/browser/**/*.test.ts', 'tests/compat/**/*.test.ts'],
          isolate: false,
        },
      },
    ],
  },
});
