import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { foldJourney, type JourneyView } from './journey-state.js';

/**
 * Events grouped by the journey they belong to, in arrival order, folded on demand into journey
 * views. `maxJourneys` bounds a long-lived process: the journeys heard of longest ago are forgotten.
 */
export class JourneyEventIndex {
  private readonly eventsByJourney = new Map<string, EventBridgeEnvelope[]>();

  constructor(private readonly maxJourneys = Number.POSITIVE_INFINITY) {}

  add(event: EventBridgeEnvelope): void {
    const journeyId = (event.detail as { journeyId?: unknown } | null)?.journeyId;
    if (typeof journeyId !== 'string') return;
    const list = this.eventsByJourney.get(journeyId);
    if (list) {
      list.push(event);
      return;
    }
    if (this.eventsByJourney.size >= this.maxJourneys) this.eventsByJourney.delete(this.eventsByJourney.keys().next().value!);
    this.eventsByJourney.set(journeyId, [event]);
  }

  events(journeyId: string): EventBridgeEnvelope[] {
    return [...(this.eventsByJourney.get(journeyId) ?? [])];
  }

  journey(journeyId: string): JourneyView | undefined {
    return foldJourney(journeyId, this.eventsByJourney.get(journeyId) ?? []);
  }

  journeys(): JourneyView[] {
    return [...this.eventsByJourney.keys()].map((id) => this.journey(id)).filter((v): v is JourneyView => v !== undefined);
  }
}
