import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EventDraft } from '#events/platform-event.js';
import type { EventPublisher } from '#domain/ports/event-publisher.js';

/** PutEvents takes at most 10 entries per call. */
const MAX_ENTRIES_PER_CALL = 10;

/**
 * Publishes platform events on the stage's custom bus; a partially failed PutEvents is an error.
 * Each entry carries the X-Ray header of the publishing segment when there is one: EventBridge
 * hands it to the rule's queue (as the message's AWSTraceHeader), and X-Ray links the consuming
 * function's trace to it, so a journey's hops read as one trace.
 */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    private readonly traceHeader: () => string | undefined = () => undefined,
  ) {}

  async publish(events: readonly EventDraft[]): Promise<void> {
    for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_CALL) {
      const batch = events.slice(i, i + MAX_ENTRIES_PER_CALL);
      const traceHeader = this.traceHeader();
      const out = await this.client.send(
        new PutEventsCommand({
          Entries: batch.map((event) => ({
            EventBusName: this.busName,
            Source: event.source,
            DetailType: event.detailType,
            Detail: JSON.stringify(event.detail),
            Resources: event.resources,
            ...(traceHeader ? { TraceHeader: traceHeader } : {}),
          })),
        }),
      );
      if (out.FailedEntryCount) {
        const reasons = (out.Entries ?? []).filter((e) => e.ErrorCode).map((e) => `${e.ErrorCode}: ${e.ErrorMessage}`);
        throw new Error(`PutEvents rejected ${out.FailedEntryCount} of ${batch.length} events: ${reasons.join('; ')}`);
      }
    }
  }
}
