// A headless Chromium tab driven over the DevTools protocol, for the one-shot job where start-up
// is most of the cost: printing a PDF. Chromium speaks the protocol over a pair of pipes
// (`--remote-debugging-pipe`: JSON messages ended by a NUL byte), which needs no port, no HTTP
// discovery and no WebSocket; measured here it is ready about a second sooner than a launch
// through an automation library, whose import, context and page set-up come on top.

import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { DeckError } from '../errors.js';
import { onInterrupt } from '../platform/interrupt.js';
import { temporaryFolder } from '../platform/temporary.js';
import { type BrowserCommand, browserCommand, CHOOSE_ANOTHER_BROWSER } from './find.js';

const START_TIMEOUT = 20_000;

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
}

export interface Tab {
  /** Loads `url` and waits for its load event. */
  open(url: string): Promise<void>;
  /** Calls a self-contained function in the page with a JSON argument and returns its JSON result. */
  call<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  pdf(options: PrintOptions): Promise<Uint8Array>;
  /** Stops the browser, all its processes, and removes its profile. */
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** The protocol over Chromium's pipes: commands with replies, and events. */
class Connection {
  private nextId = 0;
  private buffered = '';
  private readonly replies = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }
  >();
  private readonly waiters: {
    method: string;
    resolve: (params: Record<string, unknown>) => void;
    reject: (e: Error) => void;
  }[] = [];
  /** Set once the browser is gone: everything asked of it after that fails at once. */
  private failure: Error | undefined;

  constructor(
    private readonly output: Writable,
    input: Readable,
    browserName: string,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    // A browser that exits at once (broken, or not a browser) closes its pipes: writing then
    // fails with EPIPE, which must end the commands waiting for replies, not the process.
    const lost = () => this.failAll(new DeckError('BROWSER', `${browserName} stopped answering`));
    input.on('close', lost);
    input.on('error', lost);
    output.on('error', lost);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.replies.set(id, { resolve, reject });
      this.output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The next event called `method`. */
  next(method: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      if (this.failure) reject(this.failure);
      else this.waiters.push({ method, resolve, reject });
    });
  }

  /** Fails every command and event still waited for, and any asked for later (the first error wins). */
  failAll(error: Error): void {
    this.failure ??= error;
    for (const reply of this.replies.values()) reply.reject(this.failure);
    this.replies.clear();
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
  }

  private receive(text: string): void {
    this.buffered += text;
    for (let end = this.buffered.indexOf('\0'); end >= 0; end = this.buffered.indexOf('\0')) {
      const raw = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      let message: Message;
      try {
        message = JSON.parse(raw) as Message;
      } catch {
        // A stream handler must never throw: a garbled message ends the session, not the process.
        this.failAll(new DeckError('BROWSER', 'the browser sent a message that is not JSON'));
        return;
      }
      const reply = message.id === undefined ? undefined : this.replies.get(message.id);
      if (reply && message.id !== undefined) {
        this.replies.delete(message.id);
        if (message.error) reply.reject(new Error(message.error.message));
        else reply.resolve(message.result ?? {});
      } else if (message.method) {
        const index = this.waiters.findIndex((w) => w.method === message.method);
        if (index >= 0) this.waiters.splice(index, 1)[0]?.resolve(message.params ?? {});
      }
    }
  }
}

function startBrowser({ executable, args }: BrowserCommand, profile: string): ChildProcess {
  return spawn(
    executable,
    [
      ...args,
      '--headless',
      // One process fewer to start: printing needs no GPU process of its own.
      '--in-process-gpu',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      'about:blank',
    ],
    // Chromium reads commands on fd 3 and writes replies on fd 4. Its own process group (off
    // Windows) lets one signal stop the renderers and helpers with it.
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
  );
}

/** Kills the browser and every process it started, then waits until it is gone. */
function stopBrowser(browser: ChildProcess): Promise<void> {
  if (browser.exitCode !== null || browser.signalCode !== null || browser.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((done) => browser.once('exit', () => done()));
  killBrowser(browser);
  return exited;
}

/** Sends the kill to the browser's whole process group (renderers and helpers too). */
function killBrowser(browser: ChildProcess): void {
  try {
    if (process.platform === 'win32' || browser.pid === undefined) browser.kill('SIGKILL');
    else process.kill(-browser.pid, 'SIGKILL');
  } catch {
    browser.kill('SIGKILL');
  }
}

export async function openTab(viewport: { width: number; height: number }): Promise<Tab> {
  const command = browserCommand();
  const profile = await temporaryFolder('deck-chromium-');
  const browser = startBrowser(command, profile.path);
  // Its own process group does not get the terminal's Ctrl+C: stop it when we are stopped (the
  // newest clean-up runs first, so before the profile is removed).
  const undo = onInterrupt(() => killBrowser(browser));
  const close = async () => {
    undo();
    // Killed processes run no more code, so the profile can go while the kernel reaps them.
    await Promise.all([stopBrowser(browser), profile.remove()]);
  };
  const connection = new Connection(browser.stdio[3] as Writable, browser.stdio[4] as Readable, command.executable);
  browser.on('error', (error) =>
    connection.failAll(new DeckError('BROWSER', `cannot start ${command.executable}: ${error.message}`)),
  );
  const timer = setTimeout(
    () =>
      connection.failAll(
        new DeckError('BROWSER', `${command.executable} did not start within ${START_TIMEOUT / 1000} s`),
      ),
    START_TIMEOUT,
  );
  try {
    const { targetInfos } = (await connection.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    clearTimeout(timer);
    // The first tab may not exist yet when Chromium first answers; then open one.
    const targetId =
      targetInfos.find((target) => target.type === 'page')?.targetId ??
      ((await connection.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string }).targetId;
    const { sessionId } = (await connection.send('Target.attachToTarget', {
      targetId,
      flatten: true,
    })) as {
      sessionId: string;
    };
    const send = (method: string, params: Record<string, unknown> = {}) => connection.send(method, params, sessionId);
    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    return {
      async open(url) {
        const loaded = connection.next('Page.loadEventFired');
        // Awaited below; if navigating fails first, its rejection on close must not go unhandled.
        loaded.catch(() => undefined);
        const { errorText } = (await send('Page.navigate', { url })) as { errorText?: string };
        if (errorText) throw new DeckError('PAGE', `cannot open ${url}: ${errorText}`);
        await loaded;
      },
      async call(fn, arg) {
        const { result, exceptionDetails } = (await send('Runtime.evaluate', {
          expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
          awaitPromise: true,
          returnByValue: true,
        })) as { result: { value: never }; exceptionDetails?: { text: string; exception?: { description?: string } } };
        if (exceptionDetails) {
          throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        }
        return result.value;
      },
      async pdf(options) {
        const { data } = (await send('Page.printToPDF', { printBackground: true, ...options })) as { data: string };
        return Buffer.from(data, 'base64');
      },
      close,
    };
  } catch (error) {
    clearTimeout(timer);
    await close();
    // The browser was chosen for the user: say how to choose another.
    if (error instanceof DeckError && error.code === 'BROWSER') {
      throw new DeckError('BROWSER', `${error.message}; ${CHOOSE_ANOTHER_BROWSER}`);
    }
    throw error;
  }
}
