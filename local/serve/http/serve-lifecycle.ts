/** What the routes share with the shutdown sequence. */
export interface ServeLifecycle {
  draining: boolean;
  /** Uploads between their first byte and their answer: shutdown waits for these. */
  readonly uploadsInFlight: Set<Promise<unknown>>;
  /** Aborted when shutdown stops waiting: `?wait=true` uploads answer with what they have. */
  readonly stopWaiting: AbortController;
}
