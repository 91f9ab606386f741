import { randomUUID } from 'node:crypto';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import type { EventPublisher } from '#domain/ports/event-publisher.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { JourneyEventIndex } from '#domain/journeys/journey-event-index.js';

/**
 * The journeys this process has taken part in, folded from the events its functions published.
 * A deployed stage keeps no journal the server could read, and every event a journey is made of
 * (started, step requested/completed/failed, ended, delivered) is published by one of the
 * functions this process hosts; with several replicas each sees the journeys it worked on.
 */
export class JourneyIndex {
  private readonly journeyEvents: JourneyEventIndex;
  private readonly listeners = new Set<(event: EventBridgeEnvelope) => void>();

  constructor(private readonly settings: { region: string; maxJourneys?: number }) {
    // Bounded memory for a long-lived process: forget the journeys heard of longest ago.
    this.journeyEvents = new JourneyEventIndex(settings.maxJourneys ?? 10_000);
  }

  /** A publisher that records what `inner` published once PutEvents accepted it. */
  tap(inner: EventPublisher): EventPublisher {
    return {
      publish: async (drafts: readonly EventDraft[]) => {
        await inner.publish(drafts);
        for (const draft of drafts) this.add(this.envelope(draft));
      },
    };
  }

  private envelope(draft: EventDraft): EventBridgeEnvelope {
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': draft.detailType,
      source: draft.source,
      account: '',
      time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.settings.region,
      resources: draft.resources ?? [],
      detail: draft.detail,
    };
  }

  private add(event: EventBridgeEnvelope): void {
    this.journeyEvents.add(event);
    for (const listener of this.listeners) listener(event);
  }

  onEvent(listener: (event: EventBridgeEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  journey(journeyId: string): JourneyView | undefined {
    return this.journeyEvents.journey(journeyId);
  }

  journeys(): JourneyView[] {
    return this.journeyEvents.journeys();
  }
}
