import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { JourneyListing } from '#domain/journeys/journey-listing.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';

/**
 * What redrive and the dead-letter commands need of a tier: the embedded runtime, or a deployed
 * stage (emulator or AWS). The commands are written once against this.
 */
export interface JourneyOperations {
  /** Where the platform keeps its artifacts, dead letters among them. */
  store: ObjectStore;
  artifactBucket: string;
  journey(journeyId: string): Promise<{ view: JourneyView; events: EventBridgeEnvelope[] } | undefined>;
  listings(): Promise<JourneyListing[]>;
  /** Puts events on the platform bus. */
  publish(drafts: readonly EventDraft[]): Promise<void>;
  /** Sends a message body to a function's queue again; returns the new message id. */
  resend(functionName: string, body: string): Promise<string>;
  /** Messages still in the dead-letter queues, not yet kept by the recorder, by function (the cloud only). */
  queuedDeadLetters?(): Promise<Record<string, number>>;
}
