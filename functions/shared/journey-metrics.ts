/**
 * The platform's own CloudWatch metrics, read off the events a function publishes: how many
 * journeys start, complete, fail and are refused, per use case, and how long and how many
 * attempts each step takes. The functions emit them (telemetry.ts); the stack's alarms and
 * dashboard are built from the same names (deploy/serverless/observability-resources.cjs).
 */
import type { EventDraft } from '#events/platform-event.js';
import type { EventPublisher } from '#domain/ports/event-publisher.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { UploadRejected } from '#events/upload-rejected.js';
import { JourneyStepCompleted, type JourneyStepCompletedDetail } from '#events/journey-step-completed.js';
import { JourneyStepFailed, type JourneyStepFailedDetail } from '#events/journey-step-failed.js';
import type { Telemetry } from './telemetry.js';

/** Every metric of every stage lives here; the `service` dimension (`symphainy-<stage>`) tells stages apart. */
export const METRICS_NAMESPACE = 'Symphainy';

/** An upload no use case took: no journey ran, so it is counted apart from the failures. */
export const UPLOADS_REJECTED = 'UploadsRejected';

/** The count each journey-level event adds to, by its detail-type. */
export const JOURNEY_COUNTS: Readonly<Record<string, string>> = {
  [JourneyStarted.detailType]: 'JourneysStarted',
  [JourneyCompleted.detailType]: 'JourneysCompleted',
  [JourneyFailed.detailType]: 'JourneysFailed',
  [UploadRejected.detailType]: UPLOADS_REJECTED,
};

/** Milliseconds one attempt of a step ran, whatever its outcome. */
export const STEP_DURATION = 'StepDuration';
/** The attempts a step took, counted once it is over (completed, rejected, or out of attempts). */
export const STEP_ATTEMPTS = 'StepAttempts';

export interface Datapoint {
  name: string;
  unit: 'Count' | 'Milliseconds';
  value: number;
  dimensions: Record<string, string>;
  /** Kept beside the value in the log line, for finding the journey behind a datapoint; not a dimension. */
  metadata: Record<string, string>;
}

/** One count per journey-level event. */
export function journeyDatapoints(events: readonly EventDraft[]): Datapoint[] {
  return events.flatMap((event) => {
    const name = JOURNEY_COUNTS[event.detailType];
    if (!name) return [];
    const { useCase, journeyId } = event.detail as { useCase: string; journeyId: string };
    return [{ name, unit: 'Count', value: 1, dimensions: { UseCase: useCase }, metadata: { journeyId } }];
  });
}

/** A step's attempt as its function reported it: its duration, and its attempts once it is over. */
export function stepDatapoints(events: readonly EventDraft[]): Datapoint[] {
  return events.flatMap((event): Datapoint[] => {
    if (event.detailType === JourneyStepCompleted.detailType) {
      const detail = event.detail as JourneyStepCompletedDetail;
      return stepMetrics(detail, detail.record.startedAt, detail.record.endedAt, detail.record.attempts);
    }
    if (event.detailType === JourneyStepFailed.detailType) {
      const detail = event.detail as JourneyStepFailedDetail;
      return stepMetrics(detail, detail.startedAt, detail.endedAt, detail.final ? detail.attempt : undefined);
    }
    return [];
  });
}

function stepMetrics(
  detail: { useCase: string; step: string; journeyId: string },
  startedAt: string,
  endedAt: string,
  attempts: number | undefined,
): Datapoint[] {
  const dimensions = { UseCase: detail.useCase, Step: detail.step };
  const metadata = { journeyId: detail.journeyId };
  const duration = Date.parse(endedAt) - Date.parse(startedAt);
  return [
    ...(Number.isFinite(duration) ? [{ name: STEP_DURATION, unit: 'Milliseconds' as const, value: Math.max(0, duration), dimensions, metadata }] : []),
    ...(attempts === undefined ? [] : [{ name: STEP_ATTEMPTS, unit: 'Count' as const, value: attempts, dimensions, metadata }]),
  ];
}

/** A publisher that counts the journey-level events it published; as it was without telemetry. */
export function countingJourneys(publisher: EventPublisher, telemetry: Telemetry | undefined): EventPublisher {
  if (!telemetry) return publisher;
  return {
    publish: async (events) => {
      await publisher.publish(events);
      telemetry.emit(journeyDatapoints(events));
    },
  };
}
