// The live room's server, attacked: the audience's page and everything it loads hold no notes and
// no token; without the token nothing drives; a WebSocket from another origin, or a request for
// another host name, is refused; ten thousand malformed messages change nothing and the server
// stays up; the folder of the built deck is all it serves. Everything talks to 127.0.0.1 only.

import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type PresentServer, startPresentServer } from '../../src/commands/present.js';
import { ROOM_MAX_MESSAGE_BYTES, ROOM_PATHS, type RoomState, type ServerMessage } from '../../src/contract.js';
import { REPO } from '../helpers.js';

const FIXTURE = 'tests/fixtures/decks/room.md';
let server: PresentServer;
let origin: string;
let token: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  const result = await startPresentServer({ file: FIXTURE, project: REPO, port: 0 });
  if (!result.ok) throw new Error('the fixture deck has errors');
  server = result.server;
  origin = new URL(server.urls.audience).origin;
  token = new URL(server.urls.presenter).searchParams.get('token')!;
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await server?.close();
});

/** A page's WebSocket: resolves once open, with every message it receives so far and after. */
async function join(
  options: { token?: string; origin?: string | null } = {},
): Promise<{ ws: WebSocket; messages: ServerMessage[]; raw: string[] }> {
  const query = options.token === undefined ? '' : `?token=${encodeURIComponent(options.token)}`;
  const ws = new WebSocket(`${origin.replace('http', 'ws')}${ROOM_PATHS.socket}${query}`, {
    ...(options.origin === null ? {} : { origin: options.origin ?? origin }),
  });
  sockets.push(ws);
  const messages: ServerMessage[] = [];
  const raw: string[] = [];
  ws.on('message', (data) => {
    raw.push(String(data));
    messages.push(JSON.parse(String(data)) as ServerMessage);
  });
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
    ws.once('unexpected-response', (_req, res) => fail(new Error(`refused: ${res.statusCode}`)));
  });
  return { ws, messages, raw };
}

const lastState = (messages: ServerMessage[]): RoomState | undefined =>
  messages.findLast((m): m is Extract<ServerMessage, { type: 'state' }> => m.type === 'state')?.state;

/** Waits until `test` holds, checking every 10 ms, for at most `ms`. */
async function until(test: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((wake) => setTimeout(wake, 10));
  }
}

