// The live room's rules, without a server: how each command moves the talk (as reveal.js moves
// through slides, fragments and stacks), the countdowns and the pausable talk clock, and which
// messages count as commands at all.

import { describe, expect, it } from 'vitest';
import { outlineOf, parseCommand, Room } from '../../src/commands/present-room.js';
import type { OutlineSlide, RoomCommand, RoomStep } from '../../src/contract.js';
import { render } from '../helpers.js';

const slide = (h: number, v: number, extra: Partial<OutlineSlide> = {}): OutlineSlide => ({
  h,
  v,
  title: `${h}/${v}`,
  notesHtml: '',
  fragments: 0,
  ...extra,
});

/** Intro · two fragments · a stack of two · an exercise with a 90-second countdown · the end. */
const OUTLINE = [
  slide(0, 0, { timing: 60 }),
  slide(1, 0, { fragments: 2, timing: 60 }),
  slide(2, 0, { timing: 60 }),
  slide(2, 1, { timing: 60 }),
  slide(3, 0, { countdown: 90, timing: 60 }),
  slide(4, 0, { timing: 60 }),
];

function room() {
  let now = 1000;
  const value = new Room(OUTLINE, () => now);
  return { room: value, wait: (ms: number) => (now += ms) };
}

const step = ({ h, v, f }: RoomStep) => `${h}/${v}/${f}`;

function walk(commands: RoomCommand['type'][], start?: RoomStep): string[] {
  const { room: r } = room();
  if (start) r.apply({ type: 'go', ...start });
  return commands.map((type) => {
    r.apply({ type } as RoomCommand);
    return step(r.step);
  });
}

describe('moving through the talk', () => {
  it('steps through every slide and fragment in reading order, and stops at both ends', () => {
    expect(walk(['prev', 'next', 'next', 'next', 'next', 'next', 'next', 'next', 'next'])).toEqual([
      '0/0/-1',
      '1/0/-1',
      '1/0/0',
      '1/0/1',
      '2/0/-1',
      '2/1/-1',
      '3/0/-1',
      '4/0/-1',
      '4/0/-1',
    ]);
  });

  it('takes the arrows as reveal.js does: fragments first, then the next slide that way', () => {
    expect(walk(['right', 'right', 'right', 'right', 'down', 'down', 'right', 'left', 'left'])).toEqual([
      '1/0/-1',
      '1/0/0',
      '1/0/1',
      '2/0/-1',
      '2/1/-1',
      '2/1/-1',
      '3/0/-1',
      '2/0/-1',
      '1/0/1',
    ]);
    expect(walk(['up', 'left', 'left'], { h: 2, v: 1, f: -1 })).toEqual(['2/0/-1', '1/0/1', '1/0/0']);
    expect(walk(['first', 'last'])).toEqual(['0/0/-1', '4/0/-1']);
  });

  it('goes to a step that exists, and only to one', () => {
    const { room: r } = room();
    expect(r.apply({ type: 'go', h: 1, v: 0, f: 1 })).toBe(true);
    expect(step(r.step)).toBe('1/0/1');
    expect(r.apply({ type: 'go', h: 9, v: 0, f: -1 })).toBe(false);
    expect(r.apply({ type: 'go', h: 1, v: 3, f: -1 })).toBe(false);
    // More fragments than the slide has: all of them.
    r.apply({ type: 'go', h: 1, v: 0, f: 50 });
    expect(step(r.step)).toBe('1/0/1');
  });

  it('switches the overview, the black screen and the join screen; a move leaves overview and black', () => {
    const { room: r } = room();
    expect(r.apply({ type: 'black', on: true })).toBe(true);
    expect(r.apply({ type: 'black', on: true })).toBe(false);
    r.apply({ type: 'overview', on: true });
    r.apply({ type: 'join', on: true });
    expect(r.state()).toMatchObject({ black: true, overview: true, join: true });
    r.apply({ type: 'next' });
    expect(r.state()).toMatchObject({ black: false, overview: false, join: true });
  });

  it('switches the other way when a command does not say which (a key pressed twice undoes itself)', () => {
    const { room: r } = room();
    r.apply({ type: 'join' });
    expect(r.state().join).toBe(true);
    r.apply({ type: 'join' });
    expect(r.state().join).toBe(false);
    r.apply({ type: 'black' });
    r.apply({ type: 'overview' });
    expect(r.state()).toMatchObject({ black: true, overview: true });
  });

  it('has one step for a deck without slides', () => {
    const r = new Room([]);
    expect(r.apply({ type: 'next' })).toBe(false);
    expect(r.state()).toMatchObject({ h: 0, v: 0, f: -1 });
  });
});

describe('the outline', () => {
  const deck = render(
    '# A\n\nNote: say A\n\n---\n\n<!-- .slide: data-countdown="60" -->\n## B\n\n- x <!-- .element: class="fragment" -->',
  );

  it('carries each slide’s title, notes, fragments and countdown', () => {
    expect(outlineOf(deck.slides)).toEqual([
      { h: 0, v: 0, title: 'A', notesHtml: '<p>say A</p>\n', fragments: 0 },
      { h: 1, v: 0, title: 'B', notesHtml: '', fragments: 1, countdown: 60 },
    ]);
  });

  it('has no fragment steps when the deck turns fragments off', () => {
    expect(outlineOf(deck.slides, { fragments: false }).map((slide) => slide.fragments)).toEqual([0, 0]);
  });
});

