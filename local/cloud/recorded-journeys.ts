import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import { inCausalOrder, JOURNEY_RECORD_PREFIX, journeyEventsPrefix } from '#domain/journeys/journey-record.js';
import { foldJourney, type JourneyView } from '#domain/journeys/journey-state.js';
import type { CloudStage } from './cloud-stage.js';

/** Objects fetched at once: enough to hide S3's latency, few enough not to be throttled. */
const PARALLEL_READS = 16;

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every journey id with a record (one prefix per journey under journeys/). */
export async function recordedJourneyIds(stage: CloudStage): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const out = await stage.s3.send(new ListObjectsV2Command({ Bucket: stage.artifactBucket, Prefix: JOURNEY_RECORD_PREFIX, Delimiter: '/', ContinuationToken: token }));
    for (const prefix of out.CommonPrefixes ?? []) {
      const id = prefix.Prefix?.slice(JOURNEY_RECORD_PREFIX.length).replace(/\/$/, '');
      if (id) ids.push(id);
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return ids;
}

/** A journey's recorded events, in the order they happened. */
export async function recordedEvents(stage: CloudStage, journeyId: string): Promise<EventBridgeEnvelope[]> {
  if (!/^[\w.-]+$/.test(journeyId)) return [];
  const heads = await stage.store.list(stage.artifactBucket, journeyEventsPrefix(journeyId));
  const events = await mapLimited(heads, PARALLEL_READS, async (head) => {
    const object = await stage.store.get(stage.artifactBucket, head.key);
    if (!object) return undefined;
    const parsed = eventBridgeEnvelope.safeParse(JSON.parse(new TextDecoder().decode(object.body)));
    return parsed.success ? parsed.data : undefined;
  });
  return inCausalOrder(events.filter((e): e is EventBridgeEnvelope => e !== undefined));
}

/** A journey rebuilt from its record alone; undefined when nothing is recorded for it. */
export async function recordedJourney(stage: CloudStage, journeyId: string): Promise<JourneyView | undefined> {
  return foldJourney(journeyId, await recordedEvents(stage, journeyId));
}

export async function recordedJourneys(stage: CloudStage): Promise<JourneyView[]> {
  const ids = await recordedJourneyIds(stage);
  const views = await mapLimited(ids, 4, (id) => recordedJourney(stage, id));
  return views.filter((v): v is JourneyView => v !== undefined);
}
