/**
 * What each routing target may touch: which events it publishes and which artifact-bucket keys it
 * reads, writes and deletes. The cloud roles are built from this (deploy/serverless/
 * routing-resources.cjs), and every runtime holds a function to it (`withinAccess`), so a
 * function that starts writing somewhere new fails its tests before a deployed role refuses it.
 *
 * Key patterns use `*` as IAM does: any run of characters, `/` included.
 */
import { PLATFORM_SOURCE } from '#events/platform-event.js';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyShardCompleted } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { JourneyDelivered } from '#events/journey-delivered.js';
import { JourneyRequested } from '#events/journey-requested.js';
import { UploadRejected } from '#events/upload-rejected.js';
import { JOURNEY_RECORD_PREFIX } from '#domain/journeys/journey-record.js';
import { deliveryPrefix } from '#domain/managers/delivery-manager.js';
import { NOTIFICATION_ARTIFACT } from '#domain/delivery/notification.js';
import { DELIVERY_MANAGER, EXPERIENCE_MANAGER, functionNameForStep, JOURNEY_RECORDER } from '#domain/routing/routing-table.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { ATTEMPT_OUTCOME_PREFIX, DEAD_LETTER_PREFIX } from '#domain/journeys/dead-letter.js';
import { DEAD_LETTER_RECORDER, JOURNEY_SWEEPER } from '#domain/routing/routing-table.js';
import { RUNNING_PREFIX } from '#domain/journeys/journey-deadline.js';
import { IDEMPOTENCY_PREFIX } from './idempotency.js';

export interface FunctionAccess {
  /** Detail-types it puts on the stage bus, all with source {@link PLATFORM_SOURCE}; empty: it publishes nothing. */
  publishes: string[];
  /** Reads objects in the upload bucket (the upload, its metadata, a mapping file beside it). */
  readsUploads: boolean;
  /** Key patterns in the artifact bucket. */
  artifacts: { read: string[]; write: string[]; delete: string[] };
}

/** The source every published event carries. */
export const PUBLISHED_SOURCE = PLATFORM_SOURCE;

/** Its own idempotency claims: `sqsEventFunction` keys them by the function's name. */
const claims = (target: string) => `${IDEMPOTENCY_PREFIX}${target}/*`;
/** Where it notes an attempt that failed, for the dead-letter recorder (sqs-event-function.ts). */
const outcomes = (target: string) => `${ATTEMPT_OUTCOME_PREFIX}${target}/*`;
/** What the replay gate looks at before any function handles a replayed event. */
const deliveredMarkers = `${deliveryPrefix('*')}${NOTIFICATION_ARTIFACT}`;
const deliveries = `${deliveryPrefix('*')}*`;
const recordedEvents = `${JOURNEY_RECORD_PREFIX}*/events/*`;
const runningMarkers = `${RUNNING_PREFIX}*`;

/** Where a step writes: `journeys/<journey-id>/<step>/...` (step-context.ts) and its declared key prefixes. */
function stepWrites(definition: { name: string; keyPrefixes?: readonly string[] }): string[] {
  return [`${JOURNEY_RECORD_PREFIX}*/${definition.name}/*`, ...(definition.keyPrefixes ?? []).map((prefix) => `${prefix}*`)];
}

/** Every routing target's access, by target name (the function's name). */
export function functionAccess(registry: UseCaseRegistry): Record<string, FunctionAccess> {
  const steps = registry.steps();
  const allStepWrites = [...new Set(steps.flatMap(({ definition }) => stepWrites(definition)))];
  const shardPlans = [
    ...new Set(steps.filter(({ definition }) => definition.profilesInShards).map(({ definition }) => `${JOURNEY_RECORD_PREFIX}*/${definition.name}/shards/*`)),
  ];
  const access: Record<string, FunctionAccess> = {
    [EXPERIENCE_MANAGER]: {
      publishes: [JourneyStarted, JourneyStepRequested, JourneyCompleted, JourneyFailed, UploadRejected].map((c) => c.detailType),
      // It looks at an upload's metadata to resolve its use case.
      readsUploads: true,
      artifacts: {
        read: [deliveredMarkers, claims(EXPERIENCE_MANAGER)],
        write: [claims(EXPERIENCE_MANAGER), outcomes(EXPERIENCE_MANAGER)],
        delete: [claims(EXPERIENCE_MANAGER)],
      },
    },
    [DELIVERY_MANAGER]: {
      publishes: [JourneyDelivered, JourneyRequested].map((c) => c.detailType),
      readsUploads: false,
      // It reads the notification a step may have left, wherever that step writes.
      artifacts: {
        read: [...allStepWrites, deliveries, claims(DELIVERY_MANAGER)],
        write: [deliveries, claims(DELIVERY_MANAGER), outcomes(DELIVERY_MANAGER)],
        delete: [claims(DELIVERY_MANAGER)],
      },
    },
    [JOURNEY_RECORDER]: {
      publishes: [],
      readsUploads: false,
      // Write-once by event id, so it takes no claims (journey-recorder-function.ts).
      artifacts: { read: [deliveredMarkers], write: [recordedEvents, runningMarkers, outcomes(JOURNEY_RECORDER)], delete: [runningMarkers] },
    },
    [JOURNEY_SWEEPER]: {
      publishes: [JourneyFailed.detailType],
      readsUploads: false,
      artifacts: { read: [runningMarkers, recordedEvents], write: [], delete: [runningMarkers] },
    },
    [DEAD_LETTER_RECORDER]: {
      // It fails the journey of a step request that died without saying so.
      publishes: [JourneyStepFailed.detailType],
      readsUploads: false,
      artifacts: {
        // A shard that died is told to its step through the fan-out's plan, which holds the step request.
        read: [`${ATTEMPT_OUTCOME_PREFIX}*`, `${DEAD_LETTER_PREFIX}*`, deliveredMarkers, ...shardPlans],
        write: [`${DEAD_LETTER_PREFIX}*`, outcomes(DEAD_LETTER_RECORDER)],
        delete: [],
      },
    },
  };
  for (const step of steps) {
    const target = functionNameForStep(step.definition.name);
    // A step reads the artifacts of the steps of its own journey (the earlier ones, and its own
    // when a redelivery finds them already written).
    const journeyWrites = steps.filter((s) => s.useCase === step.useCase && s.journey === step.journey).flatMap(({ definition }) => stepWrites(definition));
    access[target] = {
      publishes: [
        JourneyStepCompleted,
        JourneyStepFailed,
        // A step that profiles in shards asks its own function for them, and reports each read.
        ...(step.definition.profilesInShards ? [JourneyShardRequested, JourneyShardCompleted] : []),
      ].map((c) => c.detailType),
      readsUploads: true,
      artifacts: {
        read: [...new Set([...journeyWrites, deliveredMarkers, claims(target)])],
        write: [...stepWrites(step.definition), claims(target), outcomes(target)],
        // A step merged from shards deletes their partial results once it has run on them.
        delete: [claims(target), ...(step.definition.profilesInShards ? [`${JOURNEY_RECORD_PREFIX}*/${step.definition.name}/shards/*/partial-*`] : [])],
      },
    };
  }
  return access;
}

/** True when the key matches one of the patterns. */
export function keyMatches(patterns: readonly string[], key: string): boolean {
  return patterns.some((pattern) => patternRegExp(pattern).test(key));
}

const compiled = new Map<string, RegExp>();
function patternRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
      's',
    );
    compiled.set(pattern, re);
  }
  return re;
}
