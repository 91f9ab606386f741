import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { listingOf, type JourneyListing } from './journey-listing.js';
import { foldJourney, type JourneyView } from './journey-state.js';

/** A journey known by its listing alone, with the means to fetch its events when more is asked. */
interface KnownByListing {
  listing: JourneyListing;
  load: () => EventBridgeEnvelope[];
}

/**
 * Events grouped by the journey they belong to, in arrival order, folded on demand into journey
 * views. `maxJourneys` bounds a long-lived process: the journeys heard of longest ago are forgotten.
 * A journey may also be known by its listing alone (restored from a checkpoint): its events are
 * fetched the first time more is needed, so a long history costs nothing until it is read.
 */
export class JourneyEventIndex {
  private readonly eventsByJourney = new Map<string, EventBridgeEnvelope[] | KnownByListing>();

  constructor(private readonly maxJourneys = Number.POSITIVE_INFINITY) {}

  add(event: EventBridgeEnvelope): void {
    const journeyId = (event.detail as { journeyId?: unknown } | null)?.journeyId;
    if (typeof journeyId !== 'string') return;
    const list = this.loaded(journeyId);
    if (list) {
      list.push(event);
      return;
    }
    this.remember(journeyId, [event]);
  }

  /** Knows a journey by its listing; `load` gives its events, oldest first, when they are needed. */
  addListing(listing: JourneyListing, load: () => EventBridgeEnvelope[]): void {
    this.remember(listing.journeyId, { listing, load });
  }

  /** Every journey's listing, without folding or parsing the journeys known only by one. */
  listings(): JourneyListing[] {
    return [...this.eventsByJourney].flatMap(([id, entry]) => {
      if (!Array.isArray(entry)) return [entry.listing];
      const view = foldJourney(id, entry);
      return view ? [listingOf(view)] : [];
    });
  }

  events(journeyId: string): EventBridgeEnvelope[] {
    return [...(this.loaded(journeyId) ?? [])];
  }

  journey(journeyId: string): JourneyView | undefined {
    return foldJourney(journeyId, this.loaded(journeyId) ?? []);
  }

  journeys(): JourneyView[] {
    return [...this.eventsByJourney.keys()].map((id) => this.journey(id)).filter((v): v is JourneyView => v !== undefined);
  }

  private loaded(journeyId: string): EventBridgeEnvelope[] | undefined {
    const entry = this.eventsByJourney.get(journeyId);
    if (!entry || Array.isArray(entry)) return entry;
    const events = entry.load();
    this.eventsByJourney.set(journeyId, events);
    return events;
  }

  private remember(journeyId: string, entry: EventBridgeEnvelope[] | KnownByListing): void {
    if (this.eventsByJourney.size >= this.maxJourneys) this.eventsByJourney.delete(this.eventsByJourney.keys().next().value!);
    this.eventsByJourney.set(journeyId, entry);
  }
}
