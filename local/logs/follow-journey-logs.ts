import type { JourneyStatus } from '#domain/journeys/journey-state.js';
import { inTimeOrder, type JourneyLogLine } from '#local/log-lines/journey-log-line.js';

/** Where a journey's log lines are read from: the embedded runtime's data dir, or a stage's CloudWatch Logs. */
export interface JourneyLogSource {
  /** The lines logged since the last read (all of them the first time), and the journey as it stands now. */
  read(): Promise<{ lines: JourneyLogLine[]; journey: { status: JourneyStatus; delivered: boolean } | undefined }>;
  /** False when nothing can move the journey on any more (embedded: no process holds the data dir). */
  moving(): boolean;
}

export type FollowOutcome =
  | { kind: 'not_found' }
  | { kind: 'read'; status: JourneyStatus | undefined }
  | { kind: 'ended'; status: JourneyStatus }
  | { kind: 'stalled'; status: JourneyStatus };

export interface FollowOptions {
  follow: boolean;
  intervalMs: number;
  /** How long a delivered journey must stay quiet before following stops: what is still on its way is printed. */
  settleMs: number;
  /** Consecutive reads that find nothing moving a running journey before following gives up on it. */
  stallReads?: number;
  /** With `follow`, how long a journey not heard of yet is waited for (an upload's event takes seconds to reach a stage). */
  appearWithinMs?: number;
  print(lines: JourneyLogLine[]): void;
  sleep(ms: number): Promise<void>;
  now(): number;
}

const FINAL: ReadonlySet<JourneyStatus> = new Set(['completed', 'failed', 'rejected']);

/**
 * Prints the journey's lines; with `follow`, keeps reading until the journey has ended, been
 * delivered and gone quiet, or nothing is left to move it.
 */
export async function followJourneyLogs(source: JourneyLogSource, options: FollowOptions): Promise<FollowOutcome> {
  let first = await source.read();
  const unknown = () => !first.journey && first.lines.length === 0;
  const givingUpAt = options.now() + (options.follow ? (options.appearWithinMs ?? 0) : 0);
  while (unknown() && options.now() < givingUpAt) {
    await options.sleep(options.intervalMs);
    first = await source.read();
  }
  if (unknown()) return { kind: 'not_found' };
  options.print(inTimeOrder(first.lines));
  if (!options.follow) return { kind: 'read', status: first.journey?.status };
  let journey = first.journey;
  let lastLineAt = options.now();
  let stalled = 0;
  for (;;) {
    const ended = journey !== undefined && FINAL.has(journey.status);
    if (ended && journey!.delivered && options.now() - lastLineAt >= options.settleMs) return { kind: 'ended', status: journey!.status };
    if (!ended && !source.moving()) {
      stalled += 1;
      if (stalled >= (options.stallReads ?? 3) && journey) return { kind: 'stalled', status: journey.status };
    } else stalled = 0;
    // Ended but never delivered, and nothing left to deliver it: as ended as it will get.
    if (ended && !journey!.delivered && !source.moving() && options.now() - lastLineAt >= options.settleMs) return { kind: 'ended', status: journey!.status };
    await options.sleep(options.intervalMs);
    const next = await source.read();
    if (next.lines.length) {
      lastLineAt = options.now();
      options.print(inTimeOrder(next.lines));
    }
    journey = next.journey ?? journey;
  }
}