/** A raw GET, so that the path and the Host header go out exactly as written. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { port } = server;
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('what the audience gets', () => {
  it('a page, its files and its messages without notes or token', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    const loaded = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(loaded).toEqual(expect.arrayContaining(['/deck.js', '/deck.css', ROOM_PATHS.script, ROOM_PATHS.style]));
    const css = await get('/theme/default.css');
    const fonts = [...css.body.matchAll(/url\(["']?([^"')]+)/g)].map((match) => `/theme/${match[1]!}`);
    for (const path of ['/', ...loaded, ...fonts, ROOM_PATHS.joinCode]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(200);
      expect(body, path).not.toContain('NOTES-SECRET');
      expect(body, path).not.toContain(token);
    }
    const audience = await join();
    await until(() => audience.raw.length >= 2);
    for (const text of audience.raw) {
      expect(text).not.toContain('NOTES-SECRET');
      expect(text).not.toContain(token);
    }
    expect(audience.messages[0]).toEqual({ type: 'welcome', controller: false });
  });

  it('nothing of the build beyond the deck: no summary, no paths out of its folder', async () => {
    for (const path of [
      '/.deck.json',
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/%00',
      '/theme/%2e%2e%2f%2e%2e%2fpackage.json',
      '/not-there.png',
    ]) {
      expect((await get(path)).status, path).toBeGreaterThanOrEqual(400);
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});

describe('the token', () => {
  it('is random per run, and long', async () => {
    const again = await startPresentServer({ file: FIXTURE, project: REPO, port: 0 });
    if (!again.ok) throw new Error('the fixture deck has errors');
    const other = new URL(again.server.urls.presenter).searchParams.get('token');
    await again.server.close();
    expect(other).not.toBe(token);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('opens the presenter and the remote pages, which nothing else opens', async () => {
    expect((await get(`/present?token=${token}`)).status).toBe(200);
    expect((await get(`/remote?token=${token}`)).status).toBe(200);
    for (const path of [
      '/present',
      '/remote',
      '/present?token=',
      `/present?token=${token}x`,
      `/remote?token=${token.slice(1)}`,
    ]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(403);
      expect(body).not.toContain('NOTES-SECRET');
    }
  });

  it('is the only way to drive: without it, or with a wrong one, commands move nobody', async () => {
    const watcher = await join();
    await until(() => lastState(watcher.messages) !== undefined);
    const before = server.stats().refused;
    for (const given of [undefined, '', 'guess', `${token}x`, token.toUpperCase()]) {
      const page = await join(given === undefined ? {} : { token: given });
      await until(() => page.messages.length >= 2);
      expect(page.messages[0]).toEqual({ type: 'welcome', controller: false });
      page.ws.send(JSON.stringify({ type: 'next' }));
      page.ws.send(JSON.stringify({ type: 'go', h: 4, v: 0, f: -1 }));
      page.ws.send(JSON.stringify({ type: 'black', on: true }));
    }
    await until(() => server.stats().refused === before + 15);
    expect(watcher.messages.filter((m) => m.type === 'state')).toHaveLength(1);
    // The token's holder does drive, and the outline with the notes goes to it alone.
    const presenter = await join({ token });
    await until(() => presenter.messages.length >= 2);
    expect(presenter.messages[0]).toMatchObject({ type: 'welcome', controller: true });
    expect(JSON.stringify(presenter.messages[0])).toContain('NOTES-SECRET-welcome');
    presenter.ws.send(JSON.stringify({ type: 'next' }));
    await until(() => lastState(watcher.messages)?.h === 1);
    presenter.ws.send(JSON.stringify({ type: 'first' }));
    await until(() => lastState(watcher.messages)?.h === 0);
  });
});

describe('origins and hosts', () => {
  it('refuses a WebSocket from another origin, or with none', async () => {
    await expect(join({ origin: 'http://evil.example' })).rejects.toThrow('refused: 403');
    await expect(join({ origin: `${origin}.evil.example` })).rejects.toThrow('refused: 403');
    await expect(join({ origin: 'null' })).rejects.toThrow('refused: 403');
    await expect(join({ origin: null })).rejects.toThrow('refused: 403');
    await expect(join({ token, origin: 'http://evil.example' })).rejects.toThrow('refused: 403');
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const port = server.port;
    expect((await get('/', { Host: `evil.example:${port}` })).status).toBe(421);
    expect((await get(`/present?token=${token}`, { Host: `evil.example:${port}` })).status).toBe(421);
    expect((await get('/', { Host: `localhost:${port}` })).status).toBe(200);
    expect((await get('/', { Host: `127.0.0.1:${port + 1}` })).status).toBe(421);
  });
});

describe('--host 0.0.0.0', () => {
  it('prints the machine’s address on its network, and answers to it', async () => {
    const open = await startPresentServer({ file: FIXTURE, project: REPO, host: '0.0.0.0', port: 0 });
    if (!open.ok) throw new Error('the fixture deck has errors');
    try {
      const lan = Object.values(networkInterfaces())
        .flat()
        .filter((address) => address?.family === 'IPv4' && !address.internal)
        .map((address) => address!.address);
      const host = new URL(open.server.urls.audience).hostname;
      expect(lan.length > 0 ? lan : ['127.0.0.1']).toContain(host);
      // Reached over loopback, but named by that address, as a phone in the room names it.
      const answer = await new Promise<number>((done, fail) => {
        request(
          { host: '127.0.0.1', port: open.server.port, path: '/', headers: { Host: `${host}:${open.server.port}` } },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        )
          .on('error', fail)
          .end();
      });
      expect(answer).toBe(200);
    } finally {
      await open.server.close();
    }
  });
});

describe('malformed messages', () => {
  it('10,000 of them change nothing, are counted, and the server stays up', async () => {
    const presenter = await join({ token });
    const audience = await join();
    await until(() => presenter.messages.length >= 2 && audience.messages.length >= 2);
    const before = server.stats().malformed;
    const stateBefore = JSON.stringify(lastState(audience.messages));
    const samples = [
      'next',
      '{',
      'null',
      '[]',
      '{"type":"jump"}',
      '{"type":"go","h":-1,"v":0,"f":-1}',
      '{"type":"go","h":"1","v":0,"f":0}',
      '{"type":"__proto__","on":true}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"type":"black","on":"yes"}',
      '\u0000\uffff',
    ];
    for (let i = 0; i < 10_000; i++) {
      const from = i % 2 === 0 ? presenter : audience;
      if (i % 500 === 0) from.ws.send(Buffer.from([0xff, 0x00, i % 256]), { binary: true });
      else from.ws.send(samples[i % samples.length]!);
    }
    await until(() => server.stats().malformed === before + 10_000, 20_000);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(lastState(audience.messages))).toBe(stateBefore);
    // Still up, and still the presenter's: a good command moves the room.
    expect((await get('/')).status).toBe(200);
    presenter.ws.send(JSON.stringify({ type: 'next' }));
    await until(() => lastState(audience.messages)?.h === 1);
    presenter.ws.send(JSON.stringify({ type: 'first' }));
  });

  it('closes a connection that sends a message over the size limit, and nothing else', async () => {
    const audience = await join();
    const other = await join();
    const closed = new Promise<number>((done) => audience.ws.once('close', (code) => done(code)));
    audience.ws.send('x'.repeat(ROOM_MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    expect(other.ws.readyState).toBe(WebSocket.OPEN);
    expect((await get('/')).status).toBe(200);
  });
});
