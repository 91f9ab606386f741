/**
 * Delivery manager: once a journey ends it hands over the result, per use case:
 *   - a delivery manifest (every artifact with its SHA-256, every step's timings),
 *   - the notification a person receives (a step's `notification.json` when the journey wrote
 *     one, else the use case's own wording, else a generic one),
 *   - the follow-on journeys the use case asks for (e.g. eda after upload).
 * Everything it writes is write-once, so a redelivered event cannot deliver twice.
 */
import type { ArtifactRef, EventBridgeEnvelope, EventDraft, ObjectRef, StepRecord } from '#events/platform-event.js';
import type { JourneyCompletedDetail } from '#events/journey-completed.js';
import { JourneyDelivered } from '#events/journey-delivered.js';
import type { JourneyFailedDetail } from '#events/journey-failed.js';
import { JourneyRequested } from '#events/journey-requested.js';
import type { UploadRejectedDetail } from '#events/upload-rejected.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import type { DeliveryNotice, DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { writeArtifactOnce } from '#domain/journeys/artifact-store.js';
import { journeyIdForFollowOn } from '#domain/journeys/journey-id.js';
import { asNotification, NOTIFICATION_ARTIFACT } from '#domain/delivery/notification.js';

export interface DeliveryManagerDeps {
  registry: UseCaseRegistry;
  store: ObjectStore;
  config: PlatformConfig;
}

export function deliveryPrefix(journeyId: string): string {
  return `deliveries/${journeyId}/`;
}

/** Written last and once: its presence is what "this journey has been delivered" means. */
export function deliveryNotificationKey(journeyId: string): string {
  return `${deliveryPrefix(journeyId)}${NOTIFICATION_ARTIFACT}`;
}

export async function journeyDelivered(store: ObjectStore, bucket: string, journeyId: string): Promise<boolean> {
  return (await store.head(bucket, deliveryNotificationKey(journeyId))) !== undefined;
}

type Outcome = 'completed' | 'failed' | 'rejected';

interface EndedJourney {
  journeyId: string;
  useCase: string;
  journey: string;
  correlationId: string;
  input: ObjectRef;
  steps: StepRecord[];
  outcome: Outcome;
  error?: { code: string; message: string };
  failedStep?: string;
  redrive?: number | undefined;
}

/** Each redrive of a journey ends in a delivery of its own, beside the first run's. */
function runDeliveryPrefix(journeyId: string, redrive: number | undefined): string {
  return redrive ? `${deliveryPrefix(journeyId)}redrive-${redrive}/` : deliveryPrefix(journeyId);
}

export function onJourneyCompleted(envelope: EventBridgeEnvelope, detail: JourneyCompletedDetail, deps: DeliveryManagerDeps) {
  return deliver(envelope, { ...detail, steps: detail.steps, outcome: 'completed' }, deps);
}

export function onJourneyFailed(envelope: EventBridgeEnvelope, detail: JourneyFailedDetail, deps: DeliveryManagerDeps) {
  return deliver(envelope, { ...detail, steps: detail.completedSteps, outcome: 'failed', error: detail.error, failedStep: detail.failedStep }, deps);
}

export function onUploadRejected(envelope: EventBridgeEnvelope, detail: UploadRejectedDetail, deps: DeliveryManagerDeps) {
  return deliver(envelope, { ...detail, steps: [], outcome: 'rejected', error: detail.error }, deps);
}

