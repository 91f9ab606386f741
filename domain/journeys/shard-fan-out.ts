import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { JourneyStepRequested, type JourneyStepRequestedDetail } from '#events/journey-step-requested.js';
import { JourneyShardRequested, type JourneyShardRequestedDetail } from '#events/journey-shard-requested.js';
import { JourneyShardCompleted, type JourneyShardCompletedDetail } from '#events/journey-shard-completed.js';
import type { ShardPosition } from '#events/shard-position.js';
import { stepPosition } from '#domain/journeys/run-step.js';
import { PreconditionFailedError, type ObjectStore } from '#domain/ports/object-store.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { ShardedProfiler } from '#domain/ports/sharded-profiler.js';
import {
  decodeProfileShardPartial,
  encodeProfileShardPartial,
  mergeProfileShards,
  planProfileShards,
  readProfileShard,
  type ProfileShardLayout,
} from '#domain/sharding/profile-fan-out.js';

/**
 * What a step's fan-out keeps in the artifact bucket while its shards are read: the request it
 * came from (the merge runs the step with it), and the layout every shard reads by.
 */
export interface ShardFanOutPlan {
  request: EventBridgeEnvelope;
  layout: ProfileShardLayout;
}

const decoder = new TextDecoder();

/**
 * `journeys/<journey-id>/<step>/shards/<run>/`: a redriven step fans out afresh under its own
 * run, so shards read before the redrive are never merged into it.
 */
export function shardFolder(journeyId: string, step: string, redrive: number | undefined): string {
  return `journeys/${journeyId}/${step}/shards/${redrive ?? 0}/`;
}

const planKeyIn = (folder: string) => `${folder}plan.json`;
const partialKey = (position: Pick<ShardPosition, 'planKey' | 'shard'>) =>
  `${position.planKey.replace(/plan\.json$/, '')}partial-${String(position.shard.index).padStart(6, '0')}.bin`;
const mergeClaimKey = (position: Pick<ShardPosition, 'planKey'>) => position.planKey.replace(/plan\.json$/, 'merge.claim');

/**
 * The shard requests a step request fans out into, or undefined when the step runs as it is: the
 * runtime does not fan out (no shard size), the step does not profile its input in shards, or the
 * input is not worth or able to be cut (one shard, over the limit, not delimited text). The plan
 * is written once: a redelivered request finds it and asks for the same shards.
 */
