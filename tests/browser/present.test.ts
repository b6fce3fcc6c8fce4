// The live room in a real browser: one presenter, three audience pages and a phone remote on one
// `deck present` server. The audience follows the presenter step by step, fragments and a
// vertical stack included; a reader who looks around moves nobody else; the remote moves
// everyone and runs the slide's countdown; a reloaded page and a restarted server catch up.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Viewport } from '../../src/browser/driver.js';
import { type PresentServer, startPresentServer } from '../../src/commands/present.js';
import { labelsFor } from '../../src/labels.js';
import { ROOM_WORDS } from '../../src/wording.js';
import { REPO } from '../helpers.js';
import { browser, sleep } from './harness.js';

const FIXTURE = 'tests/fixtures/decks/room.md';
/** The bound for every audience page to show the same step, met by the typical (median) move. */
const SYNC_MS = 200;
/**
 * The bound for every single move: on this shared 2-core machine one renderer busy painting can
 * hold a message back; what the room feels is the typical move (and the bench's latency rows).
 */
const SYNC_ANY_MS = 1000;
/** How far apart the audience pages showed each move. */
const skews: number[] = [];
/** From a key press in the test to every page: the test's own round trips included, on a busy machine. */
const ARRIVAL_MS = 3000;

interface Step {
  h: number;
  v: number;
  f: number;
}

const PHONE: Viewport = { width: 390, height: 844 };

let server: PresentServer;
const pages: Page[] = [];

/** A tab for the whole file, closed at its end. */
async function newPage(viewport?: Viewport): Promise<Page> {
  const page = await (await browser()).newPage(viewport ? { viewport } : {});
  pages.push(page);
  return page;
}
let presenter: Page;
let remote: Page;
const audience: Page[] = [];

async function start(port = 0): Promise<PresentServer> {
  const result = await startPresentServer({ file: FIXTURE, project: REPO, port });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.server;
}

/** Records in the page when its deck reaches each step, by the browser's clock (one for all pages). */
function recordSteps(page: Page) {
  return page.evaluate(() => {
    const deck = window.deck!;
    const log: { h: number; v: number; f: number; at: number }[] = [];
    (window as unknown as { stepLog: typeof log }).stepLog = log;
    const record = () => {
      const { h, v, f } = deck.getIndices();
      log.push({ h, v: v ?? 0, f: f ?? -1, at: Date.now() });
    };
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, record);
  });
}

const stepOf = (page: Page) =>
  page.evaluate(() => {
    const { h, v, f } = window.deck!.getIndices();
    return { h, v: v ?? 0, f: f ?? -1 };
  });

async function openAudience(url: string, viewport?: Viewport): Promise<Page> {
  const page = await newPage(viewport);
  await page.goto(url);
  await page.waitFor('the deck to be ready', () => window.deck?.isReady());
  return page;
}

/** Waits until `page` shows `step`; resolves with when it got there, by the browser's clock. */
async function arrival(page: Page, step: Step): Promise<number> {
  const at = await page.waitFor(
    `step ${JSON.stringify(step)}`,
    (target) => {
      const { h, v, f } = window.deck!.getIndices();
      if (h !== target.h || (v ?? 0) !== target.v || (f ?? -1) !== target.f) return undefined;
      const log = (window as unknown as { stepLog?: { h: number; v: number; f: number; at: number }[] }).stepLog ?? [];
      const entry = log.findLast((e) => e.h === target.h && e.v === target.v && e.f === target.f);
      return entry?.at ?? Date.now();
    },
    step,
    { timeout: ARRIVAL_MS + 5000 },
  );
  return at ?? Date.now();
}

/** Does `act` and checks that every audience page reaches `step`, all within SYNC_MS of each other. */
async function everyoneReaches(step: Step, act: () => Promise<unknown>): Promise<void> {
  const before = Date.now();
  await act();
  const times = await Promise.all(audience.map((page) => arrival(page, step)));
  const skew = Math.max(...times) - Math.min(...times);
  skews.push(skew);
  expect(skew).toBeLessThanOrEqual(SYNC_ANY_MS);
  expect(Math.max(...times) - before).toBeLessThan(ARRIVAL_MS);
}

const click = (page: Page, selector: string) =>
  page.evaluate((css) => {
    const element = document.querySelector<HTMLElement>(css);
    if (!element) throw new Error(`no ${css}`);
    element.click();
  }, selector);

beforeAll(async () => {
  server = await start();
  presenter = await newPage();
  await presenter.goto(server.urls.presenter);
  remote = await newPage(PHONE);
  await remote.goto(server.urls.remote);
  // Two laptops (or the projector) and a phone in portrait.
  for (let i = 0; i < 2; i++) audience.push(await openAudience(server.urls.audience));
  audience.push(await openAudience(server.urls.audience, PHONE));
  for (const page of audience) await recordSteps(page);
  await presenter.waitFor('the presenter view to know the talk', () =>
    document.querySelector('.deck-room-position')?.textContent?.includes('1'),
  );
});

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await server?.close();
});

