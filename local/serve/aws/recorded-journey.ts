import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import { inCausalOrder, journeyEventsPrefix } from '#domain/journeys/journey-record.js';
import { foldJourney, type JourneyView } from '#domain/journeys/journey-state.js';
import type { ObjectStore } from '#domain/ports/object-store.js';

/**
 * A journey as the stage's journey recorder kept it in the artifact bucket: every event,
 * whichever process or Lambda published it, folded in causal order. Undefined when nothing
 * was recorded (no recorder deployed, or not yet).
 */
export async function readRecordedJourney(store: ObjectStore, bucket: string, journeyId: string): Promise<JourneyView | undefined> {
  if (!/^[\w.-]+$/.test(journeyId)) return undefined;
  const heads = await store.list(bucket, journeyEventsPrefix(journeyId));
  if (heads.length === 0) return undefined;
  const events = await Promise.all(
    heads.map(async (head): Promise<EventBridgeEnvelope | undefined> => {
      const object = await store.get(bucket, head.key);
      if (!object) return undefined;
      try {
        const parsed = eventBridgeEnvelope.safeParse(JSON.parse(new TextDecoder().decode(object.body)));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return foldJourney(journeyId, inCausalOrder(events.filter((e): e is EventBridgeEnvelope => e !== undefined)));
}
