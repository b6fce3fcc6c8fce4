// The live room's script (`deck present`), on each of its pages: the audience's deck follows the
// presenter; the presenter's view and the remote drive the room. Which page it is in, the server
// says in a JSON element; a preview of the deck inside the presenter's view (`?receiver`) stays
// still and is moved by the view.

import { ROOM_CONFIG_ID, type RoomPageConfig } from '../../contract.js';
import { audience } from './audience.js';
import { controller } from './controller.js';
import './room.css';

function readConfig(): RoomPageConfig | undefined {
  const text = document.getElementById(ROOM_CONFIG_ID)?.textContent;
  return text ? (JSON.parse(text) as RoomPageConfig) : undefined;
}

const config = readConfig();
if (config?.role === 'audience') {
  const deck = window.deck;
  if (deck && !/receiver/i.test(location.search)) {
    if (deck.isReady()) audience(deck, config);
    else deck.on('ready', () => audience(deck, config));
  }
} else if (config) {
  controller(config);
}
