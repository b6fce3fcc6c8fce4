// The one table of exit codes. Nothing below the CLI exits or knows these numbers.

import type { ErrorCode } from '../errors.js';

export const EXIT_CODES: Record<ErrorCode | 'OK' | 'INTERNAL' | 'SIGINT' | 'SIGTERM', number> = {
  OK: 0,
  /** The deck has errors, or the browser or the page failed, or the disk said no. */
  DECK: 1,
  BROWSER: 1,
  PAGE: 1,
  DISK: 1,
  USAGE: 2,
  /** A bug: the message says so and asks for a report. */
  INTERNAL: 3,
  /** 128 + the signal's number, as shells report a process stopped by it. */
  SIGINT: 130,
  SIGTERM: 143,
};
