// The one browser driver: starts the system's Chrome or Chromium once, headless, and drives its
// tabs over the DevTools pipe (connection.ts) as Pages (page.ts). PDF export, checks, the browser
// tests and the bench all open pages through it. Its profile lives in a temporary folder that goes
// when the browser is closed, and also when the process is stopped (Ctrl+C).

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_CANVAS } from '../contract.js';
import { DeckError } from '../errors.js';
import { onInterrupt } from '../platform/interrupt.js';
import { type TemporaryFolder, temporaryFolder } from '../platform/temporary.js';
import { Connection, type Params, seconds } from './connection.js';
import { type BrowserCommand, browserCommand, CHOOSE_ANOTHER_BROWSER } from './find.js';
import { Page, type PageHost, type TargetInfo, type Viewport } from './page.js';

export type { Clip, Frame, Page, PrintOptions, Viewport } from './page.js';

const START_TIMEOUT = 20_000;
/** Until a new tab is set up and ready to drive. */
const OPEN_TIMEOUT = 10_000;

interface Arrival {
  match: (target: TargetInfo) => boolean;
  resolve: (page: Page) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

function startProcess({ executable, args }: BrowserCommand, profile: string): ChildProcess {
  // Chromium keeps shared memory and crash files in the temporary folder (/tmp when /dev/shm is
  // small): give it one inside its profile, so they go when the profile goes.
  const temporary = join(profile, 'tmp');
  mkdirSync(temporary, { recursive: true });
  return spawn(
    executable,
    [
      ...args,
      '--headless',
      // One process fewer to start: printing and checking need no GPU process of their own.
      '--in-process-gpu',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      '--mute-audio',
      // Several tabs are driven at once (check's screen and print views, a deck and its speaker
      // view): none may be slowed down as a tab in the background.
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      'about:blank',
    ],
    // Chromium reads commands on fd 3 and writes replies on fd 4. Its own process group (off
    // Windows) lets one signal stop the renderers and helpers with it.
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      env: { ...process.env, TMPDIR: temporary, TMP: temporary, TEMP: temporary },
    },
  );
}

