import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { isAsNewReplay, isJourneyTrigger, replayNameOf } from '#events/replay-name.js';
import { journeyDelivered } from '#domain/managers/delivery-manager.js';
import type { FunctionPorts } from './function-ports.js';

/**
 * True for a replayed event (EventBridge's `replay-name`) of a journey that has been delivered:
 * handling it again could only repeat finished work, so every function skips it. The trigger of
 * an as-new replay passes, because it starts a journey under a fresh id.
 */
export async function isReplayOfDeliveredJourney(envelope: EventBridgeEnvelope, ports: Pick<FunctionPorts, 'store' | 'config'>): Promise<boolean> {
  if (!replayNameOf(envelope)) return false;
  if (isAsNewReplay(envelope) && isJourneyTrigger(envelope)) return false;
  const journeyId = (envelope.detail as { journeyId?: unknown } | null)?.journeyId;
  return typeof journeyId === 'string' && journeyDelivered(ports.store, ports.config.artifactBucket, journeyId);
}

/**
 * The idempotency key of a delivery. A bus may replay an event under its original id (MiniStack
 * does; AWS gives replayed events new ids), so the replay's name is part of the key: otherwise
 * the original's claim would swallow every replay of it.
 */
export function deliveryKey(envelope: EventBridgeEnvelope): string {
  const replayName = replayNameOf(envelope);
  return replayName ? `${envelope.id}@${replayName}` : envelope.id;
}
