// One error class for everything that stops a command. Each code maps to an exit code at the
// top of the CLI and nowhere else.

export type ErrorCode =
  /** The deck has errors; they were reported as diagnostics. */
  | 'DECK'
  /** The command line is wrong. */
  | 'USAGE'
  /** No usable browser for a command that needs one. */
  | 'BROWSER'
  /** Reading or writing files failed for a reason outside the deck. */
  | 'IO';

export class DeckError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeckError';
  }
}

export const EXIT_CODES: Record<ErrorCode, number> = { DECK: 1, USAGE: 2, BROWSER: 1, IO: 1 };
