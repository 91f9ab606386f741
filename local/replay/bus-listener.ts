import type { EventBridgeEnvelope } from '#events/platform-event.js';

export type EventPredicate = (event: EventBridgeEnvelope) => boolean;

export class EventTimeoutError extends Error {
  override readonly name = 'EventTimeoutError';
}

/**
 * Keeps every event a bus delivers from the moment it is created, so a wait that starts after the
 * action that causes the event cannot miss it. `waitForEvent` resolves with the first event,
 * already seen or still to come, that the predicate accepts; on timeout it says what it did see.
 */
export class BusListener {
  readonly seen: EventBridgeEnvelope[] = [];
  private readonly waiters = new Set<{ predicate: EventPredicate; resolve: (event: EventBridgeEnvelope) => void }>();

  /** Feeds an event in; whoever delivers the bus's events calls this. */
  deliver(event: EventBridgeEnvelope): void {
    this.seen.push(event);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(event)) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  }

  waitForEvent(predicate: EventPredicate, options: { timeout: number; description?: string }): Promise<EventBridgeEnvelope> {
    const found = this.seen.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (event: EventBridgeEnvelope) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const recent = this.seen.slice(-12).map(describeEvent).join('\n  ');
        reject(
          new EventTimeoutError(
            `no event ${options.description ?? 'matching the predicate'} within ${options.timeout} ms; saw ${this.seen.length} events${recent ? `, the last:\n  ${recent}` : ''}`,
          ),
        );
      }, options.timeout);
      this.waiters.add(waiter);
    });
  }
}

export function describeEvent(event: EventBridgeEnvelope): string {
  const detail = (event.detail ?? {}) as { journeyId?: unknown; step?: unknown };
  const parts = [
    event['detail-type'],
    typeof detail.journeyId === 'string' ? detail.journeyId : '',
    typeof detail.step === 'string' ? `step ${detail.step}` : '',
    event['replay-name'] ? `replay ${event['replay-name']}` : '',
  ];
  return parts.filter(Boolean).join('  ');
}

/** The predicate most waits need: an event of this detail-type, for this journey. */
export function eventOf(detailType: string, journeyId?: string): EventPredicate {
  return (event) =>
    event['detail-type'] === detailType && (journeyId === undefined || (event.detail as { journeyId?: unknown } | null)?.journeyId === journeyId);
}
