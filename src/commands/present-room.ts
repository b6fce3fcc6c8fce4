// The live room's state and the rules that change it, without sockets or timers of their own:
// `deck present` holds one Room, passes it each command a presenter sends, and sends every page
// what it returns. The talk is a list of steps in reading order (each slide, then each of its
// fragments), so a remote without a browser engine of its own steps through it like reveal.js.

import {
  type CountdownView,
  type OutlineSlide,
  type PacingView,
  ROOM_MAX_MESSAGE_BYTES,
  type RoomCommand,
  type RoomState,
  type RoomStep,
  slideKey,
} from '../contract.js';
import type { RenderedSlide } from '../model.js';

/** A stopwatch that can be paused: `running` since `since`, with `banked` milliseconds before that. */
interface Stopwatch {
  banked: number;
  since?: number;
}

const readWatch = (watch: Stopwatch, now: number) => watch.banked + (watch.since === undefined ? 0 : now - watch.since);

/** What a presenter needs of each slide, from the rendered deck; without fragments when the deck turns them off. */
export function outlineOf(slides: readonly RenderedSlide[], { fragments = true } = {}): OutlineSlide[] {
  return slides.map((slide) => ({
    h: slide.h,
    v: slide.v,
    title: slide.title,
    notesHtml: slide.notesHtml,
    fragments: fragments ? slide.fragments : 0,
    ...(slide.timing !== undefined ? { timing: slide.timing } : {}),
    ...(slide.countdown !== undefined ? { countdown: slide.countdown } : {}),
  }));
}

const COMMANDS_WITHOUT_ARGUMENTS = new Set(['next', 'prev', 'left', 'right', 'up', 'down', 'first', 'last']);
const SWITCHES = new Set(['overview', 'black', 'join']);
const COUNTDOWN_ACTIONS = new Set(['start', 'pause', 'reset', 'toggle']);
const PACING_ACTIONS = new Set(['pause', 'resume', 'reset', 'toggle']);
const isIndex = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value < 100_000;

/** A page's message as a command, or undefined when it is not one (wrong shape, too long, not JSON). */
export function parseCommand(text: string): RoomCommand | undefined {
  if (text.length > ROOM_MAX_MESSAGE_BYTES) return undefined;
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const { type, on, action, h, v, f } = message as Record<string, unknown>;
  if (typeof type !== 'string') return undefined;
  if (COMMANDS_WITHOUT_ARGUMENTS.has(type)) return { type } as RoomCommand;
  if (SWITCHES.has(type) && on === undefined) return { type } as RoomCommand;
  if (SWITCHES.has(type) && typeof on === 'boolean') return { type, on } as RoomCommand;
  if (type === 'countdown' && typeof action === 'string' && COUNTDOWN_ACTIONS.has(action))
    return { type, action } as RoomCommand;
  if (type === 'pacing' && typeof action === 'string' && PACING_ACTIONS.has(action))
    return { type, action } as RoomCommand;
  if (type === 'go' && isIndex(h) && isIndex(v) && isIndex(f, -1)) return { type, h, v, f };
  return undefined;
}

export class Room {
  /** Every step of the talk in reading order. */
  private readonly steps: RoomStep[] = [];
  private readonly slides: Map<string, OutlineSlide>;
  private position = 0;
  private overview = false;
  private black = false;
  private join = false;
  private readonly countdowns = new Map<string, Stopwatch>();
  /** Unstarted until the presenter first moves: the talk starts then, not when the server does. */
  private readonly pacing: Stopwatch & { started: boolean } = { banked: 0, started: false };

  constructor(
    readonly outline: readonly OutlineSlide[],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.slides = new Map(outline.map((slide) => [slideKey(slide.h, slide.v), slide]));
    for (const slide of outline) {
      for (let f = -1; f < slide.fragments; f++) this.steps.push({ h: slide.h, v: slide.v, f });
      if (slide.countdown !== undefined) this.countdowns.set(slideKey(slide.h, slide.v), { banked: 0 });
    }
    if (this.steps.length === 0) this.steps.push({ h: 0, v: 0, f: -1 });
  }

  get step(): RoomStep {
    return this.steps[this.position]!;
  }

  /** The room as every page should show it now. */
  state(): RoomState {
    const now = this.now();
    const countdowns: Record<string, CountdownView> = {};
    for (const [key, watch] of this.countdowns) {
      const seconds = this.slides.get(key)?.countdown ?? 0;
      const remainingMs = Math.max(0, seconds * 1000 - readWatch(watch, now));
      // A countdown that ran out stops there.
      if (remainingMs === 0 && watch.since !== undefined) {
        watch.banked = seconds * 1000;
        delete watch.since;
      }
      countdowns[key] = { seconds, remainingMs, running: watch.since !== undefined };
    }
    return { ...this.step, overview: this.overview, black: this.black, join: this.join, countdowns };
  }

