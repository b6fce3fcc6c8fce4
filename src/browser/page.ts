// One tab or popup window of the browser, over its DevTools session: load a URL, run functions in
// it, wait for it, press keys, take pictures and print it. Everything it is asked has a time limit,
// and whatever goes wrong in it is a DeckError('PAGE') in a sentence, never a protocol log.

import { DeckError } from '../errors.js';
import type { CommandLimits, Connection, Params } from './connection.js';
import { seconds } from './connection.js';

export interface Viewport {
  width: number;
  height: number;
  /** Device pixels per CSS pixel, for sharper screenshots (default 1). */
  deviceScaleFactor?: number;
}

/** A rectangle of the page, in CSS pixels. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Chromium's Page.printToPDF options that we use. */
export interface PrintOptions {
  preferCSSPageSize?: boolean;
  /** Inches, when the page size does not come from CSS. */
  paperWidth?: number;
  paperHeight?: number;
  marginTop?: number;
  marginBottom?: number;
  marginLeft?: number;
  marginRight?: number;
  displayHeaderFooter?: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
  /** A PDF with its structure (headings, lists) for screen readers. */
  generateTaggedPDF?: boolean;
  /** Bookmarks from the headings. */
  generateDocumentOutline?: boolean;
}

/** Time limits, in ms, when the caller gives none. */
const LIMITS = {
  /** A command to the page: run a function, press a key, take a screenshot. */
  command: 30_000,
  /** Loading a URL until its load event. */
  load: 30_000,
  /** A condition in the page coming true. */
  wait: 30_000,
  /** Printing to PDF. */
  print: 120_000,
  /** A popup window opening after an action. */
  popup: 10_000,
} as const;

/** What a page is, as the browser describes its targets. */
export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  /** The page that opened this one (window.open). */
  openerId?: string;
}

/** What a page needs of its browser: to catch the next page that opens, and to close itself. */
export interface PageHost {
  nextPage(
    match: (target: TargetInfo) => boolean,
    timeout: number,
    what: string,
  ): { page: Promise<Page>; cancel(): void };
  closePage(targetId: string): Promise<void>;
}

interface Watcher {
  check(): void;
  fail(error: Error): void;
}

interface EvaluateReply {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** The errors a navigation gives a function still running in the page that went. */
const NAVIGATED = /Execution context was destroyed|Cannot find context|Inspected target navigated/;

/** Key definitions for `press`: the values a real keyboard event carries. */
const NAMED_KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
  PageUp: { code: 'PageUp', keyCode: 33 },
  PageDown: { code: 'PageDown', keyCode: 34 },
  End: { code: 'End', keyCode: 35 },
  Home: { code: 'Home', keyCode: 36 },
  Escape: { code: 'Escape', keyCode: 27 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
};

function keyDefinition(key: string): { code: string; keyCode: number; text?: string } {
  const named = NAMED_KEYS[key];
  if (named) return named;
  if (/^[a-z]$/i.test(key))
    return { code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0), text: key };
  if (/^[0-9]$/.test(key)) return { code: `Digit${key}`, keyCode: key.charCodeAt(0), text: key };
  if (key === '.') return { code: 'Period', keyCode: 190, text: key };
  throw new DeckError('PAGE', `no key called "${key}"`);
}

/** A function's argument as JavaScript source. */
const literal = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

const firstLine = (text: string): string => text.split('\n')[0] ?? text;

/**
 * Runs in the page: calls `fn(arg)` every `interval` ms until it returns something truthy, which
 * it returns wrapped (so that any truthy value survives), or null once `remaining` ms have passed.
 */
async function poll(
  fn: (arg: unknown) => unknown,
  arg: unknown,
  remaining: number,
  interval: number,
): Promise<{ value: unknown } | null> {
  const end = Date.now() + remaining;
  for (;;) {
    const value = await fn(arg);
    if (value) return { value };
    if (Date.now() >= end) return null;
    await new Promise((wake) => setTimeout(wake, interval));
  }
}