export async function fanOutStepRequest(
  envelope: EventBridgeEnvelope,
  request: JourneyStepRequestedDetail,
  deps: { store: ObjectStore; config: PlatformConfig; maxUploadBytes: number },
): Promise<EventDraft[] | undefined> {
  const { shardBytes, maxShards } = deps.config;
  if (!shardBytes) return undefined;
  const layout = await planProfileShards(deps.store, request.input, {
    shardBytes,
    ...(maxShards ? { maxShards } : {}),
    maxUploadBytes: deps.maxUploadBytes,
  });
  if (!layout) return undefined;
  const planKey = planKeyIn(shardFolder(request.journeyId, request.step, request.redrive));
  const plan: ShardFanOutPlan = { request: envelope, layout };
  try {
    await deps.store.put(deps.config.artifactBucket, planKey, JSON.stringify(plan), { contentType: 'application/json', ifNoneMatch: '*' });
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
  const stored = await readShardPlan(deps.store, deps.config.artifactBucket, planKey);
  const total = stored.layout.ranges.length;
  return stored.layout.ranges.map((range, index) =>
    JourneyShardRequested.draft({
      ...stepPosition(envelope, request),
      shard: { index, total, start: range.start, end: range.end },
      planKey,
    }),
  );
}

export async function readShardPlan(store: ObjectStore, bucket: string, planKey: string): Promise<ShardFanOutPlan> {
  const object = await store.get(bucket, planKey);
  if (!object) throw new Error(`the shard plan s3://${bucket}/${planKey} is missing`);
  return JSON.parse(decoder.decode(object.body)) as ShardFanOutPlan;
}

/**
 * Reads one requested shard and keeps its partial result beside the plan; the report says where
 * its read began and ended. A redelivered request that finds the partial written reports it again.
 */
export async function readRequestedShard(
  envelope: EventBridgeEnvelope,
  detail: JourneyShardRequestedDetail,
  attempt: number,
  deps: { store: ObjectStore; config: PlatformConfig },
): Promise<EventDraft> {
  const bucket = deps.config.artifactBucket;
  const key = partialKey(detail);
  const existing = await deps.store.get(bucket, key);
  let partial = existing && decodeProfileShardPartial(existing.body);
  if (!partial) {
    const { layout } = await readShardPlan(deps.store, bucket, detail.planKey);
    partial = await readProfileShard(deps.store, layout, detail.shard.index);
    try {
      await deps.store.put(bucket, key, encodeProfileShardPartial(partial), { contentType: 'application/octet-stream', ifNoneMatch: '*' });
    } catch (error) {
      // Another delivery of the same request wrote it first: the same shard, read the same way.
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  const read =
    'error' in partial
      ? { start: partial.scan.start, end: partial.scan.start, rows: 0 }
      : { start: partial.scan.start, end: partial.scan.end, rows: partial.scan.rows };
  return JourneyShardCompleted.draft({
    ...detail,
    causationId: envelope.id,
    read,
    ...('error' in partial ? { error: { code: partial.error.code, message: partial.error.message, details: partial.error.details } } : {}),
    attempts: attempt,
  });
}

/**
 * Once every shard of the plan has reported, the step request to run and a profiler that hands
 * the step the merged profile; undefined while shards are still out, or when another report
 * already started the merge (a retry of the report that claimed it goes on).
 */
export async function mergeWhenComplete(
  envelope: EventBridgeEnvelope,
  detail: JourneyShardCompletedDetail,
  deps: { store: ObjectStore; config: PlatformConfig },
): Promise<{ envelope: EventBridgeEnvelope; request: JourneyStepRequestedDetail; shardedProfiler: ShardedProfiler } | undefined> {
  const bucket = deps.config.artifactBucket;
  const folder = detail.planKey.replace(/plan\.json$/, '');
  const reported = (await deps.store.list(bucket, `${folder}partial-`)).length;
  if (reported < detail.shard.total) return undefined;
  const claimKey = mergeClaimKey(detail);
  try {
    await deps.store.put(bucket, claimKey, envelope.id, { contentType: 'text/plain', ifNoneMatch: '*' });
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const holder = await deps.store.get(bucket, claimKey);
    if (!holder || decoder.decode(holder.body) !== envelope.id) return undefined;
  }
  const plan = await readShardPlan(deps.store, bucket, detail.planKey);
  const request = JourneyStepRequested.parseDetail(plan.request);
  const shardedProfiler: ShardedProfiler = {
    async profile() {
      const merged = await mergeProfileShards(deps.store, plan.layout, async (index) => {
        const object = await deps.store.get(bucket, partialKey({ planKey: detail.planKey, shard: { ...detail.shard, index } }));
        if (!object) throw new Error(`shard ${index}'s partial result is missing from s3://${bucket}/${folder}`);
        return decodeProfileShardPartial(object.body);
      });
      // In the cloud each shard is an invocation of its own, as many at once as the function's queue allows.
      return { profile: merged.profile, shards: merged.shards, workers: merged.shards, rereads: merged.rereads, firstShard: merged.firstShard };
    },
    // The merged step profiles; a step that follows timestamps is not fanned out in the cloud and reads in one pass.
    followTimestamps: async () => undefined,
  };
  return { envelope: plan.request, request, shardedProfiler };
}

/** How many partial results are deleted at once once a merged step is done with them. */
const DELETES_AT_ONCE = 16;

/**
 * Deletes the partial results of a plan whose step has run on them; the plan and the merge's
 * claim stay, small, as the record of how the step was read. Only once the step is done: a
 * merge that failed and is retried reads them again.
 */
export async function deleteShardPartials(store: ObjectStore, bucket: string, planKey: string): Promise<number> {
  const folder = planKey.replace(/plan\.json$/, '');
  const partials = await store.list(bucket, `${folder}partial-`);
  for (let at = 0; at < partials.length; at += DELETES_AT_ONCE)
    await Promise.all(partials.slice(at, at + DELETES_AT_ONCE).map((partial) => store.delete(bucket, partial.key)));
  return partials.length;
}