describe('deck present', () => {
  it('keeps every audience page on the presenter’s step: slides, fragments and a vertical stack', async () => {
    for (const page of audience) expect(await stepOf(page)).toEqual({ h: 0, v: 0, f: -1 });
    await everyoneReaches({ h: 1, v: 0, f: -1 }, () => presenter.press('ArrowRight'));
    await everyoneReaches({ h: 1, v: 0, f: 0 }, () => presenter.press(' '));
    await everyoneReaches({ h: 1, v: 0, f: 1 }, () => presenter.press(' '));
    await everyoneReaches({ h: 2, v: 0, f: -1 }, () => presenter.press(' '));
    await everyoneReaches({ h: 2, v: 1, f: -1 }, () => presenter.press('ArrowDown'));
    await everyoneReaches({ h: 2, v: 0, f: -1 }, () => presenter.press('ArrowUp'));
    await everyoneReaches({ h: 2, v: 1, f: -1 }, () => presenter.press(' '));
    // The presenter's view shows where the talk is and the notes, and what comes next.
    const position = ROOM_WORDS.slideOf(4, 7);
    await presenter.waitFor(
      'the presenter view to show the step',
      (text) => document.querySelector('.deck-room-position')?.textContent === text,
      position,
    );
    const view = await presenter.evaluate(() => ({
      position: document.querySelector('.deck-room-position')?.textContent,
      notes: document.querySelector('.deck-room-notes')?.textContent,
      next: document.querySelector('.deck-room-upcoming')?.textContent,
    }));
    expect(view).toEqual({
      position,
      notes: expect.stringContaining('NOTES-SECRET-below'),
      next: `${ROOM_WORDS.nextSlide} Exercise`,
    });
  });

  it('lets a reader look back without moving anyone else, and brings them back with Follow', async () => {
    const [reader, other] = audience as [Page, Page, Page];
    await reader.press('ArrowLeft');
    await reader.waitFor('the reader to be on the first slide of the stack', () => window.deck!.getIndices().v === 0);
    await reader.waitFor('the follow bar', () => !document.querySelector<HTMLElement>('.deck-room-follow')?.hidden);
    await sleep(300);
    expect(await stepOf(other)).toEqual({ h: 2, v: 1, f: -1 });
    expect(await presenter.evaluate(() => document.querySelector('.deck-room-position')?.textContent)).toBe(
      ROOM_WORDS.slideOf(4, 7),
    );
    await click(reader, '.deck-room-follow-button');
    await arrival(reader, { h: 2, v: 1, f: -1 });
    expect(await reader.evaluate(() => document.querySelector<HTMLElement>('.deck-room-follow')?.hidden)).toBe(true);
  });

  it('moves everyone from the remote, and runs the countdown it starts on every audience page', async () => {
    await everyoneReaches({ h: 3, v: 0, f: -1 }, () => click(remote, '.deck-room-next'));
    const shown = await Promise.all(
      audience.map((page) =>
        page.waitFor('the countdown', () => {
          const countdown = document.querySelector<HTMLElement>('.deck-room-countdown');
          return countdown && !countdown.hidden ? countdown.textContent : undefined;
        }),
      ),
    );
    expect(shown).toEqual(['1:30', '1:30', '1:30']);
    await click(remote, '.deck-room-countdown-toggle');
    const running = await Promise.all(
      audience.map((page) =>
        page.waitFor('the countdown to run', () => {
          const countdown = document.querySelector<HTMLElement>('.deck-room-countdown')!;
          return countdown.classList.contains('deck-room-running') && countdown.textContent !== '1:30'
            ? countdown.textContent
            : undefined;
        }),
      ),
    );
    for (const text of running) expect(text).toMatch(/^1:2\d$/);
    // Paused from the remote (once it shows the countdown running): it stops everywhere, at the same second.
    await remote.waitFor(
      'the remote to offer a pause',
      (label) => document.querySelector('.deck-room-countdown-toggle')?.textContent === label,
      ROOM_WORDS.pause,
    );
    await click(remote, '.deck-room-countdown-toggle');
    const paused = await Promise.all(
      audience.map((page) =>
        page.waitFor('the countdown to stop', () => {
          const countdown = document.querySelector<HTMLElement>('.deck-room-countdown')!;
          return countdown.classList.contains('deck-room-running') ? undefined : countdown.textContent;
        }),
      ),
    );
    expect(new Set(paused).size).toBe(1);
  });

  it('shows the join screen on the projected deck from the presenter’s key', async () => {
    await presenter.press('q');
    await presenter.waitFor('the presenter view to know', () =>
      document.body.classList.contains('deck-room-showing-join'),
    );
    await audience[0]!.waitFor(
      'the join screen',
      () => !document.querySelector<HTMLElement>('.deck-room-join')?.hidden,
    );
    const join = await audience[0]!.evaluate(() => ({
      address: document.querySelector('.deck-room-join-address')?.textContent,
      code: document.querySelector<HTMLImageElement>('.deck-room-join img')?.naturalWidth,
    }));
    expect(join.address).toBe(server.urls.audience);
    expect(join.code).toBeGreaterThan(0);
    await presenter.press('q');
    await audience[0]!.waitFor(
      'the join screen to go',
      () => document.querySelector<HTMLElement>('.deck-room-join')?.hidden,
    );
  });

  it('takes every audience page to the overview and the black screen, and back', async () => {
    const all = (description: string, test: () => boolean | undefined) =>
      Promise.all(audience.map((page) => page.waitFor(description, test)));
    /** The presenter's keys switch what the room shows now: the view must know it first. */
    const presenterShows = (name: string, on: boolean) =>
      presenter.waitFor(
        `the presenter view to show ${name} ${on}`,
        (arg) => document.body.classList.contains(arg.name) === arg.on,
        { name, on },
      );
    await presenter.press('o');
    await all('the overview', () => window.deck!.isOverview());
    await presenterShows('deck-room-showing-overview', true);
    await presenter.press('o');
    await all('the overview to close', () => !window.deck!.isOverview());
    await presenterShows('deck-room-showing-overview', false);
    await presenter.press('b');
    await all('the black screen', () => window.deck!.isPaused());
    await presenterShows('deck-room-showing-black', true);
    await presenter.press('b');
    await all('the slides again', () => !window.deck!.isPaused());
  });

  it('returns a reloaded audience page to the current step', async () => {
    const page = audience[1]!;
    await page.goto(server.urls.audience);
    await page.waitFor('the deck to be ready', () => window.deck?.isReady());
    await arrival(page, { h: 3, v: 0, f: -1 });
    await recordSteps(page);
  });

  it('turns the countdown to the warning colour, still readable, and says when time is up', async () => {
    await presenter.press('End');
    await Promise.all(audience.map((page) => arrival(page, { h: 5, v: 0, f: -1 })));
    await presenter.press('c');
    const page = audience[0]!;
    const done = await page.waitFor('time to be up', () => {
      const countdown = document.querySelector<HTMLElement>('.deck-room-countdown')!;
      if (!countdown.classList.contains('deck-room-done')) return undefined;
      const style = getComputedStyle(countdown);
      return { text: countdown.textContent, color: style.color, background: style.backgroundColor };
    });
    expect(done?.text).toBe(`0:00 · ${labelsFor('en').labels.room.timeIsUp}`);
    expect(done?.color).not.toBe(done?.background);
    await presenter.press('Home');
    await Promise.all(audience.map((page) => arrival(page, { h: 0, v: 0, f: -1 })));
  });

  it('reconnects every page to a server started again on the same port, and catches up', async () => {
    const { port } = server;
    await server.close();
    await audience[0]!.waitFor(
      'the page to notice',
      () => !document.querySelector<HTMLElement>('.deck-room-status')?.hidden,
    );
    server = await start(port);
    // The new run starts at the beginning, with a token of its own.
    await Promise.all(audience.map((page) => arrival(page, { h: 0, v: 0, f: -1 })));
    await presenter.waitFor('the old presenter address to be refused', () => {
      return !document.querySelector<HTMLElement>('.deck-room-stale')?.hidden;
    });
    await remote.goto(server.urls.remote);
    await remote.waitFor('the remote to connect', () => document.querySelector('.deck-room-position')?.textContent);
    await everyoneReaches({ h: 1, v: 0, f: -1 }, () => click(remote, '.deck-room-next'));
    for (const page of audience) {
      expect(await page.evaluate(() => document.querySelector<HTMLElement>('.deck-room-status')?.hidden)).toBe(true);
    }
  });

  it('never shows the audience a word of the notes or the token, in anything the page loads', async () => {
    const page = audience[2]!;
    const token = new URL(server.urls.presenter).searchParams.get('token')!;
    const urls = [...new Set([server.urls.audience, ...page.requests.filter((url) => url.startsWith('http'))])];
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer()).toString('latin1');
      expect(body, url).not.toContain('NOTES-SECRET');
      expect(body, url).not.toContain(token);
    }
    const text = await page.evaluate(() => document.documentElement.outerHTML);
    expect(text).not.toContain('NOTES-SECRET');
    expect(text).not.toContain(token);
  });

  it('keeps the audience pages within 200 ms of each other', () => {
    const sorted = [...skews].sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThanOrEqual(9);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(SYNC_MS);
  });
});

describe('the pages at phone size and on screen', () => {
  it('lays the remote out for a phone in portrait: large targets, readable notes', async () => {
    const layout = await remote.evaluate(() => {
      const box = (css: string) => document.querySelector(css)!.getBoundingClientRect();
      const next = box('.deck-room-next');
      const previous = box('.deck-room-previous');
      return {
        next: { height: next.height, width: next.width, bottom: next.bottom },
        previous: { height: previous.height },
        notesSize: Number.parseFloat(getComputedStyle(document.querySelector('.deck-room-notes')!).fontSize),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(layout.next.height).toBeGreaterThanOrEqual(64);
    expect(layout.previous.height).toBeGreaterThanOrEqual(64);
    expect(layout.next.width).toBeGreaterThan(200);
    expect(layout.next.bottom).toBeLessThanOrEqual(844);
    expect(layout.notesSize).toBeGreaterThanOrEqual(18);
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
  });
});
