import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserCommand, CHROMIUM_ARGS, findBrowser } from '../../src/browser/find.js';
import { DeckError } from '../../src/errors.js';

describe('finding a browser', () => {
  it('uses CHROME_PATH when it points at a file', () => {
    expect(findBrowser({ CHROME_PATH: process.execPath }, 'linux')).toBe(process.execPath);
  });

  it('says so in one line when CHROME_PATH is wrong', () => {
    expect(() => findBrowser({ CHROME_PATH: '/no/such/chrome' }, 'linux')).toThrow(
      new DeckError('BROWSER', 'CHROME_PATH points to /no/such/chrome, which does not exist'),
    );
  });

  it('says how to install one when none is found, and never downloads one', () => {
    let error: unknown;
    try {
      findBrowser({}, 'sunos');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).code).toBe('BROWSER');
    expect((error as DeckError).message).toBe(
      'no Chrome or Chromium found: set CHROME_PATH to a Chrome or Chromium executable',
    );
  });

  it('finds the system Chromium on Linux', () => {
    expect(findBrowser({}, 'linux')).toMatch(/chrom/);
  });
});

describe('starting the browser', () => {
  it('runs the browser CHROME_PATH names as it is, with the quiet flags', () => {
    const { executable, args } = browserCommand({ CHROME_PATH: process.execPath }, 'linux');
    expect(executable).toBe(process.execPath);
    expect(args.slice(0, CHROMIUM_ARGS.length)).toEqual(CHROMIUM_ARGS);
    // Only what /dev/shm's size calls for comes on top.
    expect(args.slice(CHROMIUM_ARGS.length).every((flag) => flag === '--disable-dev-shm-usage')).toBe(true);
  });

  it.runIf(existsSync('/usr/lib/chromium/chromium') && existsSync('/usr/bin/chromium'))(
    "skips Debian's launcher script and starts the binary it would run",
    () => {
      const { executable, args } = browserCommand({ CHROME_PATH: '/usr/bin/chromium' }, 'linux');
      expect(executable).toBe('/usr/lib/chromium/chromium');
      expect(args.slice(0, CHROMIUM_ARGS.length)).toEqual(CHROMIUM_ARGS);
    },
  );

  it.runIf(existsSync('/usr/lib/chromium/chromium-headless-shell'))(
    'prefers the headless shell when it is installed and CHROME_PATH is not set',
    () => {
      const { executable, args } = browserCommand({}, 'linux');
      expect(executable).toBe('/usr/lib/chromium/chromium-headless-shell');
      expect(args).toContain('--font-render-hinting=none');
    },
  );

  it.runIf(existsSync('/usr/lib/chromium/chromium-headless-shell'))(
    'starts a headless shell that CHROME_PATH names without font hinting too',
    () => {
      const { args } = browserCommand({ CHROME_PATH: '/usr/lib/chromium/chromium-headless-shell' }, 'linux');
      expect(args).toContain('--font-render-hinting=none');
      expect(browserCommand({ CHROME_PATH: process.execPath }, 'linux').args).not.toContain(
        '--font-render-hinting=none',
      );
    },
  );

  it('falls back to a browser where no headless shell is known', () => {
    expect(browserCommand({ CHROME_PATH: process.execPath }, 'sunos').executable).toBe(process.execPath);
  });
});
