// The presenter's view and the remote: both drive the room through the server, and both show
// where the talk is, the notes, the clocks, the countdown and what comes next. The presenter's
// view adds the slides themselves (the current step and the next, in frames of the audience's
// page, as reveal.js's own speaker view does) and the keyboard; the remote is laid out for a
// phone held in one hand.

import {
  type OutlineSlide,
  type PacingView,
  ROOM_PATHS,
  ROOM_TOKEN_PARAM,
  type RoomCommand,
  type RoomPageConfig,
  type RoomState,
  slideKey,
} from '../../contract.js';
import { labelsFor } from '../../labels.js';
import { ROOM_WORDS } from '../../wording.js';
import { connect } from './connection.js';
import { button, element } from './dom.js';
import { COUNTDOWN_WARNING_MS, clock, countdownText, remaining } from './format.js';

/** What the room shows its audience, in the deck's language (labels.ts). */
const ROOM_LABELS = labelsFor(document.documentElement.lang).labels.room;

/** The audience's page as a still preview: no controls, no transitions, and no room of its own. */
const PREVIEW_QUERY =
  'receiver&controls=false&progress=false&transition=none&backgroundTransition=none&autoSlide=0&autoPlayMedia=false&scrollActivationWidth=false&postMessageEvents=true';

interface Preview {
  frame: HTMLIFrameElement;
  ready: boolean;
}

/** What the presenter's keys do: reveal.js's own keys where it has them. */
function keyCommand(event: KeyboardEvent): RoomCommand | undefined {
  switch (event.key) {
    case 'ArrowRight':
    case 'l':
      return { type: 'right' };
    case 'ArrowLeft':
    case 'h':
      return { type: 'left' };
    case 'ArrowDown':
    case 'j':
      return { type: 'down' };
    case 'ArrowUp':
    case 'k':
      return { type: 'up' };
    case ' ':
    case 'PageDown':
    case 'n':
      return { type: event.shiftKey ? 'prev' : 'next' };
    case 'PageUp':
    case 'Backspace':
    case 'p':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'b':
    case '.':
      return { type: 'black' };
    case 'o':
    case 'Escape':
      return { type: 'overview' };
    case 'q':
      return { type: 'join' };
    case 'c':
      return { type: 'countdown', action: 'toggle' };
    case 't':
      return { type: 'pacing', action: 'toggle' };
    default:
      return undefined;
  }
}

