// The live room's WebSocket hub: every page of the room connects to it. It holds the Room, takes
// commands only from connections that gave the run's token, and sends every page the room's state
// whenever it changes. A message that is not a command is ignored and counted; one over the size
// limit closes its connection (ws does that); a page that stops answering pings is dropped.

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { ROOM_MAX_MESSAGE_BYTES, ROOM_PATHS, ROOM_TOKEN_PARAM, type ServerMessage } from '../contract.js';
import { parseCommand, type Room } from './present-room.js';

/** Pages that stop answering pings (a phone that left the room's Wi-Fi) are dropped after this long. */
const HEARTBEAT_MS = 15_000;

export interface HubOptions {
  room: Room;
  /** Whether a connection's token is the run's. */
  hasToken(given: string | null): boolean;
  /** The request's Host header when it names this server, else undefined. */
  acceptedHost(req: IncomingMessage): string | undefined;
}

export interface Hub {
  /** Open connections, messages that were not commands, and commands from pages without the token. */
  stats(): { connections: number; malformed: number; refused: number };
  close(): void;
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachHub(server: Server, { room, hasToken, acceptedHost }: HubOptions): Hub {
  const hub = new WebSocketServer({ noServer: true, maxPayload: ROOM_MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const controllers = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();
  const counts = { malformed: 0, refused: 0 };

  const stateMessages = () => {
    const state = room.state();
    const message = (pacing: boolean): string =>
      JSON.stringify({
        type: 'state',
        state,
        ...(pacing ? { pacing: room.pacingView() } : {}),
      } satisfies ServerMessage);
    return { audience: message(false), controller: message(true) };
  };

  function broadcast(): void {
    // Made once per change, not once per page: the same text goes to every audience page.
    const messages = stateMessages();
    for (const ws of hub.clients) {
      if (ws.readyState === ws.OPEN) ws.send(controllers.has(ws) ? messages.controller : messages.audience);
    }
  }

  function welcome(ws: WebSocket, controller: boolean): void {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    // A message over the size limit, or a broken frame: ws closes that connection, and that is all.
    ws.on('error', () => undefined);
    if (controller) controllers.add(ws);
    ws.on('close', () => controllers.delete(ws));
    ws.on('message', (data, binary) => {
      const command = binary ? undefined : parseCommand(String(data));
      if (!command) counts.malformed++;
      else if (!controller) counts.refused++;
      else if (room.apply(command)) broadcast();
    });
    const hello: ServerMessage = controller
      ? { type: 'welcome', controller: true, outline: [...room.outline] }
      : { type: 'welcome', controller: false };
    ws.send(JSON.stringify(hello));
    const messages = stateMessages();
    ws.send(controller ? messages.controller : messages.audience);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const host = acceptedHost(req);
    const url = new URL(req.url ?? '/', 'http://room');
    if (!host || url.pathname !== ROOM_PATHS.socket) return refuse(socket, '404 Not Found');
    // Browsers always say which page opens a WebSocket: only the room's own pages may connect.
    if (req.headers.origin !== `http://${host}`) return refuse(socket, '403 Forbidden');
    const controller = hasToken(url.searchParams.get(ROOM_TOKEN_PARAM));
    hub.handleUpgrade(req, socket, head, (ws) => welcome(ws, controller));
  });

  const heartbeat = setInterval(() => {
    for (const ws of hub.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    stats: () => ({ connections: hub.clients.size, ...counts }),
    close() {
      clearInterval(heartbeat);
      for (const ws of hub.clients) ws.terminate();
      hub.close();
    },
  };
}
