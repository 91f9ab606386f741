import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { isJourneyTrigger } from '#events/replay-name.js';
import type { BusRole } from '#domain/routing/routing-table.js';
import { journeyIdOf } from './journey-of-event.js';
import type { ExplainedRoute } from './route-explanation.js';
import type { SourcedEvent } from './sourced-event.js';

export type SkipCode = 'replayed-copy' | 'no-rule' | 'not-a-trigger' | 'trigger-repeated' | 'delivered';

export interface PlannedEvent {
  sourced: SourcedEvent;
  journeyId: string | undefined;
  action: 'replay' | 'skip';
  skip?: { code: SkipCode; reason: string };
  routes: ExplainedRoute[];
}

export interface PlanContext {
  asNew: boolean;
  /** Leave out events a journal holds as replayed copies: their originals are replayed instead. */
  skipReplayedCopies: boolean;
  explain(bus: BusRole, event: EventBridgeEnvelope): ExplainedRoute[];
  /** The outcome a journey was delivered with, or undefined while it has not been. */
  deliveredOutcome(journeyId: string): Promise<string | undefined>;
}

/**
 * Decides, per event, whether a replay re-drives it. By default work that already completed is
 * left alone: events of a delivered journey are skipped, so a replay only re-drives journeys that
 * never finished. With `asNew` only triggers are replayed (one per journey): each starts the
 * journey again under a fresh id, and everything after the trigger is produced anew.
 */
export async function planReplay(events: readonly SourcedEvent[], context: PlanContext): Promise<PlannedEvent[]> {
  const triggered = new Set<string>();
  const plan: PlannedEvent[] = [];
  for (const sourced of events) {
    const { event, bus } = sourced;
    const journeyId = journeyIdOf(event);
    const routes = context.explain(bus, event);
    const skip = (code: SkipCode, reason: string) => plan.push({ sourced, journeyId, action: 'skip', skip: { code, reason }, routes });
    if (context.skipReplayedCopies && event['replay-name']) {
      skip('replayed-copy', `a copy replayed by ${event['replay-name']}; its original is replayed instead`);
      continue;
    }
    if (routes.length === 0) {
      skip('no-rule', `reaches no rule on the ${bus} bus`);
      continue;
    }
    const trigger = isJourneyTrigger(event);
    if (context.asNew && !trigger) {
      skip('not-a-trigger', 'not a trigger: an as-new replay starts journeys from their trigger and everything after it happens anew');
      continue;
    }
    if (trigger && journeyId && triggered.has(journeyId)) {
      skip('trigger-repeated', `another trigger of ${journeyId} is replayed already`);
      continue;
    }
    if (!context.asNew && journeyId) {
      const outcome = await context.deliveredOutcome(journeyId);
      if (outcome) {
        skip('delivered', `${journeyId} was delivered (${outcome}): replaying it changes nothing; --as-new runs it again`);
        continue;
      }
    }
    if (trigger && journeyId) triggered.add(journeyId);
    plan.push({ sourced, journeyId, action: 'replay', routes });
  }
  return plan;
}
