// An audience page: the deck, following the presenter. It shows the step the server says, the
// overview and the black screen; the slide's countdown; the join screen. A participant may look
// around on their own: then a bar offers to follow again, and the presenter's next move after a
// while without one of theirs brings them back. Nothing this page does moves anyone else: it sends
// nothing.

import type { RevealApi } from 'reveal.js';
import { FOLLOW_AGAIN_AFTER_MS, ROOM_PATHS, type RoomPageConfig, type RoomState, slideKey } from '../../contract.js';
import { labelsFor } from '../../labels.js';
import { connect } from './connection.js';
import { button, element } from './dom.js';
import { COUNTDOWN_WARNING_MS, countdownText, remaining } from './format.js';

/** What the room shows its audience, in the deck's language (labels.ts). */
const ROOM_LABELS = labelsFor(document.documentElement.lang).labels.room;

export function audience(deck: RevealApi, config: RoomPageConfig): void {
  let state: RoomState | undefined;
  let receivedAt = 0;
  /** True while this page moves the deck itself, so its own events are not taken for the reader's. */
  let applying = false;
  let detached = false;
  let lastOwnMove = 0;

  const countdown = element('div', {
    class: 'deck-room-countdown',
    role: 'timer',
    'aria-label': ROOM_LABELS.countdown,
  });
  countdown.hidden = true;
  const follow = element(
    'div',
    { class: 'deck-room-follow', role: 'status' },
    element('span', {}, ROOM_LABELS.followHint),
    button(ROOM_LABELS.follow, 'deck-room-follow-button', () => {
      detached = false;
      show();
    }),
  );
  follow.hidden = true;
  const join = element(
    'div',
    { class: 'deck-room-join', role: 'dialog', 'aria-label': ROOM_LABELS.joinTitle },
    element('h2', {}, ROOM_LABELS.joinTitle),
    element('img', { src: ROOM_PATHS.joinCode, alt: ROOM_LABELS.joinCodeAlt }),
    element('p', {}, ROOM_LABELS.joinHint),
    element('p', { class: 'deck-room-join-address' }, config.audienceUrl),
  );
  join.hidden = true;
  const status = element('div', { class: 'deck-room-status', role: 'status' }, ROOM_LABELS.reconnecting);
  status.hidden = true;
  document.body.append(countdown, follow, join, status);

  function showCountdown(): void {
    const { h, v } = deck.getIndices();
    const view = state?.countdowns[slideKey(h, v ?? 0)];
    countdown.hidden = !view;
    if (!view) return;
    const left = remaining(view, receivedAt, performance.now());
    countdown.textContent = countdownText(left, ROOM_LABELS.timeIsUp);
    countdown.classList.toggle('deck-room-warning', left <= COUNTDOWN_WARNING_MS);
    countdown.classList.toggle('deck-room-done', left === 0);
    countdown.classList.toggle('deck-room-running', view.running);
  }
  setInterval(showCountdown, 200);

  /** Shows the room's state: the step (unless the reader looks around), the overlays and the countdown. */
  function show(): void {
    if (!state) return;
    follow.hidden = !detached;
    join.hidden = !state.join;
    if (!detached) {
      applying = true;
      try {
        deck.slide(state.h, state.v, state.f);
        if (deck.isOverview() !== state.overview) deck.toggleOverview(state.overview);
        if (deck.isPaused() !== state.black) deck.togglePause(state.black);
      } finally {
        applying = false;
      }
    }
    showCountdown();
  }

  const ownMove = () => {
    if (applying || !state) return;
    detached = true;
    lastOwnMove = performance.now();
    follow.hidden = false;
    showCountdown();
  };
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewshown', 'overviewhidden']) {
    deck.on(event, ownMove);
  }

  connect(
    (message) => {
      if (message.type !== 'state') return;
      const moved = !state || state.h !== message.state.h || state.v !== message.state.v || state.f !== message.state.f;
      state = message.state;
      receivedAt = performance.now();
      // A presenter's move after the reader has been still a while: back with the room.
      if (detached && moved && performance.now() - lastOwnMove >= FOLLOW_AGAIN_AFTER_MS) detached = false;
      show();
    },
    (connected) => {
      status.hidden = connected;
    },
  );
}
