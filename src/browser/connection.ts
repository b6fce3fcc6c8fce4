// The DevTools protocol over Chromium's pipes (`--remote-debugging-pipe`): JSON messages ended by
// a NUL byte; commands with replies, and events, for the browser and for each attached target
// (a session each). It needs no port, no HTTP discovery and no WebSocket.

import type { Readable, Writable } from 'node:stream';
import { DeckError } from '../errors.js';

export type Params = Record<string, unknown>;

/** How a command may fail, in words the user can act on. */
export interface CommandLimits {
  /** Who is to blame when it fails: the browser, or the page the session belongs to. */
  code: 'BROWSER' | 'PAGE';
  /** What the command is for: "printing to PDF". */
  what: string;
  timeout: number;
  /** The whole message when time runs out, if "<what> took longer than N s" does not say it well. */
  late?: () => string;
}

interface Message {
  id?: number;
  method?: string;
  params?: Params;
  result?: Params;
  error?: { message: string };
  sessionId?: string;
}

interface Pending {
  sessionId: string;
  resolve: (result: Params) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

export class Connection {
  private nextId = 0;
  /** The start of a message whose end has not come yet, in the chunks it came in. */
  private partial: string[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(method: string, params: Params) => void>>();
  /** Set once the browser is gone: everything asked of it after that fails at once. */
  private failure: Error | undefined;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.setEncoding('utf8');
    input.on('data', (text: string) => this.receive(text));
    // Writing to a browser that has gone fails with EPIPE. Whoever started the browser says why it
    // went (see browser.ts); here such errors must only never be thrown.
    input.on('error', () => undefined);
    output.on('error', () => undefined);
  }

  /** Sends a command to the browser ('' as the session) or to a target's session. */
  send(method: string, params: Params, sessionId: string, limits: CommandLimits): Promise<Params> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new DeckError(limits.code, limits.late?.() ?? `${limits.what} took longer than ${seconds(limits.timeout)}`),
        );
      }, limits.timeout);
      this.pending.set(id, {
        sessionId,
        resolve,
        // A refusal from the browser, in its words, after what we were doing.
        reject: (error) =>
          reject(
            error instanceof DeckError ? error : new DeckError(limits.code, `${limits.what} failed: ${error.message}`),
          ),
        timer,
      });
      this.output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Calls `listener` with each event of the session until the returned function is called. */
  on(sessionId: string, listener: (method: string, params: Params) => void): () => void {
    const set = this.listeners.get(sessionId) ?? new Set();
    this.listeners.set(sessionId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(sessionId);
    };
  }

  /** Fails the commands of one session still waiting for a reply (its target is gone). */
  failSession(sessionId: string, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.sessionId !== sessionId) continue;
      this.pending.delete(id);
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }

  /** Fails every command still waiting for a reply, and any sent later (the first error wins). */
  failAll(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(this.failure);
    }
    this.pending.clear();
  }

  private receive(text: string): void {
    // Only the new text is searched for the end of a message: a PDF of tens of megabytes comes as
    // one message, in a thousand chunks.
    let start = 0;
    for (let end = text.indexOf('\0'); end >= 0; end = text.indexOf('\0', start)) {
      const raw = this.partial.join('') + text.slice(start, end);
      this.partial = [];
      start = end + 1;
      let message: Message;
      try {
        message = JSON.parse(raw) as Message;
      } catch {
        // A stream handler must never throw: a garbled message ends the session, not the process.
        this.failAll(new DeckError('BROWSER', 'the browser sent a message that is not JSON'));
        return;
      }
      this.dispatch(message);
    }
    if (start < text.length) this.partial.push(text.slice(start));
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result ?? {});
      return;
    }
    if (!message.method) return;
    for (const listener of this.listeners.get(message.sessionId ?? '') ?? []) {
      try {
        listener(message.method, message.params ?? {});
      } catch {
        // One listener's mistake must stop neither the others nor the stream.
      }
    }
  }
}
