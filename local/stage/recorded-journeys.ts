import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import { inCausalOrder, JOURNEY_RECORD_PREFIX, journeyEventsPrefix } from '#domain/journeys/journey-record.js';
import { foldJourney, type JourneyView } from '#domain/journeys/journey-state.js';
import type { ObjectStore } from '#domain/ports/object-store.js';

/**
 * Where a deployed stage's journey recorder keeps every event, whichever process or Lambda
 * published it: the artifact bucket. A CloudStage is one; `serve --aws` names its own.
 */
export interface JourneyRecords {
  store: ObjectStore;
  artifactBucket: string;
}

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
export async function recordedJourneyIds(records: { s3: S3Client; artifactBucket: string }): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const out = await records.s3.send(
      new ListObjectsV2Command({ Bucket: records.artifactBucket, Prefix: JOURNEY_RECORD_PREFIX, Delimiter: '/', ContinuationToken: token }),
    );
    for (const prefix of out.CommonPrefixes ?? []) {
      const id = prefix.Prefix?.slice(JOURNEY_RECORD_PREFIX.length).replace(/\/$/, '');
      if (id) ids.push(id);
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return ids;
}

/** One recorded event; an object that is not one (half written, foreign) is left out rather than failing the journey. */
function parseRecordedEvent(body: Uint8Array): EventBridgeEnvelope | undefined {
  try {
    const parsed = eventBridgeEnvelope.safeParse(JSON.parse(new TextDecoder().decode(body)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A journey's recorded events, in the order they happened (none for an id that cannot be one). */
export async function recordedEvents(records: JourneyRecords, journeyId: string): Promise<EventBridgeEnvelope[]> {
  if (!/^[\w.-]+$/.test(journeyId)) return [];
  const heads = await records.store.list(records.artifactBucket, journeyEventsPrefix(journeyId));
  const events = await mapLimited(heads, PARALLEL_READS, async (head) => {
    const object = await records.store.get(records.artifactBucket, head.key);
    return object ? parseRecordedEvent(object.body) : undefined;
  });
  return inCausalOrder(events.filter((e): e is EventBridgeEnvelope => e !== undefined));
}

/** A journey rebuilt from its record alone; undefined when nothing is recorded for it (no recorder deployed, or not yet). */
export async function recordedJourney(records: JourneyRecords, journeyId: string): Promise<JourneyView | undefined> {
  return foldJourney(journeyId, await recordedEvents(records, journeyId));
}

export async function recordedJourneys(records: JourneyRecords & { s3: S3Client }): Promise<JourneyView[]> {
  const ids = await recordedJourneyIds(records);
  const views = await mapLimited(ids, 4, (id) => recordedJourney(records, id));
  return views.filter((v): v is JourneyView => v !== undefined);
}
