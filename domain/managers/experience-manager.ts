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
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { UPLOAD_PREFIX } from '#domain/routing/routing-table.js';

export const DEFAULT_JOURNEY = 'upload';

export interface ExperienceManagerDeps {
  registry: UseCaseRegistry;
  store: ObjectStore;
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
  const known = registry.useCases().map((u) => u.id).join(', ');
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
  const versionId = detail.object['version-id'];
  const etag = detail.object.etag;
  const input: ObjectRef = {
    bucket: detail.bucket.name,
    key,
    ...(etag ? { etag } : {}),
    ...(versionId ? { versionId } : {}),
    ...(detail.object.size !== undefined ? { size: detail.object.size } : {}),
  };
  const journeyId = journeyIdForUpload(input, detail.object.sequencer);
  const ids = { schemaVersion: 1 as const, journeyId, correlationId: envelope.id, causationId: envelope.id };
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
    return [UploadRejected.draft({ ...ids, useCase: resolution.useCase, journey: resolution.journey, input, error: { code: resolution.code, message: resolution.message } })];
  }
  return startJourney({ ...ids, useCase: resolution.useCase, journey: resolution.journey }, input, resolution.resolvedBy, deps.registry, envelope.time);
}

export function onJourneyRequested(envelope: EventBridgeEnvelope, detail: JourneyRequestedDetail, deps: Pick<ExperienceManagerDeps, 'registry'>): EventDraft[] {
  const ids = { schemaVersion: 1 as const, journeyId: detail.journeyId, useCase: detail.useCase, journey: detail.journey, correlationId: detail.correlationId, causationId: envelope.id };
  if (!deps.registry.journeySteps(detail.useCase, detail.journey)) {
    return [UploadRejected.draft({ ...ids, input: detail.input, error: { code: 'unknown_journey', message: `use case "${detail.useCase}" has no "${detail.journey}" journey` } })];
  }
  return startJourney(ids, detail.input, 'follow-on', deps.registry, envelope.time, detail.parentJourneyId);
}

function startJourney(
  ids: { schemaVersion: 1; journeyId: string; useCase: string; journey: string; correlationId: string; causationId: string },
  input: ObjectRef,
  resolvedBy: 'metadata' | 'key-prefix' | 'follow-on',
  registry: UseCaseRegistry,
  journeyStartedAt: string,
  parentJourneyId?: string,
): EventDraft[] {
  const steps = registry.journeySteps(ids.useCase, ids.journey)!;
  return [
    JourneyStarted.draft({ ...ids, input, steps, resolvedBy, ...(parentJourneyId ? { parentJourneyId } : {}) }),
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
  return [JourneyStepRequested.draft({ ...ids, step: next, stepIndex: nextIndex, input: detail.input, journeyStartedAt: detail.journeyStartedAt, steps: detail.steps, completedSteps: detail.completedSteps })];
}

export function onStepFailed(envelope: EventBridgeEnvelope, detail: JourneyStepFailedDetail): EventDraft[] {
  if (!detail.final) return [];
  return [JourneyFailed.draft({ ...pickIds(detail, envelope), input: detail.input, failedStep: detail.step, error: detail.error, completedSteps: detail.completedSteps })];
}

function pickIds(detail: { journeyId: string; useCase: string; journey: string; correlationId: string }, envelope: EventBridgeEnvelope) {
  return { schemaVersion: 1 as const, journeyId: detail.journeyId, useCase: detail.useCase, journey: detail.journey, correlationId: detail.correlationId, causationId: envelope.id };
}