/** Sends the kill to the browser's whole process group (renderers and helpers too). */
function killProcess(child: ChildProcess): void {
  try {
    if (process.platform === 'win32' || child.pid === undefined) child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Kills the browser and every process it started, then waits until it is gone. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  killProcess(child);
  return exited;
}

/** Starts the browser (`timeout`: until it answers); it is ready to open pages. */
export async function launchBrowser({ timeout = START_TIMEOUT }: { timeout?: number } = {}): Promise<Browser> {
  const command = browserCommand();
  const profile = await temporaryFolder('deck-chromium-');
  const browser = new Browser(command, profile, timeout);
  try {
    await browser.started;
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export class Browser implements PageHost {
  readonly executable: string;
  /** Resolves once the browser answers; launchBrowser waits for it. */
  readonly started: Promise<void>;
  private readonly process: ChildProcess;
  private readonly connection: Connection;
  /** Every page set up, by the id of its session. */
  private readonly pages = new Map<string, Page>();
  /** Pages set up but not yet handed out, with what the browser said about them. */
  private readonly unclaimed = new Map<string, { page: Page; target: TargetInfo }>();
  private readonly arrivals = new Set<Arrival>();
  private readonly undoInterrupt: () => void;
  private answered = false;
  private failure: Error | undefined;
  /**
   * The tab Chromium opens as it starts, handed to the first newPage(): its renderer is already
   * on its way, where a new tab would cost another 0.2 s.
   */
  private startupTab: string | undefined;

  constructor(
    command: BrowserCommand,
    private readonly profile: TemporaryFolder,
    startTimeout: number,
  ) {
    this.executable = command.executable;
    this.process = startProcess(command, profile.path);
    // Its own process group does not get the terminal's Ctrl+C: stop it when we are stopped (the
    // newest clean-up runs first, so before the profile is removed).
    this.undoInterrupt = onInterrupt(() => killProcess(this.process));
    this.connection = new Connection(this.process.stdio[3] as Writable, this.process.stdio[4] as Readable);
    this.process.on('error', (error) => this.fail(`could not be run: ${error.message}`));
    this.process.on('exit', (code, signal) =>
      this.fail(signal ? `was stopped by ${signal}` : `exited with code ${code ?? 'unknown'}`),
    );
    this.connection.on('', (method, params) => this.onEvent(method, params));
    // Every new tab and popup waits, paused, until its page is set up: nothing it does is missed.
    this.started = this.send(
      'Target.setAutoAttach',
      { autoAttach: true, waitForDebuggerOnStart: true, flatten: true },
      { what: 'starting', timeout: startTimeout },
    ).then(async () => {
      this.answered = true;
      const { targetInfos } = (await this.send(
        'Target.getTargets',
        {},
        { what: 'listing tabs', timeout: OPEN_TIMEOUT },
      )) as {
        targetInfos: TargetInfo[];
      };
      this.startupTab = targetInfos.find((target) => target.type === 'page')?.targetId;
    });
  }

  /** Opens a new tab at about:blank with the given viewport (by default, a deck's usual canvas). */
  async newPage({ viewport = DEFAULT_CANVAS }: { viewport?: Viewport } = {}): Promise<Page> {
    let targetId = this.startupTab;
    this.startupTab = undefined;
    targetId ??= (
      (await this.send(
        'Target.createTarget',
        { url: 'about:blank' },
        { what: 'opening a tab', timeout: OPEN_TIMEOUT },
      )) as {
        targetId: string;
      }
    ).targetId;
    const page = await this.nextPage((target) => target.targetId === targetId, OPEN_TIMEOUT, 'a new tab').page;
    await page.setViewport(viewport);
    return page;
  }

  /** The next page to open that `match`es, once it is set up (or one that opened and is not claimed yet). */
  nextPage(
    match: (target: TargetInfo) => boolean,
    timeout: number,
    what: string,
  ): { page: Promise<Page>; cancel(): void } {
    for (const [targetId, { page, target }] of this.unclaimed) {
      if (!match(target)) continue;
      this.unclaimed.delete(targetId);
      return { page: Promise.resolve(page), cancel: () => undefined };
    }
    let arrival: Arrival | undefined;
    const page = new Promise<Page>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => {
        this.arrivals.delete(arrival!);
        reject(new DeckError('PAGE', `${what} did not open within ${seconds(timeout)}`));
      }, timeout);
      arrival = { match, resolve, reject, timer };
      this.arrivals.add(arrival);
    });
    return {
      page,
      cancel: () => {
        if (!arrival) return;
        clearTimeout(arrival.timer);
        this.arrivals.delete(arrival);
      },
    };
  }

  async closePage(targetId: string): Promise<void> {
    await this.send('Target.closeTarget', { targetId }, { what: 'closing a tab', timeout: OPEN_TIMEOUT });
  }

  /** Stops the browser and every process it started, and removes its profile. */
  async close(): Promise<void> {
    this.fail(undefined);
    this.undoInterrupt();
    // Killed processes run no more code, so the profile can go while the kernel reaps them.
    await Promise.all([stopProcess(this.process), this.profile.remove()]);
  }

  private send(method: string, params: Params, limits: { what: string; timeout: number }): Promise<Params> {
    return this.connection.send(method, params, '', {
      code: 'BROWSER',
      ...limits,
      late: () =>
        this.failureMessage(
          `did not answer ${limits.what === 'starting' ? '' : `(${limits.what}) `}within ${seconds(limits.timeout)}`,
        ),
    });
  }

  /** "cannot start X (it …)" before the browser first answered, "X …" after; and how to choose another. */
  private failureMessage(how: string): string {
    const what = this.answered ? `${this.executable} ${how}` : `cannot start ${this.executable} (it ${how})`;
    return `${what}; ${CHOOSE_ANOTHER_BROWSER}`;
  }

  /** Fails everything pending and everything asked later: with why the browser went, or as closed. */
  private fail(how: string | undefined): void {
    if (this.failure) return;
    this.failure = new DeckError('BROWSER', how === undefined ? 'the browser was closed' : this.failureMessage(how));
    this.connection.failAll(this.failure);
    for (const page of this.pages.values()) page.lost(this.failure);
    for (const arrival of this.arrivals) {
      clearTimeout(arrival.timer);
      arrival.reject(this.failure);
    }
    this.arrivals.clear();
  }

  private onEvent(method: string, params: Params): void {
    if (method === 'Target.attachedToTarget') {
      void this.attached(params.sessionId as string, params.targetInfo as TargetInfo);
    } else if (method === 'Target.detachedFromTarget') {
      const page = this.pages.get(params.sessionId as string);
      this.pages.delete(params.sessionId as string);
      if (page) this.unclaimed.delete(page.targetId);
      page?.lost(new DeckError('PAGE', 'the page was closed'));
    }
  }

  private async attached(sessionId: string, target: TargetInfo): Promise<void> {
    const resume = { code: 'BROWSER', what: 'resuming a frame', timeout: OPEN_TIMEOUT } as const;
    if (target.type !== 'page') {
      // Workers and frames in other processes: not ours to drive; let them run.
      await this.connection.send('Runtime.runIfWaitingForDebugger', {}, sessionId, resume).catch(() => undefined);
      return;
    }
    const page = new Page(this.connection, sessionId, target.targetId, this);
    this.pages.set(sessionId, page);
    try {
      await page.start();
    } catch {
      return; // Closed or gone while being set up: nobody can use it.
    }
    const arrival = [...this.arrivals].find((waiting) => waiting.match(target));
    if (!arrival) {
      this.unclaimed.set(target.targetId, { page, target });
      return;
    }
    this.arrivals.delete(arrival);
    clearTimeout(arrival.timer);
    arrival.resolve(page);
  }
}
