// `deck present`: the live room. Builds the deck without its speaker notes into a temporary
// folder and serves it with a WebSocket hub: audience pages follow the presenter, the presenter's
// view and a phone remote drive the room, and slides with `data-countdown` show a countdown to
// everyone. The static build is untouched: this is a server of its own, gone when it stops.
//
// Safety: the notes and the token reach only pages that gave the token; the token is random per
// run and compared in constant time; a WebSocket from another origin, or a request naming another
// host, is refused (a web page elsewhere cannot reach the room, even by DNS rebinding); a message
// that is not a command is ignored and counted, and one too long closes its connection.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import QRCode from 'qrcode';
import { type WebSocket, WebSocketServer } from 'ws';
import { runtimeBundle } from '../compile/runtime-bundle.js';
import {
  ROOM_CONFIG_ID,
  ROOM_MAX_MESSAGE_BYTES,
  ROOM_PATHS,
  ROOM_TOKEN_PARAM,
  type RoomPageConfig,
  type RoomRole,
  type ServerMessage,
} from '../contract.js';
import { deckContentSecurityPolicy, pageStyles, renderPage } from '../html/page.js';
import { roomShellPage } from '../html/room-page.js';
import type { Diagnostic, Project, RenderedDeck } from '../model.js';
import { hasErrors } from '../model.js';
import { openRegularFile } from '../platform/files.js';
import { isInside } from '../platform/paths.js';
import { temporaryFolder } from '../platform/temporary.js';
import { ROOM_WORDS } from '../wording.js';
import { buildDecks } from './build.js';
import { listenProblem } from './dev.js';
import { contentType } from './dev-plugin.js';
import { outlineOf, parseCommand, Room } from './present-room.js';

export interface PresentOptions {
  file: string;
  project: Project;
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Port; 0 picks a free one. */
  port?: number;
}

export interface RoomAddresses {
  audience: string;
  presenter: string;
  remote: string;
}

export interface PresentServer {
  urls: RoomAddresses;
  port: number;
  /** The audience address as a QR code for the terminal. */
  terminalCode: string;
  /** What the hub has seen: open connections, messages that were not commands, commands without the token. */
  stats(): { connections: number; malformed: number; refused: number };
  close(): Promise<void>;
}

export type PresentResult =
  | { ok: true; server: PresentServer; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export const DEFAULT_PRESENT_PORT = 8040;
/** Pages that stop answering pings (a phone that left the room's Wi-Fi) are dropped after this long. */
const HEARTBEAT_MS = 15_000;
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The machine's first IPv4 address on a network (not loopback): what a phone in the room can reach. */
function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return undefined;
}

/** Every address of this machine, loopback included. */
function localAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((address) => address.address));
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Digests of equal length, so that comparing them takes the same time whatever was sent. */
const digest = (text: string) => createHash('sha256').update(text).digest();

/** The room's CSP: the deck's own, plus its WebSocket at the address the page was loaded from. */
function roomPolicy(scriptHashes: readonly string[], host: string): string {
  return deckContentSecurityPolicy(scriptHashes, [`ws://${host}`]);
}

/** The deck's options for a page of the room: the server says where the talk is, not the address bar. */
function roomRevealConfig(config: Record<string, unknown>): Record<string, unknown> {
  const keyboard = config.keyboard;
  return {
    ...config,
    hash: false,
    history: false,
    // The presenter moves the room; a slide that moved on by itself would take a page off the talk.
    autoSlide: 0,
    // `s` would open reveal.js's speaker window on a copy without notes: the presenter has /present.
    keyboard: keyboard === false ? false : { ...(typeof keyboard === 'object' ? keyboard : {}), 83: null },
  };
}

