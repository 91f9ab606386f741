/**
 * Experience manager: turns what a person did (an upload, a follow-on request) into a journey
 * for the right use case, and moves the journey along as its steps report back.
 *
 *   Object Created ──► Journey Started + Step Requested(step 1)
 *   Step Completed(k) ──► Step Requested(k+1) | Journey Completed
 *   Step Failed(final) ──► Journey Failed
 *   Journey Requested ──► Journey Started + Step Requested(step 1)
 *
 * It keeps no state: every event carries the journey's plan and finished steps.
 *
 * A replayed trigger (EventBridge's `replay-name`) re-derives the journey id it had, so it starts
 * nothing once that journey has been delivered; an as-new replay starts the journey again under
 * a fresh id derived from the replay's name.
 */
import type { EventBridgeEnvelope, EventDraft, ObjectRef } from '#events/platform-event.js';
import { decodeS3EventKey, type S3ObjectCreatedDetail } from '#events/s3-object-created.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import type { JourneyStepCompletedDetail } from '#events/journey-step-completed.js';
import type { JourneyStepFailedDetail } from '#events/journey-step-failed.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyFailed } from '#events/journey-failed.js';
import type { JourneyRequestedDetail } from '#events/journey-requested.js';
import { UploadRejected } from '#events/upload-rejected.js';
import { isAsNewReplay, replayNameOf } from '#events/replay-name.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import { defaultPlatformConfig, type PlatformConfig } from '#domain/ports/platform-config.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { journeyIdForReplay, journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { journeyDelivered } from './delivery-manager.js';
import { UPLOAD_PREFIX, uploadKeyProblem } from '#domain/uploads/upload-key.js';
import { COLUMN_MAP_FILE_NAME } from '#domain/fields/declared-mapping.js';

export function isColumnMapFile(key: string): boolean {
  return key.split('/').pop() === COLUMN_MAP_FILE_NAME;
}

export const DEFAULT_JOURNEY = 'upload';

export interface ExperienceManagerDeps {
  registry: UseCaseRegistry;
  store: ObjectStore;
  /** Where deliveries are kept, to recognise a replay of a delivered journey (default: the platform's). */
  config?: Pick<PlatformConfig, 'artifactBucket'>;
}

/** The journey a trigger names: its own, or for an as-new replay a fresh one; undefined when a replay finds it delivered. */
async function journeyToStart(
  envelope: EventBridgeEnvelope,
  journeyId: string,
  deps: ExperienceManagerDeps,
): Promise<{ journeyId: string; replayOf?: string } | undefined> {
  const replayName = replayNameOf(envelope);
  if (!replayName) return { journeyId };
  const started = isAsNewReplay(envelope) ? { journeyId: journeyIdForReplay(journeyId, replayName), replayOf: journeyId } : { journeyId };
  const bucket = deps.config?.artifactBucket ?? defaultPlatformConfig.artifactBucket;
  return (await journeyDelivered(deps.store, bucket, started.journeyId)) ? undefined : started;
}

type Resolution =
  | { ok: true; useCase: string; journey: string; resolvedBy: 'metadata' | 'key-prefix' }
  | { ok: false; useCase: string; journey: string; code: string; message: string };

/** Metadata `use-case` wins over the key prefix `uploads/<use-case>/...`. */
export function resolveUseCase(key: string, metadata: Record<string, string>, registry: UseCaseRegistry): Resolution {
  const journey = metadata['journey']?.trim() || DEFAULT_JOURNEY;
  const fromMetadata = metadata['use-case']?.trim();
  const segments = key.startsWith(UPLOAD_PREFIX) ? key.slice(UPLOAD_PREFIX.length).split('/') : [];
  const fromPrefix = segments.length > 1 && segments[0] ? segments[0] : undefined;
  const tag = fromMetadata || fromPrefix;
  const known = registry
    .useCases()
    .map((u) => u.id)
    .join(', ');
  if (!tag) {
    return {
      ok: false,
      useCase: 'unknown',
      journey,
      code: 'missing_use_case',
      message: `no use-case tag: set object metadata "use-case" or upload under ${UPLOAD_PREFIX}<use-case>/ (known: ${known})`,
    };
  }
  const module = registry.useCase(tag);
  if (!module) {
    return { ok: false, useCase: tag, journey, code: 'unknown_use_case', message: `use case "${tag}" is not registered (known: ${known})` };
  }
  if (!module.journeys[journey]) {
    return {
      ok: false,
      useCase: tag,
      journey,
      code: 'unknown_journey',
      message: `use case "${tag}" has no "${journey}" journey (it has: ${Object.keys(module.journeys).join(', ')})`,
    };
  }
  return { ok: true, useCase: tag, journey, resolvedBy: fromMetadata ? 'metadata' : 'key-prefix' };
}

