// The one thing the comparison needs from a browser: a page that can go to a URL, run a function in
// it and wait for a condition. It sits on the project's DevTools driver (src/browser/driver.ts,
// `openTab`) and has the shape of the driver another engineer is writing (newPage, goto, evaluate,
// waitFor), so moving over is a change to this file only.
//
// The driver has no waitFor: it is written here as a loop that asks the page every 20 ms (asking
// from Node rather than polling inside the page: a deck's Content-Security-Policy forbids the eval
// that an in-page poller of a passed-in condition would need).

import { openTab } from '../../src/browser/driver.js';

export interface BrowserPage {
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs a self-contained function in the page with a JSON argument; returns its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** Waits until `fn(arg)` is truthy in the page; fails after `timeout` milliseconds. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

/** A new page in a new headless browser (the driver opens one tab per browser). */
export async function newPage(viewport = { width: 1280, height: 720 }): Promise<BrowserPage> {
  const tab = await openTab(viewport);
  return {
    goto: (url) => tab.open(url),
    evaluate: (fn, arg) => tab.call(fn, arg),
    async waitFor(fn, arg, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      while (!(await tab.call(fn, arg))) {
        if (Date.now() > deadline)
          throw new Error(`waited ${timeout} ms in the page for: ${fn.toString().slice(0, 120)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => tab.close(),
  };
}
