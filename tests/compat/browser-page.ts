// The one thing the comparison needs from a browser: a page that can go to a URL, run a function in
// it and wait for a condition. It is a tab of the browser tests' shared browser (the compat tests
// run in the browser project, tests/browser/harness.ts).

import type { Page } from '../../src/browser/driver.js';
import { browser } from '../browser/harness.js';

export interface BrowserPage {
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs a self-contained function in the page with a JSON argument; returns its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** Waits until `fn(arg)` is truthy in the page; fails after `timeout` milliseconds. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

/** A new tab of the shared browser. */
export async function newPage(viewport = { width: 1280, height: 720 }): Promise<BrowserPage> {
  const page: Page = await (await browser()).newPage({ viewport });
  return {
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: async (fn, arg, timeout = 10_000) => {
      await page.waitFor(`the page to be ready: ${fn.toString().slice(0, 80)}`, fn, arg, { timeout });
    },
    close: () => page.close(),
  };
}
