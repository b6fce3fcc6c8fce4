// The browser tests' environment: Node's, and when the worker that ran every browser test file
// stops, it closes the browser they shared (tests/browser/harness.ts). The browser's profile is
// gone before the run's temporary folder is removed, and no browser outlives the run.

import { builtinEnvironments, type Environment } from 'vitest/runtime';

/** Where the harness keeps the shared browser: a global, as this module is loaded apart from the tests'. */
export const SHARED_BROWSER = Symbol.for('deck-toolkit.tests.browser');

interface Closable {
  close(): Promise<void>;
}

export default {
  name: 'deck-browser',
  viteEnvironment: 'ssr',
  async setup(global, options) {
    const node = await builtinEnvironments.node.setup(global, options);
    return {
      async teardown(global) {
        const shared = global[SHARED_BROWSER] as Promise<Closable> | undefined;
        await shared?.then((browser) => browser.close()).catch(() => undefined);
        await node.teardown(global);
      },
    };
  },
} satisfies Environment;
