import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { PlatformHost } from './platform-host.js';

/** A journey is over for its uploader once it ended and the delivery manager handed it over. */
export function journeyIsOver(view: JourneyView | undefined): view is JourneyView {
  return view !== undefined && view.status !== 'running' && view.delivery !== null;
}

/**
 * Resolves with the journey once it is over, or with what is known of it when the wait times out
 * or is cut short (the server is shutting down). Driven by the journey's own events, not polling.
 */
export function waitForJourney(host: PlatformHost, journeyId: string, timeoutMs: number, cutShort: AbortSignal): Promise<JourneyView | undefined> {
  return new Promise((resolve) => {
    const finish = () => {
      unsubscribe();
      clearTimeout(timer);
      cutShort.removeEventListener('abort', finish);
      resolve(host.journey(journeyId));
    };
    const unsubscribe = host.onEvent((event) => {
      if ((event.detail as { journeyId?: unknown } | null)?.journeyId === journeyId && journeyIsOver(host.journey(journeyId))) finish();
    });
    const timer = setTimeout(finish, timeoutMs);
    cutShort.addEventListener('abort', finish);
    if (cutShort.aborted || journeyIsOver(host.journey(journeyId))) finish();
  });
}