async function deliver(envelope: EventBridgeEnvelope, ended: EndedJourney, deps: DeliveryManagerDeps): Promise<EventDraft[]> {
  const prefix = runDeliveryPrefix(ended.journeyId, ended.redrive);
  const notificationKey = `${prefix}${NOTIFICATION_ARTIFACT}`;
  // Already delivered (a duplicate or a retry after the publish): say nothing twice.
  if (await deps.store.head(deps.config.artifactBucket, notificationKey)) return [];

  const manifest = ended.outcome === 'rejected' ? undefined : await writeManifest(ended, deps, `${prefix}manifest.json`);
  const notice = await composeNotice(ended, deps);
  const notification = await writeArtifactOnce(deps.store, {
    bucket: deps.config.artifactBucket,
    key: notificationKey,
    name: 'delivery-notification.json',
    step: 'delivery',
    body: `${JSON.stringify({ journeyId: ended.journeyId, useCase: ended.useCase, journey: ended.journey, outcome: ended.outcome, ...notice }, null, 2)}\n`,
    contentType: 'application/json',
  });
  const followOn = ended.outcome === 'completed' ? [...(deps.registry.useCase(ended.useCase)?.followOn?.[ended.journey] ?? [])] : [];
  const ids = {
    schemaVersion: 1 as const,
    journeyId: ended.journeyId,
    useCase: ended.useCase,
    journey: ended.journey,
    correlationId: ended.correlationId,
    causationId: envelope.id,
    ...(ended.redrive ? { redrive: ended.redrive } : {}),
  };
  return [
    JourneyDelivered.draft({ ...ids, outcome: ended.outcome, ...(manifest ? { manifest } : {}), notification: { ...notice, ref: notification }, followOn }),
    ...followOn.map((journey) =>
      JourneyRequested.draft({
        ...ids,
        journeyId: journeyIdForFollowOn(ended.journeyId, journey),
        journey,
        input: ended.input,
        parentJourneyId: ended.journeyId,
      }),
    ),
  ];
}

async function writeManifest(ended: EndedJourney, deps: DeliveryManagerDeps, key: string): Promise<ArtifactRef> {
  const manifest = {
    manifestVersion: 1,
    journeyId: ended.journeyId,
    useCase: ended.useCase,
    journey: ended.journey,
    outcome: ended.outcome,
    input: ended.input,
    ...(ended.error ? { error: ended.error, failedStep: ended.failedStep } : {}),
    steps: ended.steps.map((step) => ({
      name: step.name,
      attempts: step.attempts,
      startedAt: step.startedAt,
      endedAt: step.endedAt,
      durationMs: Date.parse(step.endedAt) - Date.parse(step.startedAt),
      summary: step.summary,
      artifacts: step.artifacts.map(({ name, bucket, key: artifactKey, sha256, size, contentType }) => ({
        name,
        bucket,
        key: artifactKey,
        sha256,
        size,
        contentType,
      })),
    })),
  };
  return writeArtifactOnce(deps.store, {
    bucket: deps.config.artifactBucket,
    key,
    name: 'delivery-manifest.json',
    step: 'delivery',
    body: `${JSON.stringify(manifest, null, 2)}\n`,
    contentType: 'application/json',
  });
}

async function composeNotice(ended: EndedJourney, deps: DeliveryManagerDeps): Promise<DeliveryNotice> {
  const written = ended.steps
    .flatMap((s) => s.artifacts)
    .filter((a) => a.name === NOTIFICATION_ARTIFACT)
    .pop();
  if (written && ended.outcome === 'completed') {
    const object = await deps.store.get(written.bucket, written.key);
    if (object) {
      const notice = asNotification(JSON.parse(new TextDecoder().decode(object.body)));
      if (notice) return notice;
    }
  }
  const summary: DeliverySummary = {
    journeyId: ended.journeyId,
    useCase: ended.useCase,
    journey: ended.journey,
    inputKey: ended.input.key,
    outcome: ended.outcome,
    summaries: Object.fromEntries(ended.steps.map((s) => [s.name, s.summary])),
    ...(ended.error ? { error: ended.error } : {}),
  };
  return deps.registry.useCase(ended.useCase)?.describeDelivery?.(summary) ?? genericNotice(summary);
}

export function genericNotice(summary: DeliverySummary): DeliveryNotice {
  const file = summary.inputKey.split('/').pop() ?? summary.inputKey;
  if (summary.outcome === 'completed') {
    return {
      subject: `${file}: ${summary.journey} journey completed`,
      message: `The ${summary.useCase} ${summary.journey} journey for ${summary.inputKey} completed.`,
    };
  }
  return {
    subject: `${file}: ${summary.journey} journey ${summary.outcome}`,
    message: `The ${summary.useCase} ${summary.journey} journey for ${summary.inputKey} ${summary.outcome}: ${summary.error?.message ?? 'no reason given'} (${summary.error?.code ?? 'unknown'}). The original upload was left untouched.`,
  };
}
