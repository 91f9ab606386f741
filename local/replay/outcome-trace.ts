import { JourneyDelivered } from '#events/journey-delivered.js';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { foldJourney, type JourneyView } from '#domain/journeys/journey-state.js';

export interface TracedArtifact {
  name: string;
  /** The object key with the journey id written as `{journeyId}`, so traces of two journeys compare. */
  key: string;
  sha256: string;
  size: number;
}

export interface TracedStep {
  name: string;
  status: string;
  attempts: number;
  error: string | null;
  summary: Record<string, unknown>;
  artifacts: TracedArtifact[];
}

/**
 * What a journey came to, in the terms a regression test cares about: the ordered events it
 * produced, each step's status and attempts, the artifacts by SHA-256, the delivery. Times and
 * event ids are left out: they differ on every run by design.
 */
export interface OutcomeTrace {
  useCase: string;
  journey: string;
  status: string;
  error: { code: string; message: string } | null;
  /** Detail-types in the order the journey produced them, with the step for step events. */
  events: string[];
  steps: TracedStep[];
  delivery: {
    outcome: string;
    subject: string;
    followOn: string[];
    manifest: { key: string; sha256: string } | null;
    notification: { key: string; sha256: string };
  } | null;
}

/**
 * The trace of what the journey itself did: copies a replay re-sent (`replay-name`) are left out,
 * since a bus that gives them new ids would otherwise count them twice.
 */
export function outcomeTrace(folded: JourneyView, allEvents: readonly EventBridgeEnvelope[]): OutcomeTrace {
  const events = allEvents.filter((e) => !e['replay-name']);
  const view = foldJourney(folded.journeyId, events) ?? folded;
  const relative = (key: string) => key.split(view.journeyId).join('{journeyId}');
  const delivered = events
    .filter((e) => JourneyDelivered.describes(e) && (e.detail as { journeyId?: string }).journeyId === view.journeyId)
    .map((e) => JourneyDelivered.parseDetail(e))[0];
  return {
    useCase: view.useCase,
    journey: view.journey,
    status: view.status,
    error: view.error ? { code: view.error.code, message: view.error.message } : null,
    events: view.timeline.map((t) => (t.step ? `${t.detailType} (${t.step})` : t.detailType)),
    steps: view.steps.map((step) => ({
      name: step.name,
      status: step.status,
      attempts: step.attempts,
      error: step.status === 'completed' ? null : (step.error?.code ?? null),
      summary: Object.fromEntries(Object.entries(step.summary).map(([k, v]) => [k, typeof v === 'string' ? relative(v) : v])),
      artifacts: step.artifacts.map((a) => ({ name: a.name, key: relative(a.key), sha256: a.sha256, size: a.size })),
    })),
    delivery: delivered
      ? {
          outcome: delivered.outcome,
          subject: delivered.notification.subject,
          followOn: delivered.followOn,
          manifest: delivered.manifest ? { key: relative(delivered.manifest.key), sha256: delivered.manifest.sha256 } : null,
          notification: { key: relative(delivered.notification.ref.key), sha256: delivered.notification.ref.sha256 },
        }
      : null,
  };
}
