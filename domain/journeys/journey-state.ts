import type { ArtifactRef, ErrorInfo, EventBridgeEnvelope, ObjectRef } from '#events/platform-event.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyDelivered } from '#events/journey-delivered.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyShardCompleted, type JourneyShardCompletedDetail } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { UploadRejected } from '#events/upload-rejected.js';

export type JourneyStatus = 'running' | 'completed' | 'failed' | 'rejected';
export type StepStatus = 'pending' | 'requested' | 'retrying' | 'completed' | 'failed';

/** One run of a step: the first, or one redrive's. */
export interface StepRun {
  redrive: number;
  attempts: number;
  status: 'running' | 'completed' | 'failed';
  error: ErrorInfo | null;
}

export interface StepView {
  name: string;
  status: StepStatus;
  /** Attempts in the journey's current run (since its last redrive). */
  attempts: number;
  /** Every run of the step, oldest first: a redriven step has one per redrive it took part in. */
  runs: StepRun[];
  requestedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  artifacts: ArtifactRef[];
  summary: Record<string, unknown>;
  error: ErrorInfo | null;
  /** Set when the step fanned out into shards (in its current run): how many, and how far they got. */
  shards?: ShardsView;
}

/** A fanned-out step's shards: asked for, reported, and those whose read failed (by index, with why). */
export interface ShardsView {
  total: number;
  requested: number;
  reported: number;
  failed: { index: number; start: number; end: number; error: ErrorInfo }[];
}

export interface JourneyView {
  journeyId: string;
  useCase: string;
  journey: string;
  status: JourneyStatus;
  /** Times the journey was redriven from a failed step. */
  redrives: number;
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
  return { name, status: 'pending', attempts: 0, runs: [], requestedAt: null, startedAt: null, endedAt: null, artifacts: [], summary: {}, error: null };
}

/**
 * A journey's state is a fold of its events, in journal order. Duplicated events (at-least-once
 * delivery) fold to the same state, so the view never double-counts.
 */
export function foldJourney(journeyId: string, events: readonly EventBridgeEnvelope[]): JourneyView | undefined {
  let view: JourneyView | undefined;
  const seenEventIds = new Set<string>();
  const failedAttempts = new Map<string, Set<number>>();
  // Per step, the shard indices asked for and reported in the run being shown.
  const shardIndices = new Map<string, { run: number; requested: Set<number>; reported: Set<number> }>();
  const shardsOf = (step: StepView, redrive: number, total: number) => {
    let seen = shardIndices.get(step.name);
    if (!seen || seen.run !== redrive) {
      seen = { run: redrive, requested: new Set(), reported: new Set() };
      shardIndices.set(step.name, seen);
      step.shards = { total, requested: 0, reported: 0, failed: [] };
    }
    return { seen, shards: step.shards! };
  };
  const stepOf = (name: string): StepView => {
    let step = view!.steps.find((s) => s.name === name);
    if (!step) {
      step = emptyStep(name);
      view!.steps.push(step);
    }
    return step;
  };
  const runOf = (step: StepView, redrive: number): StepRun => {
    let run = step.runs.find((r) => r.redrive === redrive);
    if (!run) {
      run = { redrive, attempts: 0, status: 'running', error: null };
      step.runs.push(run);
      step.runs.sort((a, b) => a.redrive - b.redrive);
    }
    return run;
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
      const redrive = d.redrive ?? 0;
      if (redrive > view.redrives) {
        // A redrive reopens the journey at its failed step; what the earlier run did stays in `runs`.
        Object.assign(view, { status: 'running', redrives: redrive, endedAt: null, error: null, delivery: null });
        Object.assign(step, { status: 'requested', attempts: 0, requestedAt: event.time, startedAt: null, endedAt: null, error: null });
      } else if (step.status === 'pending') Object.assign(step, { status: 'requested', requestedAt: event.time });
      runOf(step, redrive);
    } else if (JourneyStepCompleted.describes(event)) {
      const d = JourneyStepCompleted.parseDetail(event);
      const step = stepOf(d.step);
      const run = runOf(step, d.redrive ?? 0);
      Object.assign(run, { status: 'completed', attempts: Math.max(run.attempts, d.record.attempts), error: null });
      if ((d.redrive ?? 0) < view.redrives) continue;
      // A dead-lettered request sent back to its queue finished: the journey moves on again.
      if (view.status === 'failed' && step.status === 'failed') Object.assign(view, { status: 'running', endedAt: null, error: null, delivery: null });
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
      const runKey = `${d.step}#${d.redrive ?? 0}`;
      const attempts = failedAttempts.get(runKey) ?? new Set<number>();
      attempts.add(d.attempt);
      failedAttempts.set(runKey, attempts);
      const run = runOf(step, d.redrive ?? 0);
      if (run.status !== 'completed')
        Object.assign(run, { status: d.final ? 'failed' : 'running', attempts: Math.max(run.attempts, d.attempt), error: d.error });
      if ((d.redrive ?? 0) < view.redrives) continue;
      if (step.status !== 'completed') {
        Object.assign(step, {
          status: d.final ? 'failed' : 'retrying',
          attempts: Math.max(step.attempts, d.attempt),
          startedAt: step.startedAt ?? d.startedAt,
          endedAt: d.final ? d.endedAt : null,
          error: d.error,
        });
      }
    } else if (JourneyShardRequested.describes(event) || JourneyShardCompleted.describes(event)) {
      // Shards stay off the timeline (a big file has hundreds); the step's view counts them.
      const requested = JourneyShardRequested.describes(event);
      const d = requested ? JourneyShardRequested.parseDetail(event) : JourneyShardCompleted.parseDetail(event);
      if ((d.redrive ?? 0) < view.redrives) continue;
      const { seen, shards } = shardsOf(stepOf(d.step), d.redrive ?? 0, d.shard.total);
      const indices = requested ? seen.requested : seen.reported;
      if (indices.has(d.shard.index)) continue;
      indices.add(d.shard.index);
      shards.requested = seen.requested.size;
      shards.reported = seen.reported.size;
      const error = requested ? undefined : (d as JourneyShardCompletedDetail).error;
      if (error) shards.failed.push({ index: d.shard.index, start: d.shard.start, end: d.shard.end, error });
      continue;
    } else if (JourneyCompleted.describes(event)) {
      if ((JourneyCompleted.parseDetail(event).redrive ?? 0) < view.redrives) continue;
      Object.assign(view, { status: 'completed', endedAt: event.time, error: null });
    } else if (JourneyFailed.describes(event)) {
      const d = JourneyFailed.parseDetail(event);
      if ((d.redrive ?? 0) < view.redrives) continue;
      Object.assign(view, { status: 'failed', endedAt: event.time, error: d.error });
    } else if (JourneyDelivered.describes(event)) {
      const d = JourneyDelivered.parseDetail(event);
      if ((d.redrive ?? 0) < view.redrives) continue;
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
    redrives: 0,
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
