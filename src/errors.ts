// One error class for everything that stops a command, classified where the cause is known.
// Only the CLI turns a code into an exit code (src/cli/exit-codes.ts).

export type ErrorCode =
  /** The deck has errors; they were reported as diagnostics. */
  | 'DECK'
  /** The command line is wrong. */
  | 'USAGE'
  /** No usable browser, or the browser failed, for a command that needs one. */
  | 'BROWSER'
  /** The deck's page failed in the browser: an exception, or it did not get ready in time. */
  | 'PAGE'
  /** Reading or writing files failed for a reason outside the deck (permissions, space). */
  | 'DISK';

export class DeckError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeckError';
  }
}
