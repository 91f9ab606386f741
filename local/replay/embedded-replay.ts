import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyDelivered } from '#events/journey-delivered.js';
import { JourneyFailed } from '#events/journey-failed.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import type { PlannedEvent } from './replay-plan.js';

export interface ReplayedJourney {
  journeyId: string;
  /** For a journey an as-new replay started: the journey it runs again. */
  replayOf: string | null;
  /** For a follow-on journey: the journey that asked for it. */
  parentJourneyId: string | null;
  useCase: string;
  journey: string;
  status: string;
  error: { code: string; message: string } | null;
  /** Events the journey produced in reaction to the replay (replayed copies not counted). */
  newEvents: number;
}

/**
 * Watches what a replay sets in motion on the embedded runtime: which journeys produced events,
 * and which have been delivered since. Start it before the first event is replayed.
 */
export class ReplayObserver {
  private readonly seen = new Map<
    string,
    {
      newEvents: number;
      replayOf: string | null;
      delivered: boolean;
      outcome: string | null;
      error: { code: string; message: string } | null;
      useCase: string;
      journey: string;
    }
  >();
  private readonly stop: () => void;

  constructor(private readonly runtime: EmbeddedRuntime) {
    this.stop = runtime.onEvent((event) => this.note(event));
  }

  private note(event: EventBridgeEnvelope): void {
    const journeyId = (event.detail as { journeyId?: unknown } | null)?.journeyId;
    if (typeof journeyId !== 'string') return;
    const named = event.detail as { useCase?: unknown; journey?: unknown };
    const entry = this.seen.get(journeyId) ?? {
      newEvents: 0,
      replayOf: null,
      delivered: false,
      outcome: null,
      error: null,
      useCase: String(named.useCase ?? 'unknown'),
      journey: String(named.journey ?? 'unknown'),
    };
    if (!event['replay-name']) entry.newEvents++;
    if (JourneyStarted.describes(event)) entry.replayOf = JourneyStarted.parseDetail(event).replayOf ?? entry.replayOf;
    if (JourneyFailed.describes(event) && !event['replay-name']) {
      const { code, message } = JourneyFailed.parseDetail(event).error;
      entry.error = { code, message };
    }
    if (JourneyDelivered.describes(event) && !event['replay-name']) {
      entry.delivered = true;
      entry.outcome = JourneyDelivered.parseDetail(event).outcome;
    }
    this.seen.set(journeyId, entry);
  }

  /** Journeys the replay set running and how many of them have been delivered so far. */
  progress(): { running: number; delivered: number } {
    const active = [...this.seen.values()].filter((e) => e.newEvents > 0);
    const delivered = active.filter((e) => e.delivered).length;
    return { running: active.length - delivered, delivered };
  }

  finish(): ReplayedJourney[] {
    this.stop();
    return [...this.seen.entries()].map(([journeyId, entry]) => {
      const view = this.runtime.journey(journeyId);
      // A journey replayed from the middle (a fixture without its Journey Started) has no view.
      if (!view)
        return {
          journeyId,
          replayOf: entry.replayOf,
          parentJourneyId: null,
          useCase: entry.useCase,
          journey: entry.journey,
          status: entry.outcome ?? 'unknown',
          error: entry.error,
          newEvents: entry.newEvents,
        };
      return {
        journeyId,
        replayOf: entry.replayOf,
        parentJourneyId: view.parentJourneyId,
        useCase: view.useCase,
        journey: view.journey,
        status: view.status,
        error: view.error ? { code: view.error.code, message: view.error.message } : null,
        newEvents: entry.newEvents,
      };
    });
  }
}

/**
 * Puts the planned events back on the runtime's buses, in order, at most `pace` a second.
 * Returns how many were put; what they set in motion runs on in the runtime's queues.
 */
export async function putPlannedEvents(
  runtime: EmbeddedRuntime,
  plan: readonly PlannedEvent[],
  options: { replayName: string; pace?: number; onEvent?: (done: number, total: number) => void },
): Promise<number> {
  const chosen = plan.filter((p) => p.action === 'replay');
  const gapMs = options.pace ? 1000 / options.pace : 0;
  let done = 0;
  for (const { sourced } of chosen) {
    if (done > 0 && gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    runtime.replay(sourced.bus, [sourced.event], { replayName: options.replayName });
    done++;
    options.onEvent?.(done, chosen.length);
  }
  return done;
}
