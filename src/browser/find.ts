// Finds the system's Chrome or Chromium and the flags to start it with (driver.ts starts it). A
// browser is never downloaded: when none is found, the error says how to install one.

import { closeSync, existsSync, openSync, readSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { DeckError } from '../errors.js';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google/Chrome/Application/chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Google/Chrome/Application/chrome.exe'),
    join(process.env.LOCALAPPDATA ?? '', 'Google/Chrome/Application/chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft/Edge/Application/msedge.exe'),
  ],
};

const INSTALL_HINT: Record<string, string> = {
  linux: 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH',
  darwin: 'install Google Chrome or set CHROME_PATH',
  win32: 'install Google Chrome or Microsoft Edge, or set CHROME_PATH',
};

/** Quiet, offline-friendly flags: no background network, no first-run UI, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** What to do when the chosen browser will not start. */
export const CHOOSE_ANOTHER_BROWSER = 'set CHROME_PATH to use another Chrome or Chromium';

export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new DeckError('BROWSER', `CHROME_PATH points to ${fromEnv}, which does not exist`);
  }
  const found = (CANDIDATES[platform] ?? []).find((path) => existsSync(path));
  if (found) return found;
  throw new DeckError(
    'BROWSER',
    `no Chrome or Chromium found: ${INSTALL_HINT[platform] ?? 'set CHROME_PATH to a Chrome or Chromium executable'}`,
  );
}

/**
 * Chromium's headless shell: the same engine and printing without the browser around it (no
 * profile databases, no browser services), so it is ready in about a third of the time. Puppeteer
 * prints with it too. Used for PDF export and checks when installed (Debian: the
 * chromium-headless-shell package; Fedora: chromium-headless) and CHROME_PATH does not name a
 * browser.
 */
const HEADLESS_SHELLS: Record<string, string[]> = {
  linux: ['/usr/lib/chromium/chromium-headless-shell', '/usr/lib64/chromium-browser/headless_shell'],
};

/** Debian's launcher script and the binary it runs. */
const DEBIAN_LAUNCHER = { script: '/usr/bin/chromium', binary: '/usr/lib/chromium/chromium' };
/** Below this much free shared memory (3.8 GiB) Debian's launcher moves Chromium's to /tmp. */
const SMALL_SHM_BYTES = 4080218931;

/** True on Linux when /dev/shm is small, as in containers (64 MB by default in Docker). */
function smallSharedMemory(platform: string): boolean {
  if (platform !== 'linux') return false;
  try {
    const shm = statfsSync('/dev/shm');
    return shm.bavail * shm.bsize < SMALL_SHM_BYTES;
  } catch {
    return false;
  }
}

function isScript(path: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
  } finally {
    closeSync(fd);
  }
}

export interface BrowserCommand {
  executable: string;
  args: string[];
}

/**
 * The browser to start for printing and checking, and its flags: CHROME_PATH when set, else a
 * headless shell when installed, else the browser `findBrowser` finds. Debian's /usr/bin/chromium
 * is a shell script that reads /etc/chromium.d and probes the machine before it runs the real
 * binary, about 50 ms of every start: the binary is started directly. Of what the script adds,
 * one flag matters here, and every browser gets it: shared memory in /tmp when /dev/shm is small.
 */
export function browserCommand(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): BrowserCommand {
  const args = [...CHROMIUM_ARGS];
  if (smallSharedMemory(platform)) args.push('--disable-dev-shm-usage');
  const shell = env.CHROME_PATH ? undefined : (HEADLESS_SHELLS[platform] ?? []).find((path) => existsSync(path));
  const executable = shell ?? findBrowser(env, platform);
  // Without hinting the shell places glyphs exactly as the browser does: same line breaks, same
  // pages (measured: every page of the flagship deck renders to the same pixels).
  if (/headless[-_]shell(?:\.exe)?$/i.test(executable)) args.push('--font-render-hinting=none');
  return { executable: launcherTarget(executable), args };
}

/** The binary behind Debian's launcher script; any other executable as it is. */
function launcherTarget(executable: string): string {
  try {
    return executable === DEBIAN_LAUNCHER.script && existsSync(DEBIAN_LAUNCHER.binary) && isScript(executable)
      ? DEBIAN_LAUNCHER.binary
      : executable;
  } catch {
    return executable;
  }
}
