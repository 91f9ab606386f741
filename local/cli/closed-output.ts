/** The exit code of a process that SIGPIPE stopped (128 + 13), as a shell reports `yes | head -1`'s. */
export const CLOSED_OUTPUT_EXIT_CODE = 141;

/** Errors of a write to a pipe or socket whose reader has gone (`| head`, a closed terminal). */
export function isClosedOutput(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET';
}

let whenClosed: (() => void) | undefined;

/**
 * A command that must wind down rather than stop mid-way when its output goes (`serve` drains
 * what is in flight) says how; every other command stops at once.
 */
export function onOutputClosed(handler: () => void): () => void {
  whenClosed = handler;
  return () => {
    if (whenClosed === handler) whenClosed = undefined;
  };
}

/**
 * Node ignores SIGPIPE, so a write to a closed pipe fails with EPIPE, and an 'error' event nobody
 * listens to ends the process with a stack trace (`symphainy rules | head -3`). With this, a
 * closed stdout ends the command quietly with exit code 141, as SIGPIPE would have, and a closed
 * stderr is no reason to stop (there is no one left to tell). Other stream errors stay fatal.
 */
export function stopQuietlyWhenOutputCloses(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): void {
  let closed = false;
  stdout.on('error', (error) => {
    if (!isClosedOutput(error)) throw error;
    if (closed) return;
    closed = true;
    if (whenClosed) return whenClosed();
    process.exit(CLOSED_OUTPUT_EXIT_CODE);
  });
  stderr.on('error', (error) => {
    if (!isClosedOutput(error)) throw error;
  });
}