export class Page {
  /** Every URL the page and its frames asked for, in order. */
  readonly requests: string[] = [];
  /** Console errors, failed loads and uncaught exceptions, as the browser words them. */
  readonly errors: string[] = [];
  /** Uncaught exceptions only. */
  readonly exceptions: string[] = [];
  /** Messages of alert(), confirm() and prompt() dialogs, which are dismissed at once. */
  readonly dialogs: string[] = [];
  /** Requests still loading, by request id: named when a load takes too long. */
  private readonly loading = new Map<string, string>();
  /** Navigations whose load event has fired. */
  private readonly loaded = new Set<string>();
  private readonly watchers = new Set<Watcher>();
  /** The URL of each frame, the page's own (its id is the target's) included. */
  private readonly frameUrls = new Map<string, string>();
  /** The JavaScript context of each frame's current document. */
  private readonly contexts = new Map<string, number>();
  /** Set when the page is gone (closed, crashed, or its browser went). */
  private failure: Error | undefined;
  /** Unsubscribes from the page's session, and from those of its frames in other processes. */
  private readonly stopListening: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly sessionId: string,
    readonly targetId: string,
    private readonly host: PageHost,
  ) {
    this.stopListening.push(connection.on(sessionId, (method, params) => this.onEvent(method, params)));
  }

  /** Turns on what the page reports, then lets it run: it waited for us since it opened. */
  async start(): Promise<void> {
    await Promise.all([
      this.send('Page.enable'),
      this.send('Page.setLifecycleEventsEnabled', { enabled: true }),
      ...this.recording(this.sessionId),
    ]);
    await this.send('Runtime.runIfWaitingForDebugger');
  }

  /** Turns on the reports `record` keeps, in the page or in one of its frames in another process. */
  private recording(sessionId: string): Promise<Params>[] {
    const send = (method: string, params: Params = {}) =>
      this.connection.send(method, params, sessionId, { code: 'PAGE', what: method, timeout: LIMITS.command });
    return [
      send('Runtime.enable'),
      send('Network.enable'),
      send('Log.enable'),
      // Frames from other sites (and workers) run in processes of their own: each waits, paused,
      // until it is followed too.
      send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
    ];
  }

  /** Follows a frame in another process (or a worker): its requests and errors are the page's. */
  private async follow(sessionId: string): Promise<void> {
    this.stopListening.push(this.connection.on(sessionId, (method, params) => this.record(method, params)));
    const resume = { code: 'PAGE', what: 'Runtime.runIfWaitingForDebugger', timeout: LIMITS.command } as const;
    await Promise.all(this.recording(sessionId)).catch(() => undefined);
    await this.connection.send('Runtime.runIfWaitingForDebugger', {}, sessionId, resume).catch(() => undefined);
  }

  /** Loads `url` and waits for its load event. */
  async goto(url: string, { timeout = LIMITS.load }: { timeout?: number } = {}): Promise<void> {
    const deadline = Date.now() + timeout;
    const late = () => `${url} did not finish loading within ${seconds(timeout)}${this.stillLoading()}`;
    const { loaderId, errorText } = (await this.send(
      'Page.navigate',
      { url },
      { what: `opening ${url}`, timeout, late },
    )) as { loaderId?: string; errorText?: string };
    if (errorText) throw new DeckError('PAGE', `cannot open ${url}: ${errorText}`);
    // No loader: the URL changed within the same document (its hash), which loads nothing.
    if (loaderId) await this.until(() => this.loaded.has(loaderId), deadline - Date.now(), late);
  }

  /** Calls a self-contained function in the page with a JSON argument; resolves with its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R, arg?: A, options: { timeout?: number } = {}): Promise<Awaited<R>> {
    return this.evaluateIn(undefined, fn, arg, options);
  }

  /** Runs a script in the page (a library such as axe-core); `name` says which in errors. */
  async addScript(
    source: string,
    name: string,
    { timeout = LIMITS.command }: { timeout?: number } = {},
  ): Promise<void> {
    await this.run(undefined, source, `loading ${name} into the page`, timeout);
  }

  /**
   * Waits until `fn(arg)` returns something truthy in the page, and resolves with it. Survives the
   * page navigating meanwhile. `description` says what was awaited, in the error when time runs out.
   */
  waitFor<A, R>(
    description: string,
    fn: (arg: A) => R,
    arg?: A,
    options: { timeout?: number; interval?: number } = {},
  ): Promise<Awaited<R>> {
    return this.waitForIn(undefined, description, fn, arg, options);
  }

  /** The frames inside the page (its iframes, at any depth), as they are now. */
  frames(): Frame[] {
    return [...this.frameUrls].filter(([id]) => id !== this.targetId).map(([id, url]) => new Frame(this, id, url));
  }

  /** `evaluate` in one of the page's frames (the page itself when `frameId` is undefined). */
  async evaluateIn<A, R>(
    frameId: string | undefined,
    fn: (arg: A) => R,
    arg?: A,
    { timeout = LIMITS.command }: { timeout?: number } = {},
  ): Promise<Awaited<R>> {
    const what = `running ${fn.name || 'a function'} in the page`;
    return (await this.run(frameId, `(${fn.toString()})(${literal(arg)})`, what, timeout)) as Awaited<R>;
  }

  /** `waitFor` in one of the page's frames (the page itself when `frameId` is undefined). */
  async waitForIn<A, R>(
    frameId: string | undefined,
    description: string,
    fn: (arg: A) => R,
    arg?: A,
    { timeout = LIMITS.wait, interval = 10 }: { timeout?: number; interval?: number } = {},
  ): Promise<Awaited<R>> {
    const deadline = Date.now() + timeout;
    const late = () => `timed out after ${seconds(timeout)} waiting for ${description}`;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new DeckError('PAGE', late());
      try {
        // A page too busy to answer at all fails on the command's own limit, a moment later.
        const found = (await this.run(
          frameId,
          `(${poll.toString()})(${fn.toString()}, ${literal(arg)}, ${remaining}, ${interval})`,
          `waiting for ${description}`,
          remaining + 1000,
          late,
        )) as { value: Awaited<R> } | null;
        if (found) return found.value;
      } catch (error) {
        if (!(error instanceof DeckError && NAVIGATED.test(error.message))) throw error;
        // The page navigated under the function: ask again in the new document.
        await new Promise((wake) => setTimeout(wake, interval));
      }
    }
  }

  /** Presses and releases a key: a name such as ArrowRight, Escape, ' ', or one letter or digit. */
  async press(key: string): Promise<void> {
    const { code, keyCode, text } = keyDefinition(key);
    const event = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
    const what = { what: `pressing ${key}` };
    await this.send(
      'Input.dispatchKeyEvent',
      { ...event, type: text ? 'keyDown' : 'rawKeyDown', ...(text ? { text, unmodifiedText: text } : {}) },
      what,
    );
    await this.send('Input.dispatchKeyEvent', { ...event, type: 'keyUp' }, what);
  }

  /** Runs `action` and resolves with the popup window it opens, ready to drive. */
  async waitForPopup(
    action: () => Promise<unknown>,
    { timeout = LIMITS.popup }: { timeout?: number } = {},
  ): Promise<Page> {
    const popup = this.host.nextPage((target) => target.openerId === this.targetId, timeout, 'a popup window');
    try {
      await action();
    } catch (error) {
      popup.cancel();
      throw error;
    }
    return popup.page;
  }

  /**
   * A PNG of the viewport, or of `clip`, at the viewport's device scale factor (times `scale`,
   * which draws the clip larger or smaller, as sharp as the page can be drawn at that size).
   */
  async screenshot({
    clip,
    scale = 1,
    timeout = LIMITS.command,
  }: {
    clip?: Clip;
    scale?: number;
    timeout?: number;
  } = {}): Promise<Uint8Array> {
    const { data } = (await this.send(
      'Page.captureScreenshot',
      // A clip may lie below the viewport (a later page of a print view).
      { format: 'png', ...(clip ? { clip: { ...clip, scale }, captureBeyondViewport: true } : {}) },
      { what: 'taking a screenshot', timeout },
    )) as { data: string };
    return Buffer.from(data, 'base64');
  }

  /** Prints the page to PDF, backgrounds included. */
  async pdf(options: PrintOptions, { timeout = LIMITS.print }: { timeout?: number } = {}): Promise<Uint8Array> {
    const { data } = (await this.send(
      'Page.printToPDF',
      { printBackground: true, ...options },
      { what: 'printing to PDF', timeout },
    )) as { data: string };
    return Buffer.from(data, 'base64');
  }

  async setViewport({ width, height, deviceScaleFactor = 1 }: Viewport): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor, mobile: false });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.host.closePage(this.targetId);
    this.lost(new DeckError('PAGE', 'the page was closed'));
  }

  /** Ends everything waited for in this page, and anything asked later: it closed, crashed, or its browser went. */
  lost(error: Error): void {
    this.failure ??= error;
    for (const stop of this.stopListening.splice(0)) stop();
    this.connection.failSession(this.sessionId, this.failure);
    for (const watcher of [...this.watchers]) watcher.fail(this.failure);
  }

  private send(method: string, params: Params = {}, limits: Partial<CommandLimits> = {}): Promise<Params> {
    if (this.failure) return Promise.reject(this.failure);
    return this.connection.send(method, params, this.sessionId, {
      code: 'PAGE',
      what: limits.what ?? method,
      timeout: limits.timeout ?? LIMITS.command,
      ...(limits.late ? { late: limits.late } : {}),
    });
  }

  private async run(
    frameId: string | undefined,
    expression: string,
    what: string,
    timeout: number,
    late?: () => string,
  ): Promise<unknown> {
    const contextId = frameId === undefined ? undefined : this.contexts.get(frameId);
    if (frameId !== undefined && contextId === undefined) {
      throw new DeckError('PAGE', `${what} failed: Cannot find context of the frame (it has no document now)`);
    }
    const { result, exceptionDetails } = (await this.send(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true, ...(contextId === undefined ? {} : { contextId }) },
      { what, timeout, ...(late ? { late } : {}) },
    )) as unknown as EvaluateReply;
    if (exceptionDetails) {
      throw new DeckError(
        'PAGE',
        `${what} failed: ${firstLine(exceptionDetails.exception?.description ?? exceptionDetails.text)}`,
      );
    }
    return result.value;
  }

  /** Resolves once `done()` is true after some event, or fails when time runs out or the page goes. */
  private until(done: () => boolean, timeout: number, late: () => string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
        if (error) reject(error);
        else resolve();
      };
      const watcher: Watcher = { check: () => done() && finish(), fail: finish };
      const timer = setTimeout(() => finish(new DeckError('PAGE', late())), Math.max(0, timeout));
      this.watchers.add(watcher);
    });
  }

  /** "; still loading a.css, b.png", for an error about a load that took too long. */
  private stillLoading(): string {
    const urls = [...new Set(this.loading.values())].filter((url) => !url.startsWith('data:'));
    if (urls.length === 0) return '';
    const shown = urls.slice(0, 3).join(', ');
    return `; still loading ${shown}${urls.length > 3 ? ` and ${urls.length - 3} more` : ''}`;
  }

  /** Events of the page itself. */
  private onEvent(method: string, params: Params): void {
    switch (method) {
      case 'Page.frameNavigated': {
        const frame = params.frame as { id: string; url: string; urlFragment?: string };
        this.frameUrls.set(frame.id, frame.url + (frame.urlFragment ?? ''));
        break;
      }
      case 'Page.frameDetached':
        this.frameUrls.delete(params.frameId as string);
        break;
      case 'Runtime.executionContextCreated': {
        const context = params.context as { id: number; auxData?: { frameId?: string; isDefault?: boolean } };
        if (context.auxData?.isDefault && context.auxData.frameId)
          this.contexts.set(context.auxData.frameId, context.id);
        break;
      }
      case 'Runtime.executionContextDestroyed':
        for (const [frameId, id] of this.contexts) {
          if (id === params.executionContextId) this.contexts.delete(frameId);
        }
        break;
      case 'Runtime.executionContextsCleared':
        this.contexts.clear();
        break;
      case 'Page.lifecycleEvent':
        if (params.name === 'load') this.loaded.add(params.loaderId as string);
        break;
      case 'Page.javascriptDialogOpening':
        // A dialog would hold the page until someone answers it: nobody will.
        this.dialogs.push(params.message as string);
        this.send('Page.handleJavaScriptDialog', { accept: false }).catch(() => undefined);
        break;
      case 'Inspector.targetCrashed':
        this.lost(new DeckError('PAGE', 'the page crashed in the browser (out of memory?)'));
        break;
      default:
        this.record(method, params);
    }
    for (const watcher of [...this.watchers]) watcher.check();
  }

  /** Events of the page and of its frames in other processes: requests, errors, more frames. */
  private record(method: string, params: Params): void {
    switch (method) {
      case 'Network.requestWillBeSent': {
        const url = (params.request as { url: string }).url;
        this.requests.push(url);
        this.loading.set(params.requestId as string, url);
        break;
      }
      case 'Network.loadingFinished':
      case 'Network.loadingFailed':
        this.loading.delete(params.requestId as string);
        break;
      case 'Runtime.consoleAPICalled':
        if (params.type === 'error') {
          const args = params.args as { value?: unknown; description?: string }[];
          this.errors.push(args.map((arg) => arg.description ?? String(arg.value)).join(' '));
        }
        break;
      case 'Runtime.exceptionThrown': {
        const details = params.exceptionDetails as EvaluateReply['exceptionDetails'] & {};
        const text = firstLine(details.exception?.description ?? details.text);
        this.errors.push(text);
        this.exceptions.push(text);
        break;
      }
      case 'Log.entryAdded': {
        const entry = params.entry as { level: string; text: string };
        if (entry.level === 'error') this.errors.push(entry.text);
        break;
      }
      case 'Target.attachedToTarget':
        void this.follow(params.sessionId as string);
        break;
    }
  }
}

/** A frame inside a page (an iframe): functions run in its document. */
export class Frame {
  constructor(
    private readonly page: Page,
    readonly id: string,
    readonly url: string,
  ) {}

  evaluate<A, R>(fn: (arg: A) => R, arg?: A, options: { timeout?: number } = {}): Promise<Awaited<R>> {
    return this.page.evaluateIn(this.id, fn, arg, options);
  }

  waitFor<A, R>(
    description: string,
    fn: (arg: A) => R,
    arg?: A,
    options: { timeout?: number; interval?: number } = {},
  ): Promise<Awaited<R>> {
    return this.page.waitForIn(this.id, description, fn, arg, options);
  }
}