export async function onObjectCreated(envelope: EventBridgeEnvelope, detail: S3ObjectCreatedDetail, deps: ExperienceManagerDeps): Promise<EventDraft[]> {
  const key = decodeS3EventKey(detail.object.key);
  // A mapping file kept beside uploads configures the journeys of its folder; it is not one itself.
  if (isColumnMapFile(key)) return [];
  const versionId = detail.object['version-id'];
  const etag = detail.object.etag;
  const input: ObjectRef = {
    bucket: detail.bucket.name,
    key,
    ...(etag ? { etag } : {}),
    ...(versionId ? { versionId } : {}),
    ...(detail.object.size !== undefined ? { size: detail.object.size } : {}),
  };
  const target = await journeyToStart(envelope, journeyIdForUpload(input, detail.object.sequencer), deps);
  if (!target) return [];
  const ids = { schemaVersion: 1 as const, journeyId: target.journeyId, correlationId: envelope.id, causationId: envelope.id };
  const keyProblem = uploadKeyProblem(key);
  if (keyProblem) {
    return [UploadRejected.draft({ ...ids, useCase: 'unknown', journey: DEFAULT_JOURNEY, input, error: { code: 'invalid_key', message: keyProblem } })];
  }
  const head = await deps.store.head(input.bucket, key);
  if (!head) {
    return [
      UploadRejected.draft({
        ...ids,
        useCase: 'unknown',
        journey: DEFAULT_JOURNEY,
        input,
        error: { code: 'object_missing', message: `s3://${input.bucket}/${key} was gone before its journey could start` },
      }),
    ];
  }
  const resolution = resolveUseCase(key, head.metadata, deps.registry);
  if (!resolution.ok) {
    return [
      UploadRejected.draft({
        ...ids,
        useCase: resolution.useCase,
        journey: resolution.journey,
        input,
        error: { code: resolution.code, message: resolution.message },
      }),
    ];
  }
  const resolvedBy = target.replayOf ? 'replay' : resolution.resolvedBy;
  return startJourney({ ...ids, useCase: resolution.useCase, journey: resolution.journey }, input, resolvedBy, deps.registry, envelope.time, {
    replayOf: target.replayOf,
  });
}

export async function onJourneyRequested(envelope: EventBridgeEnvelope, detail: JourneyRequestedDetail, deps: ExperienceManagerDeps): Promise<EventDraft[]> {
  const target = await journeyToStart(envelope, detail.journeyId, deps);
  if (!target) return [];
  const ids = {
    schemaVersion: 1 as const,
    journeyId: target.journeyId,
    useCase: detail.useCase,
    journey: detail.journey,
    correlationId: detail.correlationId,
    causationId: envelope.id,
  };
  if (!deps.registry.journeySteps(detail.useCase, detail.journey)) {
    return [
      UploadRejected.draft({
        ...ids,
        input: detail.input,
        error: { code: 'unknown_journey', message: `use case "${detail.useCase}" has no "${detail.journey}" journey` },
      }),
    ];
  }
  return startJourney(ids, detail.input, target.replayOf ? 'replay' : 'follow-on', deps.registry, envelope.time, {
    parentJourneyId: detail.parentJourneyId,
    replayOf: target.replayOf,
  });
}

function startJourney(
  ids: { schemaVersion: 1; journeyId: string; useCase: string; journey: string; correlationId: string; causationId: string },
  input: ObjectRef,
  resolvedBy: 'metadata' | 'key-prefix' | 'follow-on' | 'replay',
  registry: UseCaseRegistry,
  journeyStartedAt: string,
  lineage: { parentJourneyId?: string | undefined; replayOf?: string | undefined } = {},
): EventDraft[] {
  const steps = registry.journeySteps(ids.useCase, ids.journey)!;
  const { parentJourneyId, replayOf } = lineage;
  return [
    JourneyStarted.draft({ ...ids, input, steps, resolvedBy, ...(parentJourneyId ? { parentJourneyId } : {}), ...(replayOf ? { replayOf } : {}) }),
    JourneyStepRequested.draft({ ...ids, step: steps[0]!, stepIndex: 0, input, journeyStartedAt, steps, completedSteps: [] }),
  ];
}

export function onStepCompleted(envelope: EventBridgeEnvelope, detail: JourneyStepCompletedDetail): EventDraft[] {
  const ids = pickIds(detail, envelope);
  const nextIndex = detail.stepIndex + 1;
  const next = detail.steps[nextIndex];
  if (next === undefined) {
    return [JourneyCompleted.draft({ ...ids, input: detail.input, steps: detail.completedSteps })];
  }
  return [
    JourneyStepRequested.draft({
      ...ids,
      step: next,
      stepIndex: nextIndex,
      input: detail.input,
      journeyStartedAt: detail.journeyStartedAt,
      steps: detail.steps,
      completedSteps: detail.completedSteps,
    }),
  ];
}

export function onStepFailed(envelope: EventBridgeEnvelope, detail: JourneyStepFailedDetail): EventDraft[] {
  if (!detail.final) return [];
  return [
    JourneyFailed.draft({
      ...pickIds(detail, envelope),
      input: detail.input,
      failedStep: detail.step,
      error: detail.error,
      completedSteps: detail.completedSteps,
    }),
  ];
}

function pickIds(
  detail: { journeyId: string; useCase: string; journey: string; correlationId: string; redrive?: number | undefined },
  envelope: EventBridgeEnvelope,
) {
  return {
    schemaVersion: 1 as const,
    journeyId: detail.journeyId,
    useCase: detail.useCase,
    journey: detail.journey,
    correlationId: detail.correlationId,
    causationId: envelope.id,
    ...(detail.redrive ? { redrive: detail.redrive } : {}),
  };
}
