// What Node and the deck's page agree on: every name, flag, URL and size that crosses between the
// commands and the browser runtime (src/runtime/, bundled by Vite). Both sides import this module,
// so neither can change one without the other. Plain values and pure functions only.

/** The `<script type="application/json">` element that carries the deck's reveal.js options. */
export const DECK_CONFIG_ID = 'deck-config';

/** The dev server's message with a new version of the deck, over Vite's HMR socket. */
export const DECK_UPDATE_EVENT = 'deck:update';

export interface DeckUpdate {
  title: string;
  sectionsHtml: string;
  revealConfig: Record<string, unknown>;
  /** Something only a new page can apply changed (stylesheets, lang, the page's head): reload it. */
  reload: boolean;
}

/**
 * Set on `<html>` (`document.documentElement.dataset[PRINT_READY_FLAG] = 'true'`) once reveal.js
 * has laid out every page of its print view; PDF export and `deck check` wait for it.
 */
export const PRINT_READY_FLAG = 'printReady';

/**
 * The print view of a deck's page: reveal.js lays each slide out as a page of the canvas's size,
 * without margins; with `fragments`, one page per fragment step.
 */
export function printViewUrl(page: string | URL, { fragments = false }: { fragments?: boolean } = {}): string {
  const url = new URL(page);
  url.search = `?print-pdf&margin=0&pdfSeparateFragments=${fragments}`;
  return url.href;
}

/** Whether a page's URL asks for reveal.js's print view. */
export const isPrintView = (search: string): boolean => /(?:^\?|&)print-pdf(?:&|=|$)/.test(search);

/**
 * Set by the runtime on every slide's `<section>` in the print view, before reveal.js lays it out:
 * the slide's place in the deck as "h.v". The print view flattens vertical stacks and copies a
 * slide for each fragment step; this keeps which page shows which slide, for the PDF's outline.
 */
export const SLIDE_POSITION_ATTRIBUTE = 'data-deck-slide';

/**
 * The inline custom property the runtime sets on a slide's `<section>`: the scale of its body text
 * that makes its content fit (runtime/fit.ts); the theme sizes text from it.
 */
export const FIT_PROPERTY = '--deck-fit';

export interface CanvasSize {
  width: number;
  height: number;
}

/** The canvas the theme is made for, when a deck's options name none (or a relative one). */
export const DEFAULT_CANVAS: CanvasSize = { width: 1280, height: 720 };

/** A size reveal.js reads as pixels: a positive number, or a string such as "1920" or "1920px". */
function pixels(value: unknown): number | undefined {
  const number =
    typeof value === 'string' && /^\s*\d+(?:\.\d+)?(?:px)?\s*$/.test(value) ? Number.parseFloat(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * The slide canvas in CSS pixels, from a deck's reveal.js options: what slides are laid out at on
 * screen, the viewport `deck check` and `deck pdf` use, and the size of each PDF page.
 */
export function canvasSize(revealConfig: Record<string, unknown>): CanvasSize {
  const width = pixels(revealConfig.width);
  const height = pixels(revealConfig.height);
  return width && height ? { width, height } : DEFAULT_CANVAS;
}

// ---------------------------------------------------------------------------------------------
// The live room (`deck present`): the pages the server serves, the WebSocket they share with it,
// and the messages that go over it. The server holds the room's state; pages only show it, and
// only a page that gave the run's token may change it.

/** Where each page of the room is served. */
export const ROOM_PATHS = {
  audience: '/',
  presenter: '/present',
  remote: '/remote',
  /** The WebSocket every page connects to. */
  socket: '/room',
  /** The audience address as a QR code, an SVG made when the server starts. */
  joinCode: '/join.svg',
  /** The room's own script and styles, beside the deck's runtime. */
  script: '/room/room.js',
  style: '/room/room.css',
} as const;

/** The query parameter that carries the run's token on the presenter's and the remote's addresses. */
export const ROOM_TOKEN_PARAM = 'token';

/** The `<script type="application/json">` element that tells the room's script which page it runs in. */
export const ROOM_CONFIG_ID = 'deck-room';

export type RoomRole = 'audience' | 'presenter' | 'remote';

export interface RoomPageConfig {
  role: RoomRole;
  /** The audience address as the terminal printed it: shown on the join screen. */
  audienceUrl: string;
}

/** Largest message a page may send; a longer one closes its connection. */
export const ROOM_MAX_MESSAGE_BYTES = 1024;

/** An audience page that browsed on its own follows the presenter again after this long without a move of its own. */
export const FOLLOW_AGAIN_AFTER_MS = 30_000;

/** Where the talk is: a slide (h, v) and how many of its fragments show (-1: none). */
export interface RoomStep {
  h: number;
  v: number;
  f: number;
}

/** A countdown as a page shows it: its length, what is left now and whether it is running. */
export interface CountdownView {
  seconds: number;
  remainingMs: number;
  running: boolean;
}

/** What every page follows. */
export interface RoomState extends RoomStep {
  overview: boolean;
  black: boolean;
  /** The join screen (the audience address as a QR code) is up. */
  join: boolean;
  /** The countdown of each slide that has one, by `h/v`. */
  countdowns: Record<string, CountdownView>;
}

/** The talk's clock, which the presenter may pause (questions, a break); the plan shifts with it. */
export interface PacingView {
  elapsedMs: number;
  running: boolean;
}

/** What a presenter or remote needs of each slide, sent only to holders of the token. */
export interface OutlineSlide {
  h: number;
  v: number;
  title: string;
  /** The speaker notes as HTML (already sanitized), or '' without notes. */
  notesHtml: string;
  /** Planned seconds, when the deck plans them. */
  timing?: number;
  /** Seconds of the slide's countdown (`data-countdown`). */
  countdown?: number;
  /** Fragment steps on the slide. */
  fragments: number;
}

export type RoomCommand =
  | { type: 'next' | 'prev' | 'left' | 'right' | 'up' | 'down' | 'first' | 'last' }
  | { type: 'go'; h: number; v: number; f: number }
  /** Without `on`: the other way from what the room shows now (a key pressed twice in a row undoes itself). */
  | { type: 'overview' | 'black' | 'join'; on?: boolean }
  /** `toggle`: start it when it is stopped, pause it when it runs. */
  | { type: 'countdown'; action: 'start' | 'pause' | 'reset' | 'toggle' }
  | { type: 'pacing'; action: 'pause' | 'resume' | 'reset' | 'toggle' };

export type ServerMessage =
  | { type: 'welcome'; controller: boolean; outline?: OutlineSlide[] }
  | { type: 'state'; state: RoomState; pacing?: PacingView };

/** The key of a slide in `RoomState.countdowns`. */
export const slideKey = (h: number, v: number): string => `${h}/${v}`;
