import type { EventBridgeEnvelope, EventDraft, StepRecord } from '#events/platform-event.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import type { JourneyView } from './journey-state.js';
import type { StepCatalog } from './step-catalog.js';
import { policyOfStep, queueVisibilitySeconds } from './step-policy.js';

/**
 * Journeys not yet ended, one small object each, kept by the journey recorder: what the sweeper
 * reads to find journeys that stopped moving without reading every journey's record.
 */
export const RUNNING_PREFIX = 'state/running/';

export interface RunningMarker {
  journeyId: string;
  useCase: string;
  journey: string;
  /** When the journey (or its latest redrive) started: its deadline counts from here. */
  since: string;
  redrive: number;
}

export function runningMarkerKey(journeyId: string): string {
  return `${RUNNING_PREFIX}${journeyId}.json`;
}

/**
 * What an event does to the journey's running marker: a start (or redrive) puts it, an end
 * removes it. An event that breaks its contract changes nothing: the recorder keeps it all the same.
 */
export function runningMarkerChange(event: EventBridgeEnvelope): { put: RunningMarker } | { remove: string } | undefined {
  try {
    return markerChangeOf(event);
  } catch {
    return undefined;
  }
}

function markerChangeOf(event: EventBridgeEnvelope): { put: RunningMarker } | { remove: string } | undefined {
  if (JourneyStarted.describes(event)) {
    const d = JourneyStarted.parseDetail(event);
    return { put: { journeyId: d.journeyId, useCase: d.useCase, journey: d.journey, since: event.time, redrive: 0 } };
  }
  if (JourneyStepRequested.describes(event)) {
    const d = JourneyStepRequested.parseDetail(event);
    return d.redrive ? { put: { journeyId: d.journeyId, useCase: d.useCase, journey: d.journey, since: event.time, redrive: d.redrive } } : undefined;
  }
  if (JourneyCompleted.describes(event)) return { remove: JourneyCompleted.parseDetail(event).journeyId };
  if (JourneyFailed.describes(event)) return { remove: JourneyFailed.parseDetail(event).journeyId };
  return undefined;
}

/**
 * How long a journey may take: the use case's declaration, else the worst its steps' policies
 * allow, every attempt of every step running out of time and coming back after its queue's
 * visibility timeout.
 */
export function journeyDeadlineSeconds(registry: StepCatalog, useCase: string, journey: string): number {
  const declared = registry.useCase(useCase)?.journeyDeadlineSeconds?.[journey];
  if (declared !== undefined) return declared;
  const steps = registry.journeySteps(useCase, journey) ?? [];
  return steps.reduce((total, step) => {
    const policy = policyOfStep(registry, step);
    return total + policy.maxAttempts * queueVisibilitySeconds(policy);
  }, 0);
}

/**
 * The failure of a journey past its deadline, or undefined when it has ended or has time left.
 * It names the step it was waiting for and keeps what the completed steps left.
 */
export function deadlineFailure(
  view: JourneyView,
  events: readonly EventBridgeEnvelope[],
  marker: RunningMarker,
  now: Date,
  deadlineSeconds: number,
): EventDraft | undefined {
  if (view.status !== 'running' || !view.input) return undefined;
  const overdueMs = now.getTime() - Date.parse(marker.since) - deadlineSeconds * 1000;
  if (overdueMs < 0) return undefined;
  const started = events.find((e) => JourneyStarted.describes(e));
  const last = events[events.length - 1];
  if (!started || !last) return undefined;
  const waitingFor = view.steps.find((s) => s.status !== 'completed');
  const completed = events.filter((e) => JourneyStepCompleted.describes(e)).map((e) => JourneyStepCompleted.parseDetail(e));
  const completedSteps: StepRecord[] = completed.length
    ? completed.reduce((a, b) => (b.completedSteps.length > a.completedSteps.length ? b : a)).completedSteps
    : [];
  const startedDetail = JourneyStarted.parseDetail(started);
  return JourneyFailed.draft({
    schemaVersion: 1,
    journeyId: view.journeyId,
    useCase: view.useCase,
    journey: view.journey,
    correlationId: startedDetail.correlationId,
    causationId: last.id,
    ...(view.redrives ? { redrive: view.redrives } : {}),
    input: view.input,
    failedStep: waitingFor?.name ?? view.steps[view.steps.length - 1]?.name ?? 'unknown',
    error: {
      code: 'journey_deadline_exceeded',
      message: `the journey stopped moving: ${waitingFor ? `${waitingFor.name} is ${waitingFor.status}` : 'no step is left'} and its ${deadlineSeconds} s deadline passed ${Math.round(overdueMs / 1000)} s ago (started ${marker.since})`,
    },
    completedSteps,
  });
}
