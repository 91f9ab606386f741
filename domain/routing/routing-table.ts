import { PLATFORM_SOURCE } from '#events/platform-event.js';
import { S3ObjectCreated } from '#events/s3-object-created.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyShardCompleted } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyRequested } from '#events/journey-requested.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { UploadRejected } from '#events/upload-rejected.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { UPLOAD_PREFIX } from '#domain/uploads/upload-key.js';

/** The default bus receives AWS service events (S3); the platform bus carries our own. */
export type BusRole = 'default' | 'platform';

export interface Route {
  /** Rule name, unique per stage; also names the rule's queue. */
  rule: string;
  bus: BusRole;
  /** An EventBridge event pattern, deployed unchanged as the rule's EventPattern. */
  pattern: Record<string, unknown>;
  /** The function the rule's queue feeds (kebab-case, equal to its folder under functions/). */
  target: string;
  /** For step functions: the step it runs. */
  step?: string;
  description: string;
}

export const EXPERIENCE_MANAGER = 'experience-manager';
export const DELIVERY_MANAGER = 'delivery-manager';
export const JOURNEY_RECORDER = 'journey-recorder';
/** Reads every function's dead-letter queue (not a rule's target): keeps each message and fails its journey. */
export const DEAD_LETTER_RECORDER = 'dead-letter-recorder';
/** Runs on a schedule (not a rule's target): fails journeys that stopped moving past their deadline. */
export const JOURNEY_SWEEPER = 'journey-sweeper';

export function functionNameForStep(step: string): string {
  return step.replace(/_/g, '-');
}

/**
 * The one source of truth for which event reaches which function. The embedded runtime routes
 * with it and serverless.yml deploys it, so local and cloud cannot drift apart.
 */
export function routingTable(registry: UseCaseRegistry, settings: { uploadBucket: string }): Route[] {
  const routes: Route[] = [
    {
      rule: 'experience-manager-uploads',
      bus: 'default',
      pattern: {
        source: [S3ObjectCreated.source],
        'detail-type': [S3ObjectCreated.detailType],
        detail: { bucket: { name: [settings.uploadBucket] }, object: { key: [{ prefix: UPLOAD_PREFIX }] } },
      },
      target: EXPERIENCE_MANAGER,
      description: 'an upload lands in the upload bucket: resolve its use case and start its journey',
    },
    {
      rule: 'experience-manager-progress',
      bus: 'platform',
      pattern: {
        source: [PLATFORM_SOURCE],
        'detail-type': [JourneyStepCompleted.detailType, JourneyStepFailed.detailType, JourneyRequested.detailType],
      },
      target: EXPERIENCE_MANAGER,
      description: 'a step finished or failed, or a follow-on journey was asked for: request the next step or end the journey',
    },
    {
      rule: 'delivery-manager-outcomes',
      bus: 'platform',
      pattern: {
        source: [PLATFORM_SOURCE],
        'detail-type': [JourneyCompleted.detailType, JourneyFailed.detailType, UploadRejected.detailType],
      },
      target: DELIVERY_MANAGER,
      description: 'a journey ended: write its manifest, send its notification, start follow-on journeys',
    },
    {
      rule: 'journey-recorder-events',
      bus: 'platform',
      pattern: { source: [PLATFORM_SOURCE] },
      target: JOURNEY_RECORDER,
      description: 'any platform event: keep it under journeys/<journey-id>/events/ so a journey can be rebuilt from storage alone',
    },
  ];
  const seen = new Set<string>();
  for (const { definition, useCase, journey } of registry.steps()) {
    if (seen.has(definition.name)) continue;
    seen.add(definition.name);
    routes.push({
      rule: `step-${functionNameForStep(definition.name)}`,
      bus: 'platform',
      pattern: {
        source: [PLATFORM_SOURCE],
        'detail-type': [
          JourneyStepRequested.detailType,
          ...(definition.profilesInShards ? [JourneyShardRequested.detailType, JourneyShardCompleted.detailType] : []),
        ],
        detail: { step: [definition.name] },
      },
      target: functionNameForStep(definition.name),
      step: definition.name,
      description: `${useCase}/${journey}: ${definition.description}`,
    });
  }
  return routes;
}
