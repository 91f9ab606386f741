/**
 * Calls `gone` once this process's parent has exited. `npx symphainy serve` runs the server as a
 * grandchild of npm, and npm does not pass a SIGTERM on: when npm goes the server is reparented,
 * which is the one sign of it this process gets. Polled, since Node has no event for it; the timer
 * is unref'd so it never keeps the process alive.
 */
export function watchParent(gone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    gone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