export function controller(config: RoomPageConfig): void {
  const presenter = config.role === 'presenter';
  let outline: OutlineSlide[] = [];
  let state: RoomState | undefined;
  let pacing: PacingView | undefined;
  let receivedAt = 0;
  let staleToken = false;
  /** The slide whose notes are on the page. */
  let notesShown: number | undefined;

  const token = new URLSearchParams(location.search).get(ROOM_TOKEN_PARAM);
  const room = connect(
    (message) => {
      if (message.type === 'welcome') {
        staleToken = !message.controller;
        outline = message.outline ?? [];
        notesShown = undefined;
      } else {
        state = message.state;
        pacing = message.pacing;
        receivedAt = performance.now();
      }
      render();
    },
    (connected) => {
      status.hidden = connected;
    },
    token,
  );
  const send = (command: RoomCommand) => room.send(command);

  // The parts of the page.
  const position = element('span', { class: 'deck-room-position' });
  const status = element('span', { class: 'deck-room-status', role: 'status' }, ROOM_LABELS.reconnecting);
  status.hidden = true;
  const stale = element('p', { class: 'deck-room-stale', role: 'alert' }, ROOM_WORDS.staleToken);
  stale.hidden = true;
  const title = element('h1', { class: 'deck-room-title' });
  const notes = element('div', { class: 'deck-room-notes', 'aria-label': ROOM_WORDS.notes });
  const upcoming = element('p', { class: 'deck-room-upcoming' });
  const clockValue = element('span', { class: 'deck-room-clock' });
  const elapsed = element('span', { class: 'deck-room-elapsed' });
  const pace = element('span', { class: 'deck-room-pace' });
  const pacingButton = button(ROOM_WORDS.pauseClock, 'deck-room-pacing-button', () =>
    send({ type: 'pacing', action: 'toggle' }),
  );
  const pacingReset = button(ROOM_WORDS.resetClock, 'deck-room-pacing-reset', () =>
    send({ type: 'pacing', action: 'reset' }),
  );
  const countdownValue = element('span', { class: 'deck-room-countdown-value', role: 'timer' });
  const countdownToggle = button(ROOM_WORDS.start, 'deck-room-countdown-toggle', () =>
    send({ type: 'countdown', action: 'toggle' }),
  );
  const countdownReset = button(ROOM_WORDS.reset, 'deck-room-countdown-reset', () =>
    send({ type: 'countdown', action: 'reset' }),
  );
  const countdownRow = element(
    'div',
    { class: 'deck-room-countdown-controls' },
    element('span', { class: 'deck-room-label' }, ROOM_LABELS.countdown),
    countdownValue,
    countdownToggle,
    countdownReset,
  );
  const joinButton = button(ROOM_WORDS.joinScreen, 'deck-room-join-button', () => send({ type: 'join' }));
  const blackButton = button(ROOM_WORDS.black, 'deck-room-black-button', () => send({ type: 'black' }));
  const previous = button(ROOM_WORDS.previous, 'deck-room-previous', () => send({ type: 'prev' }));
  const next = button(ROOM_WORDS.next, 'deck-room-next', () => send({ type: 'next' }));

  const timers = element(
    'div',
    { class: 'deck-room-timers' },
    element('span', { class: 'deck-room-label' }, ROOM_WORDS.clock),
    clockValue,
    element('span', { class: 'deck-room-label' }, ROOM_WORDS.elapsed),
    elapsed,
    element('span', { class: 'deck-room-label' }, ROOM_WORDS.pacing),
    pace,
    element('span', { class: 'deck-room-pacing-buttons' }, pacingButton, pacingReset),
  );
  const header = element('header', { class: 'deck-room-header' }, position, status);
  const actions = element('div', { class: 'deck-room-actions' }, joinButton, blackButton);

  const previews: Preview[] = [];
  if (presenter) {
    const preview = (className: string): Preview => {
      const frame = element('iframe', {
        class: className,
        src: `${ROOM_PATHS.audience}?${PREVIEW_QUERY}`,
        tabindex: '-1',
        title: className,
      });
      return { frame, ready: false };
    };
    const current = preview('deck-room-current-frame');
    const nextFrame = preview('deck-room-next-frame');
    previews.push(current, nextFrame);
    // The previews' reveal.js says when it is ready; the frames are then set to the room's step.
    window.addEventListener('message', (event) => {
      const found = previews.find((p) => p.frame.contentWindow === event.source);
      if (!found || typeof event.data !== 'string') return;
      try {
        const data = JSON.parse(event.data) as { namespace?: string; eventName?: string };
        if (data.namespace === 'reveal' && data.eventName === 'ready') {
          found.ready = true;
          showPreviews();
        }
      } catch {
        // Not one of reveal.js's messages.
      }
    });
    const overview = button(ROOM_WORDS.overview, 'deck-room-overview-button', () => send({ type: 'overview' }));
    const audienceWindow = button(ROOM_WORDS.openAudienceWindow, 'deck-room-audience-window', () => {
      window.open(ROOM_PATHS.audience, 'deck-room-audience');
    });
    actions.append(overview, audienceWindow);
    document.body.append(
      header,
      stale,
      element(
        'main',
        { class: 'deck-room-presenter-main' },
        element('section', { class: 'deck-room-current' }, current.frame, title, notes),
        element(
          'aside',
          { class: 'deck-room-side' },
          element('div', { class: 'deck-room-next-preview' }, nextFrame.frame, upcoming),
          timers,
          countdownRow,
          actions,
          element('p', { class: 'deck-room-keys' }, ROOM_WORDS.keys),
        ),
      ),
    );
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Enter presses a focused button; space always moves the talk on, even after a button was clicked.
      if (event.target instanceof HTMLButtonElement && event.key === 'Enter') return;
      const command = keyCommand(event);
      if (!command) return;
      event.preventDefault();
      send(command);
    });
    // A focused button would take the space bar's release as a press.
    document.addEventListener('keyup', (event) => {
      if (event.key === ' ' && event.target instanceof HTMLButtonElement) event.preventDefault();
    });
  } else {
    document.body.append(
      header,
      stale,
      element(
        'main',
        { class: 'deck-room-remote-main' },
        timers,
        title,
        notes,
        countdownRow,
        upcoming,
        actions,
        element('nav', { class: 'deck-room-nav' }, previous, next),
      ),
    );
  }

  function slideIndex(): number {
    return state ? outline.findIndex((slide) => slide.h === state!.h && slide.v === state!.v) : -1;
  }

  function currentCountdown() {
    return state ? state.countdowns[slideKey(state.h, state.v)] : undefined;
  }

  function showPreviews(): void {
    if (!state) return;
    const [current, nextFrame] = previews;
    const revealState = {
      indexh: state.h,
      indexv: state.v,
      indexf: state.f,
      overview: state.overview,
      paused: state.black,
    };
    const post = (preview: Preview | undefined, message: unknown) => {
      if (preview?.ready) preview.frame.contentWindow?.postMessage(JSON.stringify(message), location.origin);
    };
    post(current, { method: 'setState', args: [revealState] });
    post(nextFrame, { method: 'setState', args: [{ ...revealState, overview: false, paused: false }] });
    post(nextFrame, { method: 'next' });
  }

  /** The pacing line: ahead or behind the plan, which moves with every pause of the clock. */
  function pacingLine(elapsedMs: number, index: number): { text: string; behind: boolean } {
    if (!pacing || (!pacing.running && pacing.elapsedMs === 0))
      return { text: ROOM_WORDS.pacingNotStarted, behind: false };
    if (!outline.some((slide) => slide.timing !== undefined)) return { text: ROOM_WORDS.noPlan, behind: false };
    const start = outline.slice(0, Math.max(0, index)).reduce((sum, slide) => sum + (slide.timing ?? 0), 0) * 1000;
    const end = start + (outline[index]?.timing ?? 0) * 1000;
    const behind = elapsedMs > end;
    const text =
      elapsedMs < start
        ? ROOM_WORDS.ahead(clock(start - elapsedMs))
        : behind
          ? ROOM_WORDS.behind(clock(elapsedMs - end))
          : ROOM_WORDS.onTime(clock(end - elapsedMs));
    return { text: pacing.running ? text : `${text} (${ROOM_WORDS.paused})`, behind };
  }

  /** The parts that change with time: clocks and the countdown. */
  function tick(): void {
    clockValue.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const now = performance.now();
    const elapsedMs = pacing ? pacing.elapsedMs + (pacing.running ? now - receivedAt : 0) : 0;
    elapsed.textContent = clock(elapsedMs);
    const line = pacingLine(elapsedMs, slideIndex());
    pace.textContent = line.text;
    pace.classList.toggle('deck-room-behind', line.behind);
    const view = currentCountdown();
    countdownRow.hidden = !view;
    if (view) {
      const left = remaining(view, receivedAt, now);
      countdownValue.textContent = countdownText(left, ROOM_LABELS.timeIsUp);
      countdownValue.classList.toggle('deck-room-warning', left <= COUNTDOWN_WARNING_MS);
      countdownToggle.textContent = view.running ? ROOM_WORDS.pause : ROOM_WORDS.start;
    }
  }
  setInterval(tick, 250);

  function render(): void {
    stale.hidden = !staleToken;
    if (!state) return;
    const index = slideIndex();
    const slide = outline[index];
    position.textContent = slide
      ? `${ROOM_WORDS.slideOf(index + 1, outline.length)}${slide.fragments > 0 ? ` · ${ROOM_WORDS.step(state.f + 1, slide.fragments)}` : ''}`
      : '';
    title.textContent = slide ? slide.title || ROOM_WORDS.untitled : '';
    // Written again only for another slide: a fragment step keeps the reader's place in them.
    if (index !== notesShown) {
      notesShown = index;
      // The notes were sanitized by the build, as they are in the deck's own speaker view.
      notes.innerHTML = slide?.notesHtml || `<p class="deck-room-no-notes">${ROOM_WORDS.noNotes}</p>`;
      notes.scrollTop = 0;
    }
    const following = outline[index + 1];
    upcoming.textContent = following
      ? `${ROOM_WORDS.nextSlide} ${following.title || ROOM_WORDS.untitled}`
      : ROOM_WORDS.lastSlide;
    joinButton.textContent = state.join ? ROOM_WORDS.hideJoinScreen : ROOM_WORDS.joinScreen;
    blackButton.textContent = state.black ? ROOM_WORDS.unblack : ROOM_WORDS.black;
    pacingButton.textContent = pacing?.running ? ROOM_WORDS.pauseClock : ROOM_WORDS.resumeClock;
    // What the room shows, for the keys that switch it and for a look at the page.
    document.body.classList.toggle('deck-room-showing-black', state.black);
    document.body.classList.toggle('deck-room-showing-overview', state.overview);
    document.body.classList.toggle('deck-room-showing-join', state.join);
    showPreviews();
    tick();
  }
}
