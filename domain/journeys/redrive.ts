import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import type { JourneyView } from './journey-state.js';

export type RedrivePlan =
  | { ok: true; journeyId: string; step: string; redrive: number; reusedSteps: string[]; rejectedBefore: boolean; request: EventDraft }
  | { ok: false; journeyId: string; code: 'journey_running' | 'journey_completed' | 'journey_rejected' | 'no_failed_step'; reason: string };

/**
 * How to continue a failed journey from its failed step: the same request that step received
 * (input, plan, the records of the steps that completed, whose artifacts are reused and which are
 * not run again), marked as the journey's next redrive. Anything but a failed journey is refused.
 */
export function planRedrive(view: JourneyView, events: readonly EventBridgeEnvelope[]): RedrivePlan {
  const { journeyId } = view;
  if (view.status === 'running')
    return { ok: false, journeyId, code: 'journey_running', reason: `journey ${journeyId} is still running; only a failed journey can be redriven` };
  if (view.status === 'completed') {
    return {
      ok: false,
      journeyId,
      code: 'journey_completed',
      reason: `journey ${journeyId} completed: there is nothing to redrive (replay --as-new runs it again from its trigger)`,
    };
  }
  if (view.status === 'rejected') {
    return {
      ok: false,
      journeyId,
      code: 'journey_rejected',
      reason: `journey ${journeyId} was rejected before any step ran (${view.error?.code ?? 'rejected'}): upload a corrected file instead`,
    };
  }
  const failure = [...events]
    .reverse()
    .filter((event) => JourneyStepFailed.describes(event))
    .map((event) => ({ event, detail: JourneyStepFailed.parseDetail(event) }))
    .find(({ detail }) => detail.journeyId === journeyId && detail.final && (detail.redrive ?? 0) === view.redrives);
  if (!failure)
    return {
      ok: false,
      journeyId,
      code: 'no_failed_step',
      reason: `journey ${journeyId} failed without a failed step on record, so there is no step to continue from`,
    };
  const { detail, event } = failure;
  const redrive = view.redrives + 1;
  const request = JourneyStepRequested.draft({
    schemaVersion: 1,
    journeyId,
    useCase: detail.useCase,
    journey: detail.journey,
    correlationId: detail.correlationId,
    causationId: event.id,
    redrive,
    step: detail.step,
    stepIndex: detail.stepIndex,
    input: detail.input,
    journeyStartedAt: detail.journeyStartedAt,
    steps: detail.steps,
    completedSteps: detail.completedSteps,
  });
  return {
    ok: true,
    journeyId,
    step: detail.step,
    redrive,
    reusedSteps: detail.completedSteps.map((s) => s.name),
    rejectedBefore: detail.kind === 'rejected',
    request,
  };
}