  /** The talk's clock, for the presenter and the remote. */
  pacingView(): PacingView {
    return { elapsedMs: readWatch(this.pacing, this.now()), running: this.pacing.since !== undefined };
  }

  /** Applies a presenter's command; true when the room changed. */
  apply(command: RoomCommand): boolean {
    switch (command.type) {
      case 'overview':
      case 'black':
      case 'join': {
        const on = command.on ?? !this[command.type];
        if (this[command.type] === on) return false;
        this[command.type] = on;
        return true;
      }
      case 'countdown':
        return this.countdown(command.action);
      case 'pacing':
        return this.pacingAction(command.action);
      default:
        return this.move(this.target(command));
    }
  }

  private target(command: RoomCommand): number {
    const { h, v, f } = this.step;
    const last = this.steps.length - 1;
    const find = (test: (step: RoomStep) => boolean) => this.steps.findIndex(test);
    const findLast = (test: (step: RoomStep) => boolean) => this.steps.findLastIndex(test);
    const fragments = this.slides.get(slideKey(h, v))?.fragments ?? 0;
    switch (command.type) {
      case 'next':
        return Math.min(this.position + 1, last);
      case 'prev':
        return Math.max(this.position - 1, 0);
      case 'first':
        return 0;
      case 'last':
        return last;
      // The arrows as in reveal.js: the slide's fragments first, then the next slide that way.
      // Going back lands on a slide with its fragments shown, as reveal.js leaves a slide it passed.
      case 'right':
        if (f < fragments - 1) return this.position + 1;
        return this.orStay(find((step) => step.h === h + 1 && step.v === 0 && step.f === -1));
      case 'down':
        if (f < fragments - 1) return this.position + 1;
        return this.orStay(find((step) => step.h === h && step.v === v + 1 && step.f === -1));
      case 'left':
        if (f > -1) return this.position - 1;
        return this.orStay(findLast((step) => step.h === h - 1 && step.v === 0));
      case 'up':
        if (f > -1) return this.position - 1;
        return this.orStay(findLast((step) => step.h === h && step.v === v - 1));
      case 'go': {
        const slide = this.slides.get(slideKey(command.h, command.v));
        if (!slide) return this.position;
        const shown = Math.min(command.f, slide.fragments - 1);
        return this.orStay(find((step) => step.h === command.h && step.v === command.v && step.f === shown));
      }
      default:
        return this.position;
    }
  }

  private orStay(index: number): number {
    return index < 0 ? this.position : index;
  }

  private move(position: number): boolean {
    if (position === this.position) return false;
    this.position = position;
    // Moving on leaves the overview and the black screen, as it does in reveal.js.
    this.overview = false;
    this.black = false;
    if (!this.pacing.started) {
      this.pacing.started = true;
      this.pacing.since = this.now();
    }
    return true;
  }

  private countdown(requested: 'start' | 'pause' | 'reset' | 'toggle'): boolean {
    const key = slideKey(this.step.h, this.step.v);
    const watch = this.countdowns.get(key);
    if (!watch) return false;
    const now = this.now();
    const total = (this.slides.get(key)?.countdown ?? 0) * 1000;
    // A countdown that ran out is stopped, whatever the last look at it said.
    if (watch.since !== undefined && readWatch(watch, now) >= total) {
      watch.banked = total;
      delete watch.since;
    }
    const action = requested === 'toggle' ? (watch.since === undefined ? 'start' : 'pause') : requested;
    if (action === 'start') {
      if (watch.since !== undefined) return false;
      // Started again after it ran out: a new countdown.
      if (watch.banked >= total) watch.banked = 0;
      watch.since = now;
    } else if (action === 'pause') {
      if (watch.since === undefined) return false;
      watch.banked = Math.min(total, readWatch(watch, now));
      delete watch.since;
    } else {
      watch.banked = 0;
      delete watch.since;
    }
    return true;
  }

  private pacingAction(requested: 'pause' | 'resume' | 'reset' | 'toggle'): boolean {
    const now = this.now();
    const watch = this.pacing;
    const action = requested === 'toggle' ? (watch.since === undefined ? 'resume' : 'pause') : requested;
    if (action === 'pause') {
      if (watch.since === undefined) return false;
      watch.banked = readWatch(watch, now);
      delete watch.since;
    } else if (action === 'resume') {
      if (watch.since !== undefined) return false;
      watch.started = true;
      watch.since = now;
    } else {
      // From zero, running if it ran: the talk starts again now.
      watch.banked = 0;
      if (watch.since !== undefined) watch.since = now;
    }
    return true;
  }
}
