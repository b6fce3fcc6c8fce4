// The live room under load: `deck present` as a user starts it, with 300 audience connections
// over loopback and one presenter. Measures, for each presenter move, the time until the last
// audience connection has received it, and the server's memory per connection (its RSS, read from
// /proc, before and after the audience connects). Bounded: a fixed number of connections and
// moves, each step with a time limit.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { freePort, sleep } from './processes.mjs';
import { median, percentile } from './stats.mjs';

const START_LIMIT_MS = 60_000;
const CONNECT_LIMIT_MS = 30_000;
const MOVE_LIMIT_MS = 5_000;
const WARM_UP_MOVES = 10;
/** The server settles (its RSS stops growing from the connections' buffers) before it is read. */
const SETTLE_MS = 1000;

/** The resident memory of a process, from /proc (Linux). */
function residentBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb * 1024;
}

/** Starts `deck present` and resolves with its child process and the three addresses it prints. */
function startRoom({ root, env, deckFile, port }) {
  const child = spawn(process.execPath, ['bin/deck.js', 'present', deckFile, '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const urls = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`deck present did not start in 60 s:\n${output}`)), START_LIMIT_MS);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const lines = output.split('\n');
      if (lines.length > 3) {
        clearTimeout(timer);
        resolve({ audience: lines[0].split(/\s+/)[1], presenter: lines[1].split(/\s+/)[1] });
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`deck present exited with ${code}:\n${output}`)));
  });
  return { child, urls };
}

function open(url, origin) {
  const ws = new WebSocket(url, { origin, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves when `test` holds, checking every millisecond; rejects after `ms`. */
async function until(test, ms, what) {
  const deadline = performance.now() + ms;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

export async function measureRoom({ root, env, deckFile, connections = 300, moves = 100, progress }) {
  const port = await freePort();
  const { child, urls } = startRoom({ root, env, deckFile, port });
  const sockets = [];
  try {
    const { audience, presenter } = await urls;
    const origin = new URL(audience).origin;
    const socketUrl = (token) => `ws://127.0.0.1:${port}/room${token ? `?token=${token}` : ''}`;
    const token = new URL(presenter).searchParams.get('token');
    const driver = await open(socketUrl(token), origin);
    sockets.push(driver);
    await sleep(SETTLE_MS);
    const before = residentBytes(child.pid);

    // Each audience connection notes when it received the latest state.
    let move = 0;
    const received = new Array(connections).fill(-1);
    const arrivedAt = new Array(connections).fill(0);
    const started = performance.now();
    for (let i = 0; i < connections; i++) {
      const ws = await open(socketUrl(), origin);
      ws.on('message', (data) => {
        if (String(data).startsWith('{"type":"state"')) {
          received[i] = move;
          arrivedAt[i] = performance.now();
        }
      });
      sockets.push(ws);
      if (performance.now() - started > CONNECT_LIMIT_MS) throw new Error(`only ${i + 1} connections in 30 s`);
    }
    await sleep(SETTLE_MS);
    const after = residentBytes(child.pid);
    progress(`room: ${connections} connections open; server RSS ${before} → ${after} bytes`);

    const latencies = [];
    for (let i = 0; i < WARM_UP_MOVES + moves; i++) {
      move = i + 1;
      const sent = performance.now();
      // Back and forth between the first two slides: every move changes the room.
      driver.send(JSON.stringify({ type: i % 2 === 0 ? 'right' : 'left' }));
      await until(() => received.every((value) => value === move), MOVE_LIMIT_MS, `move ${move} to reach everyone`);
      if (i >= WARM_UP_MOVES) latencies.push(Math.max(...arrivedAt) - sent);
    }
    const result = {
      connections,
      moves,
      medianMs: median(latencies),
      p99Ms: percentile(latencies, 0.99),
      maxMs: Math.max(...latencies),
      bytesPerConnection: (after - before) / connections,
      serverBefore: before,
      serverAfter: after,
    };
    progress(`room: median ${result.medianMs.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`);
    return result;
  } finally {
    for (const ws of sockets) ws.terminate();
    child.kill('SIGINT');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve();
      else child.once('exit', resolve);
    });
  }
}
