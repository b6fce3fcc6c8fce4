// The page's end of the room's WebSocket: connects, and connects again whenever the line drops
// (the server restarted, the phone's Wi-Fi blinked), a little later each time, up to two seconds.

import { ROOM_PATHS, ROOM_TOKEN_PARAM, type RoomCommand, type ServerMessage } from '../../contract.js';

export interface RoomConnection {
  send(command: RoomCommand): void;
}

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 2000;

export function connect(
  onMessage: (message: ServerMessage) => void,
  onStatus: (connected: boolean) => void,
  token?: string | null,
): RoomConnection {
  const url = new URL(ROOM_PATHS.socket, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = token ? `?${ROOM_TOKEN_PARAM}=${encodeURIComponent(token)}` : '';
  let socket: WebSocket | undefined;
  let retry = FIRST_RETRY_MS;

  const open = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retry = FIRST_RETRY_MS;
      onStatus(true);
    });
    ws.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      try {
        onMessage(JSON.parse(event.data) as ServerMessage);
      } catch (error) {
        console.error(error);
      }
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      onStatus(false);
      // Some randomness, so a room of phones does not knock all at once.
      setTimeout(open, retry * (0.75 + Math.random() / 2));
      retry = Math.min(LAST_RETRY_MS, retry * 2);
    });
  };
  open();
  return {
    send(command) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
    },
  };
}
