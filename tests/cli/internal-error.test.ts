// An internal error (a bug, not the author's mistake) says so in one line and asks for a report;
// the stack trace appears only with --debug.

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/commands/build.js', async (original) => ({
  ...(await original<typeof import('../../src/commands/build.js')>()),
  buildDecks: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'slides')");
  },
}));

const { main } = await import('../../src/cli/main.js');

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  return main(['node', 'deck', ...args]).then((code) => {
    spy.mockRestore();
    return { code, stderr: written.join('') };
  });
}

afterEach(() => {
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
});

describe('an internal error', () => {
  it('is one line asking for a bug report, with no stack trace', async () => {
    const { code, stderr } = await run(['build', 'slides/leadership-vs-management.md']);
    expect(code).toBe(3);
    expect(stderr).toBe(
      "deck: internal error: Cannot read properties of undefined (reading 'slides'). This is a bug: please report it (run with --debug for details).\n",
    );
  });

  it('shows the stack with --debug', async () => {
    const { stderr } = await run(['build', 'slides/leadership-vs-management.md', '--debug']);
    expect(stderr.split('\n')[0]).toBe(
      "deck: internal error: Cannot read properties of undefined (reading 'slides'). This is a bug: please report it.",
    );
    expect(stderr).toMatch(/TypeError: Cannot read properties[\s\S]*\n\s+at /);
  });
});
