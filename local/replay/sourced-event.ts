import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { BusRole } from '#domain/routing/routing-table.js';

/** An event to replay, the bus it goes on, and where it was found (for messages). */
export interface SourcedEvent {
  event: EventBridgeEnvelope;
  bus: BusRole;
  origin: string;
}

/** AWS services (S3) put their events on the default bus; the platform's own go on its bus. */
export function busOf(event: Pick<EventBridgeEnvelope, 'source'>): BusRole {
  return event.source.startsWith('aws.') ? 'default' : 'platform';
}
