import { defineConfig } from 'vitest/config';

/** Browser tests start Chromium; give them room on a 2-core machine. */
const shared = { environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 } as const;

export default defineConfig({
  test: {
    // Once per run, for both projects (they do not extend this config, so it does not run twice).
    globalSetup: ['tests/global-setup.ts'],
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
        // One worker runs every browser test file, without isolation: the files share one browser
        // (tests/browser/harness.ts) instead of starting one each; the environment closes it.
        test: {
          ...shared,
          environment: './tests/browser/environment.ts',
          name: 'browser',
          // The comparison with reveal.js (tests/compat/) opens its pages in the same browser.
          include: ['tests/browser/**/*.test.ts', 'tests/compat/**/*.test.ts'],
          isolate: false,
          fileParallelism: false,
        },
      },
    ],
  },
});
