/** Time is handed to the domain, never read by it, so tests and replays are deterministic. */
export interface Clock {
  now(): Date;
}