export async function startPresentServer(options: PresentOptions): Promise<PresentResult> {
  const listenOn = options.host ?? '127.0.0.1';
  const folder = await temporaryFolder('deck-present-');
  let httpServer: Server | undefined;
  try {
    const built = await buildDecks([options.file], {
      outDir: folder.path,
      project: options.project,
      render: { notes: false },
    });
    const deck = built.decks[0];
    if (hasErrors(built.diagnostics) || !deck) {
      await folder.remove();
      return { ok: false, diagnostics: built.diagnostics };
    }
    const deckDir = await realpath(join(folder.path, deck.name));
    const runtime = await runtimeBundle();
    const rendered: RenderedDeck = { ...deck.rendered, revealConfig: roomRevealConfig(deck.rendered.revealConfig) };
    const token = randomBytes(24).toString('base64url');
    const tokenDigest = digest(token);
    const hasToken = (given: string | null) => given !== null && timingSafeEqual(digest(given), tokenDigest);
    const room = new Room(
      outlineOf(deck.rendered.slides, { fragments: deck.rendered.revealConfig.fragments !== false }),
    );
    const counts = { malformed: 0, refused: 0 };

    httpServer = createServer();
    const server = httpServer;
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? DEFAULT_PRESENT_PORT, listenOn, () => {
        server.off('error', fail);
        done();
      });
    }).catch((error: unknown) => {
      throw listenProblem(error, listenOn, options.port ?? DEFAULT_PRESENT_PORT) ?? error;
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PRESENT_PORT);
    const wildcard = WILDCARDS.has(listenOn);
    const shownHost = wildcard ? (lanAddress() ?? '127.0.0.1') : listenOn;
    const origin = `http://${urlHost(shownHost)}:${port}`;
    const urls: RoomAddresses = {
      audience: `${origin}${ROOM_PATHS.audience}`,
      presenter: `${origin}${ROOM_PATHS.presenter}?${ROOM_TOKEN_PARAM}=${token}`,
      remote: `${origin}${ROOM_PATHS.remote}?${ROOM_TOKEN_PARAM}=${token}`,
    };
    const joinCode = await QRCode.toString(urls.audience, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    const terminalCode = await QRCode.toString(urls.audience, { type: 'terminal', small: true });

    // The names this server answers to. Any other Host is a page elsewhere that had its own name
    // pointed at this machine (DNS rebinding): refused.
    const hostNames = new Set(
      [shownHost, listenOn, 'localhost', '127.0.0.1', '::1', ...(wildcard ? localAddresses() : [])].map(urlHost),
    );
    const acceptedHost = (req: IncomingMessage): string | undefined => {
      const host = req.headers.host ?? '';
      const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d+))?$/i.exec(host);
      return match && hostNames.has(match[1]!.toLowerCase()) && (match[2] ?? '80') === String(port) ? host : undefined;
    };

    const pageConfig = (role: RoomRole): RoomPageConfig => ({ role, audienceUrl: urls.audience });
    const deckPage = (host: string) =>
      renderPage(rendered, {
        styles: [
          ...pageStyles(rendered, { style: runtime.style, bundleUrl: '' }).map((path) => `/${path}`),
          ROOM_PATHS.style,
        ],
        script: { src: `/${runtime.script}`, module: false },
        extraScripts: [ROOM_PATHS.script],
        data: [{ id: ROOM_CONFIG_ID, value: pageConfig('audience') }],
        contentSecurityPolicy: roomPolicy(runtime.scriptHashes, host),
      });

    const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
      res.statusCode = status;
      res.setHeader('Content-Type', type);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // The presenter's address carries the token: no page may pass it on to another site.
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.end(body);
    };
    const sendPage = (res: ServerResponse, status: number, html: string) => {
      res.setHeader('Cache-Control', 'no-store');
      // Only the room's own pages may frame these (the presenter's view shows the slides in frames).
      res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
      send(res, status, 'text/html; charset=utf-8', html);
    };

    const serveFile = async (res: ServerResponse, file: string, root: string) => {
      const real = await realpath(file).catch(() => undefined);
      const handle = real && isInside(real, root) ? await openRegularFile(real) : undefined;
      if (!handle) {
        send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
        return;
      }
      res.setHeader('Content-Type', contentType(file));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      handle.createReadStream().pipe(res);
    };

    const answer = async (req: IncomingMessage, res: ServerResponse) => {
      const host = acceptedHost(req);
      if (!host) return send(res, 421, 'text/plain; charset=utf-8', 'unknown host\n');
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'text/plain; charset=utf-8', 'GET only\n');
      const url = new URL(req.url ?? '/', 'http://room');
      const path = url.pathname;
      if (path === ROOM_PATHS.audience || path === '/index.html') return sendPage(res, 200, deckPage(host));
      if (path === ROOM_PATHS.presenter || path === ROOM_PATHS.remote) {
        if (!hasToken(url.searchParams.get(ROOM_TOKEN_PARAM)))
          return sendPage(res, 403, roomShellPage({ title: rendered.meta.title, message: ROOM_WORDS.forbidden }));
        const role = path === ROOM_PATHS.presenter ? 'presenter' : 'remote';
        return sendPage(
          res,
          200,
          roomShellPage({
            title: rendered.meta.title,
            lang: rendered.meta.lang,
            config: pageConfig(role),
            script: ROOM_PATHS.script,
            style: ROOM_PATHS.style,
            contentSecurityPolicy: roomPolicy([], host),
          }),
        );
      }
      if (path === ROOM_PATHS.joinCode) return send(res, 200, 'image/svg+xml', joinCode);
      if (path === ROOM_PATHS.script) return serveFile(res, join(runtime.dir, runtime.room.script), runtime.dir);
      if (path === ROOM_PATHS.style) return serveFile(res, join(runtime.dir, runtime.room.style), runtime.dir);
      // Everything else is a file of the built deck: its runtime, theme, fonts and the files its
      // slides use. Its dot files (the build's summary) and its static page are not served.
      let file: string;
      try {
        file = resolve(deckDir, `.${decodeURIComponent(path)}`);
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'bad path\n');
      }
      if (file.includes('\0') || basename(file).startsWith('.') || !isInside(file, deckDir))
        return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      return serveFile(res, file, deckDir);
    };
    server.on('request', (req, res) => {
      answer(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'error\n');
        else res.destroy();
      });
    });

    // The hub.
    const hub = new WebSocketServer({ noServer: true, maxPayload: ROOM_MAX_MESSAGE_BYTES, perMessageDeflate: false });
    const controllers = new Set<WebSocket>();
    const alive = new WeakSet<WebSocket>();
    const refuse = (socket: Duplex, status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const host = acceptedHost(req);
      const url = new URL(req.url ?? '/', 'http://room');
      if (!host || url.pathname !== ROOM_PATHS.socket) return refuse(socket, '404 Not Found');
      // Browsers always say where a WebSocket comes from: only the room's own pages may connect.
      if (req.headers.origin !== `http://${host}`) return refuse(socket, '403 Forbidden');
      const controller = hasToken(url.searchParams.get(ROOM_TOKEN_PARAM));
      hub.handleUpgrade(req, socket, head, (ws) => {
        alive.add(ws);
        ws.on('pong', () => alive.add(ws));
        // A message over the size limit, or a broken frame: ws closes the connection; nothing else.
        ws.on('error', () => undefined);
        if (controller) controllers.add(ws);
        ws.on('close', () => controllers.delete(ws));
        ws.on('message', (data, binary) => {
          const command = binary ? undefined : parseCommand(String(data));
          if (!command) counts.malformed++;
          else if (!controller) counts.refused++;
          else if (room.apply(command)) broadcast();
        });
        const welcome: ServerMessage = controller
          ? { type: 'welcome', controller: true, outline: [...room.outline] }
          : { type: 'welcome', controller: false };
        ws.send(JSON.stringify(welcome));
        ws.send(stateMessage(controller));
      });
    });
    const stateMessage = (controller: boolean) =>
      JSON.stringify({
        type: 'state',
        state: room.state(),
        ...(controller ? { pacing: room.pacingView() } : {}),
      } satisfies ServerMessage);
    function broadcast(): void {
      // Made once per change, not once per page: the same text goes to every audience page.
      const forAudience = stateMessage(false);
      const forControllers = stateMessage(true);
      for (const ws of hub.clients) {
        if (ws.readyState === ws.OPEN) ws.send(controllers.has(ws) ? forControllers : forAudience);
      }
    }
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

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        clearInterval(heartbeat);
        for (const ws of hub.clients) ws.terminate();
        hub.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await folder.remove();
      })();
      return closing;
    };

    return {
      ok: true,
      diagnostics: built.diagnostics,
      server: {
        urls,
        port,
        terminalCode,
        stats: () => ({ connections: hub.clients.size, ...counts }),
        close,
      },
    };
  } catch (error) {
    httpServer?.close();
    await folder.remove();
    throw error;
  }
}
