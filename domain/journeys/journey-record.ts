/**
 * The journey record: every platform event kept in the artifact bucket, one object per event,
 * so a journey can be rebuilt from storage alone (no bus, no journal, no database):
 *
 *   journeys/<journey-id>/events/<event time>-<event id>.json
 *
 * Each object is written once; a redelivered event finds its object already there.
 */
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { PreconditionFailedError, type ObjectStore } from '#domain/ports/object-store.js';

export const JOURNEY_RECORD_PREFIX = 'journeys/';
const EVENTS_FOLDER = 'events/';

export class UnrecordableEventError extends Error {
  override readonly name = 'UnrecordableEventError';
}

export function journeyEventsPrefix(journeyId: string): string {
  return `${JOURNEY_RECORD_PREFIX}${journeyId}/${EVENTS_FOLDER}`;
}

/** The journey id in a recorded event's key, or undefined for keys that are not recorded events. */
export function journeyIdOfRecordKey(key: string): string | undefined {
  if (!key.startsWith(JOURNEY_RECORD_PREFIX)) return undefined;
  const [journeyId, folder] = key.slice(JOURNEY_RECORD_PREFIX.length).split('/');
  return journeyId && folder === 'events' ? journeyId : undefined;
}

export function recordedEventKey(event: EventBridgeEnvelope): string {
  const journeyId = (event.detail as { journeyId?: unknown } | null)?.journeyId;
  if (typeof journeyId !== 'string' || !/^[\w.-]+$/.test(journeyId)) {
    throw new UnrecordableEventError(`event ${event.id} (${event['detail-type']}) carries no usable journeyId`);
  }
  // Time first, so a plain listing of the folder comes back roughly in order.
  return `${journeyEventsPrefix(journeyId)}${event.time}-${event.id}.json`;
}

/** A journey's recorded events, in the order they happened (empty for an id that cannot be one). */
export async function readRecordedEvents(store: ObjectStore, bucket: string, journeyId: string): Promise<EventBridgeEnvelope[]> {
  if (!/^[\w.-]+$/.test(journeyId)) return [];
  const events: EventBridgeEnvelope[] = [];
  for (const head of await store.list(bucket, journeyEventsPrefix(journeyId))) {
    const object = await store.get(bucket, head.key);
    if (object) events.push(JSON.parse(new TextDecoder().decode(object.body)) as EventBridgeEnvelope);
  }
  return inCausalOrder(events);
}

/** Writes the event once; returns false when it was already recorded (a redelivery). */
export async function recordEvent(event: EventBridgeEnvelope, deps: { store: ObjectStore; bucket: string }): Promise<boolean> {
  try {
    await deps.store.put(deps.bucket, recordedEventKey(event), JSON.stringify(event), { ifNoneMatch: '*', contentType: 'application/json' });
    return true;
  } catch (error) {
    if (error instanceof PreconditionFailedError) return false;
    throw error;
  }
}

/**
 * Puts recorded events back in the order they happened. Event times have whole-second
 * precision, so time alone cannot order a fast journey; every platform event names the event
 * it reacted to (`causationId`), so causes come before their effects, and events with the same
 * cause keep time order, a journey's opening event first (the experience manager publishes
 * `Journey Started` with the first step's request), then attempt order.
 */
export function inCausalOrder(events: readonly EventBridgeEnvelope[]): EventBridgeEnvelope[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const children = new Map<string, EventBridgeEnvelope[]>();
  const roots: EventBridgeEnvelope[] = [];
  for (const event of byId.values()) {
    const cause = (event.detail as { causationId?: unknown } | null)?.causationId;
    if (typeof cause === 'string' && cause !== event.id && byId.has(cause)) {
      const list = children.get(cause);
      if (list) list.push(event);
      else children.set(cause, [event]);
    } else {
      roots.push(event);
    }
  }
  const ordered: EventBridgeEnvelope[] = [];
  const visited = new Set<string>();
  // Iterative, so a long journey cannot exhaust the stack.
  const stack = sortSiblings(roots).reverse();
  while (stack.length) {
    const event = stack.pop()!;
    if (visited.has(event.id)) continue;
    visited.add(event.id);
    ordered.push(event);
    stack.push(...sortSiblings(children.get(event.id) ?? []).reverse());
  }
  return ordered;
}

const OPENING_EVENTS = new Set(['Journey Started', 'Upload Rejected']);

function sortSiblings(events: EventBridgeEnvelope[]): EventBridgeEnvelope[] {
  const opening = (e: EventBridgeEnvelope) => (OPENING_EVENTS.has(e['detail-type']) ? 0 : 1);
  const attempt = (e: EventBridgeEnvelope) => {
    const detail = e.detail as { attempt?: unknown; record?: { attempts?: unknown } } | null;
    return Number(detail?.attempt ?? detail?.record?.attempts ?? 0);
  };
  return [...events].sort((a, b) => a.time.localeCompare(b.time) || opening(a) - opening(b) || attempt(a) - attempt(b) || a.id.localeCompare(b.id));
}
