// The protocol over a pair of pipes, against a pretend browser: messages cut anywhere, replies
// and events routed by session, and every way it fails as a DeckError, without throwing.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Connection } from '../../src/browser/connection.js';
import { DeckError } from '../../src/errors.js';

const PRINTING = { code: 'PAGE', what: 'printing to PDF', timeout: 1000 } as const;

/** A connection to a pretend browser: what we send arrives in `sent`, and `reply` plays the browser. */
function pretendBrowser() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: { id: number; method: string; sessionId?: string }[] = [];
  toBrowser.on('data', (chunk: Buffer) => {
    for (const raw of chunk.toString('utf8').split('\0').filter(Boolean)) sent.push(JSON.parse(raw));
  });
  const connection = new Connection(toBrowser, fromBrowser);
  const reply = (...chunks: (string | Buffer)[]) => {
    for (const chunk of chunks) fromBrowser.write(chunk);
  };
  return { connection, sent, reply, fromBrowser };
}

const message = (value: unknown) => `${JSON.stringify(value)}\0`;

describe('the DevTools connection', () => {
  it('matches replies to commands, whatever the chunks the messages come in', async () => {
    const { connection, sent, reply } = pretendBrowser();
    const first = connection.send('Page.printToPDF', {}, 'S1', PRINTING);
    const second = connection.send('Runtime.evaluate', {}, 'S1', PRINTING);
    await new Promise((done) => setImmediate(done));
    expect(sent.map((m) => [m.id, m.method, m.sessionId])).toEqual([
      [1, 'Page.printToPDF', 'S1'],
      [2, 'Runtime.evaluate', 'S1'],
    ]);
    // A character of several bytes cut in two, and two messages in one chunk.
    const both = Buffer.from(message({ id: 2, result: { value: 'é' } }) + message({ id: 1, result: { data: 'PDF' } }));
    const cut = both.indexOf(Buffer.from('é')) + 1;
    reply(both.subarray(0, cut), both.subarray(cut));
    expect(await first).toEqual({ data: 'PDF' });
    expect(await second).toEqual({ value: 'é' });
  });

  it('hands events to the listeners of their session, and a listener that throws stops nothing', async () => {
    const { connection, reply } = pretendBrowser();
    const seen: string[] = [];
    connection.on('S1', () => {
      throw new Error('a careless listener');
    });
    connection.on('S1', (method) => seen.push(`S1 ${method}`));
    const stop = connection.on('', (method) => seen.push(`browser ${method}`));
    reply(
      message({ method: 'Page.loadEventFired', params: {}, sessionId: 'S1' }),
      message({ method: 'Target.targetCreated', params: {} }),
      message({ method: 'Page.loadEventFired', params: {}, sessionId: 'S2' }),
    );
    await new Promise((done) => setImmediate(done));
    stop();
    reply(message({ method: 'Target.targetDestroyed', params: {} }));
    await new Promise((done) => setImmediate(done));
    expect(seen).toEqual(['S1 Page.loadEventFired', 'browser Target.targetCreated']);
  });

  it("says what failed, in the browser's words, when it refuses a command", async () => {
    const { connection, reply } = pretendBrowser();
    const printing = connection.send('Page.printToPDF', {}, 'S1', PRINTING);
    reply(message({ id: 1, error: { message: 'Printing failed' } }));
    await expect(printing).rejects.toThrow(new DeckError('PAGE', 'printing to PDF failed: Printing failed'));
  });

  it('gives up on a command that is not answered in time', async () => {
    const { connection } = pretendBrowser();
    await expect(connection.send('Page.printToPDF', {}, 'S1', { ...PRINTING, timeout: 100 })).rejects.toThrow(
      new DeckError('PAGE', 'printing to PDF took longer than 0.1 s'),
    );
    const late = () => 'the deck did not print in time';
    await expect(connection.send('Page.printToPDF', {}, 'S1', { ...PRINTING, timeout: 100, late })).rejects.toThrow(
      new DeckError('PAGE', 'the deck did not print in time'),
    );
  });

  it('fails what is pending and everything asked later when the browser sends garbage', async () => {
    const { connection, reply } = pretendBrowser();
    const pending = connection.send('Page.printToPDF', {}, 'S1', PRINTING);
    reply('{"id": 1, "result": \0');
    const garbled = new DeckError('BROWSER', 'the browser sent a message that is not JSON');
    await expect(pending).rejects.toThrow(garbled);
    await expect(connection.send('Page.enable', {}, 'S1', PRINTING)).rejects.toThrow(garbled);
  });

  it("fails one session's commands when its page goes, and leaves the others waiting", async () => {
    const { connection, reply } = pretendBrowser();
    const gone = connection.send('Page.printToPDF', {}, 'S1', PRINTING);
    const other = connection.send('Page.printToPDF', {}, 'S2', PRINTING);
    connection.failSession('S1', new DeckError('PAGE', 'the page was closed'));
    await expect(gone).rejects.toThrow(new DeckError('PAGE', 'the page was closed'));
    reply(message({ id: 2, result: { data: 'PDF' } }));
    expect(await other).toEqual({ data: 'PDF' });
  });
});
