import type { ArtifactRef, ErrorInfo, EventBridgeEnvelope, ObjectRef } from '#events/platform-event.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyDelivered } from '#events/journey-delivered.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { UploadRejected } from '#events/upload-rejected.js';

export type JourneyStatus = 'running' | 'completed' | 'failed' | 'rejected';
export type StepStatus = 'pending' | 'requested' | 'retrying' | 'completed' | 'failed';

export interface StepView {
  name: string;
  status: StepStatus;
  attempts: number;
  requestedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  artifacts: ArtifactRef[];
  summary: Record<string, unknown>;
  error: ErrorInfo | null;
}

export interface JourneyView {
  journeyId: string;
  useCase: string;
  journey: string;
  status: JourneyStatus;
  input: ObjectRef | null;
  startedAt: string | null;
  endedAt: string | null;
  parentJourneyId: string | null;
  steps: StepView[];
  artifacts: ArtifactRef[];
  error: ErrorInfo | null;
  delivery: { subject: string; message: string; manifestKey: string | null; notificationKey: string; followOn: string[] } | null;
  /** Events folded, in order, for timelines. */
  timeline: { time: string; detailType: string; step?: string; note?: string }[];
}

function emptyStep(name: string): StepView {
  return { name, status: 'pending', attempts: 0, requestedAt: null, startedAt: null, endedAt: null, artifacts: [], summary: {}, error: null };
}

/**
 * A journey's state is a fold of its events, in journal order. Duplicated events (at-least-once
 * delivery) fold to the same state, so the view never double-counts.
 */
export function foldJourney(journeyId: string, events: readonly EventBridgeEnvelope[]): JourneyView | undefined {
  let view: JourneyView | undefined;
  const seenEventIds = new Set<string>();
  const failedAttempts = new Map<string, Set<number>>();
  const stepOf = (name: string): StepView => {
    let step = view!.steps.find((s) => s.name === name);
    if (!step) {
      step = emptyStep(name);
      view!.steps.push(step);
    }
    return step;
  };
  for (const event of events) {
    if (seenEventIds.has(event.id)) continue;
    // A replayed event re-sends one the journey already has (under a new id on AWS); a replay
    // that runs the journey again does so under a fresh journey id, so nothing is lost here.
    if (event['replay-name'] !== undefined) continue;
    seenEventIds.add(event.id);
    const detail = event.detail as { journeyId?: string } | null;
    if (detail?.journeyId !== journeyId) continue;
    if (JourneyStarted.describes(event)) {
      const d = JourneyStarted.parseDetail(event);
      view ??= newView(d.journeyId, d.useCase, d.journey);
      view.input = d.input;
      view.startedAt ??= event.time;
      view.parentJourneyId = d.parentJourneyId ?? null;
      for (const name of d.steps) stepOf(name);
    } else if (UploadRejected.describes(event)) {
      const d = UploadRejected.parseDetail(event);
      view ??= newView(d.journeyId, d.useCase, d.journey);
      Object.assign(view, { status: 'rejected', input: d.input, error: d.error, startedAt: view.startedAt ?? event.time, endedAt: event.time });
    } else if (!view) {
      continue;
    } else if (JourneyStepRequested.describes(event)) {
      const d = JourneyStepRequested.parseDetail(event);
      const step = stepOf(d.step);
      if (step.status === 'pending') Object.assign(step, { status: 'requested', requestedAt: event.time });
    } else if (JourneyStepCompleted.describes(event)) {
      const d = JourneyStepCompleted.parseDetail(event);
      const step = stepOf(d.step);
      Object.assign(step, {
        status: 'completed',
        attempts: Math.max(step.attempts, d.record.attempts),
        startedAt: d.record.startedAt,
        endedAt: d.record.endedAt,
        artifacts: d.record.artifacts,
        summary: d.record.summary,
        error: null,
      });
    } else if (JourneyStepFailed.describes(event)) {
      const d = JourneyStepFailed.parseDetail(event);
      const step = stepOf(d.step);
      const attempts = failedAttempts.get(d.step) ?? new Set<number>();
      attempts.add(d.attempt);
      failedAttempts.set(d.step, attempts);
      if (step.status !== 'completed') {
        Object.assign(step, {
          status: d.final ? 'failed' : 'retrying',
          attempts: Math.max(step.attempts, d.attempt),
          startedAt: step.startedAt ?? d.startedAt,
          endedAt: d.final ? d.endedAt : null,
          error: d.error,
        });
      }
    } else if (JourneyCompleted.describes(event)) {
      Object.assign(view, { status: 'completed', endedAt: event.time, error: null });
    } else if (JourneyFailed.describes(event)) {
      const d = JourneyFailed.parseDetail(event);
      Object.assign(view, { status: 'failed', endedAt: event.time, error: d.error });
    } else if (JourneyDelivered.describes(event)) {
      const d = JourneyDelivered.parseDetail(event);
      view.delivery ??= {
        subject: d.notification.subject,
        message: d.notification.message,
        manifestKey: d.manifest?.key ?? null,
        notificationKey: d.notification.ref.key,
        followOn: d.followOn,
      };
    } else {
      continue;
    }
    const step = (event.detail as { step?: string }).step;
    view.timeline.push({ time: event.time, detailType: event['detail-type'], ...(step ? { step } : {}) });
  }
  if (view) view.artifacts = view.steps.flatMap((s) => s.artifacts);
  return view;
}

function newView(journeyId: string, useCase: string, journey: string): JourneyView {
  return {
    journeyId,
    useCase,
    journey,
    status: 'running',
    input: null,
    startedAt: null,
    endedAt: null,
    parentJourneyId: null,
    steps: [],
    artifacts: [],
    error: null,
    delivery: null,
    timeline: [],
  };
}
