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
import QRCode from 'qrcode';
import { type RuntimeBundle, runtimeBundle } from '../compile/runtime-bundle.js';
import { ROOM_CONFIG_ID, ROOM_PATHS, ROOM_TOKEN_PARAM, type RoomPageConfig, type RoomRole } from '../contract.js';
import { deckContentSecurityPolicy, pageStyles, renderPage } from '../html/page.js';
import { roomShellPage } from '../html/room-page.js';
import type { Diagnostic, Project, RenderedDeck } from '../model.js';
import { hasErrors } from '../model.js';
import { contentType } from '../platform/content-types.js';
import { openRegularFile } from '../platform/files.js';
import { isInside } from '../platform/paths.js';
import { temporaryFolder } from '../platform/temporary.js';
import { ROOM_WORDS } from '../wording.js';
import { buildDecks } from './build.js';
import { listenProblem } from './dev.js';
import { attachHub } from './present-hub.js';
import { outlineOf, Room } from './present-room.js';

export interface PresentOptions {
  file: string;
  project: Project;
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Port; 0 picks a free one. */
  port?: number;
  /** The variant to present, for a deck with variants. */
  variant?: string;
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
    // reveal.js turns a narrow page (a phone in portrait) into a scrolling page of all the slides,
    // which cannot follow a step: phones show the slides as the projector does.
    scrollActivationWidth: null,
    // `s` would open reveal.js's speaker window on a copy without notes: the presenter has /present.
    keyboard: keyboard === false ? false : { ...(typeof keyboard === 'object' ? keyboard : {}), 83: null },
  };
}

/** Listens on `host`:`port`; a port in use or a host that is not this machine's is said as a usage error. */
async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  }).catch((error: unknown) => {
    throw listenProblem(error, host, port) ?? error;
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/**
 * The host the room's addresses name (with 0.0.0.0, the machine's address on its network), and a
 * check of each request's Host header against the names the server answers to. Any other name is a
 * page elsewhere that pointed a name of its own at this machine (DNS rebinding): refused.
 */
function roomHosts(listenOn: string, port: number) {
  const wildcard = WILDCARDS.has(listenOn);
  const shown = wildcard ? (lanAddress() ?? '127.0.0.1') : listenOn;
  const names = new Set(
    [shown, listenOn, 'localhost', '127.0.0.1', '::1', ...(wildcard ? localAddresses() : [])].map(urlHost),
  );
  const accepted = (req: IncomingMessage): string | undefined => {
    const host = req.headers.host ?? '';
    const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d+))?$/i.exec(host);
    return match && names.has(match[1]!.toLowerCase()) && (match[2] ?? '80') === String(port) ? host : undefined;
  };
  return { origin: `http://${urlHost(shown)}:${port}`, accepted };
}

const TEXT = 'text/plain; charset=utf-8';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The presenter's address carries the token: no page may pass it on to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(body);
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.setHeader('Cache-Control', 'no-store');
  // Only the room's own pages may frame these (the presenter's view shows the slides in frames).
  res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
  send(res, status, 'text/html; charset=utf-8', html);
}

/** Streams `file` if it really is a regular file inside `root` (links followed); else 404. */
async function sendFile(res: ServerResponse, file: string, root: string): Promise<void> {
  const real = await realpath(file).catch(() => undefined);
  const handle = real && isInside(real, root) ? await openRegularFile(real) : undefined;
  if (!handle) return send(res, 404, TEXT, 'not found\n');
  res.setHeader('Content-Type', contentType(file));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  handle.createReadStream().pipe(res);
}

interface PagesOptions {
  deck: RenderedDeck;
  /** The built deck's folder: everything else the server serves comes from there. */
  deckDir: string;
  runtime: RuntimeBundle;
  urls: RoomAddresses;
  joinCode: string;
  hasToken(given: string | null): boolean;
  acceptedHost(req: IncomingMessage): string | undefined;
}

