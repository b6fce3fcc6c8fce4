// Work that must be undone if the user presses Ctrl+C (or the process is told to stop) halfway:
// outputs register a synchronous clean-up, and the CLI runs them before it exits.

const cleanups = new Set<() => void>();

/** Registers `cleanup` until the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered clean-up, newest first; returns how many there were. */
export function runInterruptCleanups(): number {
  const count = cleanups.size;
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Best effort: the others must still run.
    }
  }
  cleanups.clear();
  return count;
}