describe('countdowns', () => {
  it('start, pause and reset on their own slide, and nowhere else', () => {
    const { room: r, wait } = room();
    expect(r.apply({ type: 'countdown', action: 'start' })).toBe(false);
    r.apply({ type: 'go', h: 3, v: 0, f: -1 });
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 90_000, running: false });
    r.apply({ type: 'countdown', action: 'start' });
    wait(30_000);
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 60_000, running: true });
    r.apply({ type: 'countdown', action: 'pause' });
    wait(10_000);
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 60_000, running: false });
    // It keeps running while the presenter is on another slide.
    r.apply({ type: 'countdown', action: 'start' });
    r.apply({ type: 'next' });
    wait(20_000);
    expect(r.state().countdowns['3/0']?.remainingMs).toBe(40_000);
    r.apply({ type: 'prev' });
    r.apply({ type: 'countdown', action: 'reset' });
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 90_000, running: false });
  });

  it('stops at zero, and starts afresh when started again', () => {
    const { room: r, wait } = room();
    r.apply({ type: 'go', h: 3, v: 0, f: -1 });
    r.apply({ type: 'countdown', action: 'start' });
    wait(200_000);
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 0, running: false });
    r.apply({ type: 'countdown', action: 'start' });
    wait(1000);
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 89_000, running: true });
  });
});

describe('toggles', () => {
  it('start a stopped countdown and pause a running one, also one that ran out', () => {
    const { room: r, wait } = room();
    r.apply({ type: 'go', h: 3, v: 0, f: -1 });
    r.apply({ type: 'countdown', action: 'toggle' });
    wait(10_000);
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 80_000, running: true });
    r.apply({ type: 'countdown', action: 'toggle' });
    expect(r.state().countdowns['3/0']?.running).toBe(false);
    r.apply({ type: 'countdown', action: 'toggle' });
    wait(100_000);
    // Ran out unseen: a toggle starts it afresh rather than pausing it at zero.
    r.apply({ type: 'countdown', action: 'toggle' });
    wait(1000);
    expect(r.state().countdowns['3/0']).toEqual({ seconds: 90, remainingMs: 89_000, running: true });
  });

  it('pause and resume the talk clock', () => {
    const { room: r, wait } = room();
    r.apply({ type: 'next' });
    wait(1000);
    r.apply({ type: 'pacing', action: 'toggle' });
    wait(5000);
    expect(r.pacingView()).toEqual({ elapsedMs: 1000, running: false });
    r.apply({ type: 'pacing', action: 'toggle' });
    wait(1000);
    expect(r.pacingView()).toEqual({ elapsedMs: 2000, running: true });
  });
});

describe('the talk clock', () => {
  it('starts with the first move, pauses and resumes, and resets', () => {
    const { room: r, wait } = room();
    wait(60_000);
    expect(r.pacingView()).toEqual({ elapsedMs: 0, running: false });
    r.apply({ type: 'next' });
    wait(5000);
    expect(r.pacingView()).toEqual({ elapsedMs: 5000, running: true });
    expect(r.apply({ type: 'pacing', action: 'pause' })).toBe(true);
    expect(r.apply({ type: 'pacing', action: 'pause' })).toBe(false);
    wait(600_000);
    expect(r.pacingView()).toEqual({ elapsedMs: 5000, running: false });
    r.apply({ type: 'pacing', action: 'resume' });
    wait(1000);
    expect(r.pacingView()).toEqual({ elapsedMs: 6000, running: true });
    r.apply({ type: 'pacing', action: 'reset' });
    wait(500);
    expect(r.pacingView()).toEqual({ elapsedMs: 500, running: true });
  });
});

describe('messages', () => {
  it('reads every command', () => {
    const commands: RoomCommand[] = [
      { type: 'next' },
      { type: 'last' },
      { type: 'go', h: 2, v: 1, f: -1 },
      { type: 'black', on: false },
      { type: 'join' },
      { type: 'countdown', action: 'toggle' },
      { type: 'pacing', action: 'toggle' },
      { type: 'countdown', action: 'reset' },
      { type: 'pacing', action: 'resume' },
    ];
    for (const command of commands) expect(parseCommand(JSON.stringify(command))).toEqual(command);
  });

  it.each([
    '',
    'next',
    'null',
    '[]',
    '42',
    '"next"',
    '{',
    '{}',
    '{"type":"jump"}',
    '{"type":"toString"}',
    '{"type":"__proto__"}',
    '{"type":["next"]}',
    '{"type":"go","h":1,"v":0}',
    '{"type":"go","h":-1,"v":0,"f":-1}',
    '{"type":"go","h":1.5,"v":0,"f":-1}',
    '{"type":"go","h":1e300,"v":0,"f":-1}',
    '{"type":"go","h":"1","v":0,"f":-1}',
    '{"type":"go","h":1,"v":0,"f":-2}',
    '{"type":"black","on":"yes"}',
    '{"type":"countdown","action":"explode"}',
    '{"type":"pacing","action":"start"}',
    `{"type":"next","padding":"${'x'.repeat(2000)}"}`,
  ])('ignores %j', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it('reads only the fields of a command', () => {
    expect(parseCommand('{"type":"next","h":1,"extra":{"deep":true}}')).toEqual({ type: 'next' });
  });
});
