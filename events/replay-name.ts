import type { EventBridgeEnvelope } from './platform-event.js';
import { JourneyRequested } from './journey-requested.js';
import { S3ObjectCreated } from './s3-object-created.js';

/**
 * EventBridge stamps `replay-name` on every event it re-sends from an archive, and the event
 * itself cannot be changed on the way: the replay's name is the only channel a replay has to its
 * consumers. A name starting with `as-new-` asks for the journeys it triggers to run again under
 * fresh journey ids; any other name re-drives what has not finished and leaves delivered
 * journeys alone.
 */
export const AS_NEW_REPLAY_PREFIX = 'as-new-';

/** What EventBridge accepts as a replay name. */
export const REPLAY_NAME_PATTERN = /^[.\-_A-Za-z0-9]{1,64}$/;

export function replayNameOf(envelope: Pick<EventBridgeEnvelope, 'replay-name'>): string | undefined {
  return envelope['replay-name'];
}

export function isAsNewReplay(envelope: Pick<EventBridgeEnvelope, 'replay-name'>): boolean {
  return envelope['replay-name']?.startsWith(AS_NEW_REPLAY_PREFIX) ?? false;
}

/** The events a journey starts from: an upload's `Object Created`, or a follow-on request. */
export function isJourneyTrigger(envelope: Pick<EventBridgeEnvelope, 'source' | 'detail-type'>): boolean {
  return S3ObjectCreated.describes(envelope) || JourneyRequested.describes(envelope);
}