/** Answers the room's HTTP requests: its three pages, the join code, the room's script and the deck's files. */
function roomPages({ deck, deckDir, runtime, urls, joinCode, hasToken, acceptedHost }: PagesOptions) {
  const config = (role: RoomRole): RoomPageConfig => ({ role, audienceUrl: urls.audience });
  const audiencePage = (host: string) =>
    renderPage(deck, {
      styles: [
        ...pageStyles(deck, { style: runtime.style, bundleUrl: '' }).map((path) => `/${path}`),
        ROOM_PATHS.style,
      ],
      script: { src: `/${runtime.script}`, module: false },
      extraScripts: [ROOM_PATHS.script],
      data: [{ id: ROOM_CONFIG_ID, value: config('audience') }],
      contentSecurityPolicy: roomPolicy(runtime.scriptHashes, host),
    });
  const controllerPage = (role: RoomRole, host: string) =>
    roomShellPage({
      title: deck.meta.title,
      lang: deck.meta.lang,
      config: config(role),
      script: ROOM_PATHS.script,
      style: ROOM_PATHS.style,
      contentSecurityPolicy: roomPolicy([], host),
    });

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = acceptedHost(req);
    if (!host) return send(res, 421, TEXT, 'unknown host\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'GET only\n');
    const url = new URL(req.url ?? '/', 'http://room');
    const path = url.pathname;
    if (path === ROOM_PATHS.audience || path === '/index.html') return sendPage(res, 200, audiencePage(host));
    if (path === ROOM_PATHS.presenter || path === ROOM_PATHS.remote) {
      if (!hasToken(url.searchParams.get(ROOM_TOKEN_PARAM)))
        return sendPage(res, 403, roomShellPage({ title: deck.meta.title, message: ROOM_WORDS.forbidden }));
      return sendPage(res, 200, controllerPage(path === ROOM_PATHS.presenter ? 'presenter' : 'remote', host));
    }
    if (path === ROOM_PATHS.joinCode) return send(res, 200, 'image/svg+xml', joinCode);
    if (path === ROOM_PATHS.script) return sendFile(res, join(runtime.dir, runtime.room.script), runtime.dir);
    if (path === ROOM_PATHS.style) return sendFile(res, join(runtime.dir, runtime.room.style), runtime.dir);
    // Everything else is a file of the built deck: its runtime, theme, fonts and the files its
    // slides use. Its dot files (the build's summary) are not served.
    let file: string;
    try {
      file = resolve(deckDir, `.${decodeURIComponent(path)}`);
    } catch {
      return send(res, 400, TEXT, 'bad path\n');
    }
    if (file.includes('\0') || basename(file).startsWith('.') || !isInside(file, deckDir))
      return send(res, 404, TEXT, 'not found\n');
    return sendFile(res, file, deckDir);
  };
}

/**
 * Builds the deck without its notes and starts the room. Resolves with the server, or with the
 * deck's diagnostics when it has errors (nothing is served then).
 */
export async function startPresentServer(options: PresentOptions): Promise<PresentResult> {
  const listenOn = options.host ?? '127.0.0.1';
  const folder = await temporaryFolder('deck-present-');
  const server = createServer();
  try {
    const built = await buildDecks([options.file], {
      outDir: folder.path,
      project: options.project,
      render: { notes: false },
      ...(options.variant !== undefined ? { variant: options.variant } : {}),
    });
    const deck = built.decks[0];
    if (hasErrors(built.diagnostics) || !deck) {
      await folder.remove();
      return { ok: false, diagnostics: built.diagnostics };
    }
    const runtime = await runtimeBundle();
    const token = randomBytes(24).toString('base64url');
    const tokenDigest = digest(token);
    const hasToken = (given: string | null) => given !== null && timingSafeEqual(digest(given), tokenDigest);

    const port = await listen(server, options.port ?? DEFAULT_PRESENT_PORT, listenOn);
    const hosts = roomHosts(listenOn, port);
    const urls: RoomAddresses = {
      audience: `${hosts.origin}${ROOM_PATHS.audience}`,
      presenter: `${hosts.origin}${ROOM_PATHS.presenter}?${ROOM_TOKEN_PARAM}=${token}`,
      remote: `${hosts.origin}${ROOM_PATHS.remote}?${ROOM_TOKEN_PARAM}=${token}`,
    };
    const answer = roomPages({
      deck: { ...deck.rendered, revealConfig: roomRevealConfig(deck.rendered.revealConfig) },
      deckDir: await realpath(join(folder.path, deck.name)),
      runtime,
      urls,
      joinCode: await QRCode.toString(urls.audience, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }),
      hasToken,
      acceptedHost: hosts.accepted,
    });
    server.on('request', (req, res) => {
      answer(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, TEXT, 'error\n');
        else res.destroy();
      });
    });
    const room = new Room(
      outlineOf(deck.rendered.slides, { fragments: deck.rendered.revealConfig.fragments !== false }),
    );
    const hub = attachHub(server, { room, hasToken, acceptedHost: hosts.accepted });

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
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
        terminalCode: await QRCode.toString(urls.audience, { type: 'terminal', small: true }),
        stats: hub.stats,
        close,
      },
    };
  } catch (error) {
    server.close();
    await folder.remove();
    throw error;
  }
}
