import type { EventDraft } from '#events/platform-event.js';

/** Puts events on the platform bus (EventBridge PutEvents, or the embedded bus). */
export interface EventPublisher {
  publish(events: readonly EventDraft[]): Promise<void>;
}
