import type { z } from 'zod';
import type { EventContract } from '#events/define-event.js';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { MalformedEventError } from './sqs-event-function.js';

export interface Dispatch {
  contract: EventContract<z.ZodType>;
  handle(envelope: EventBridgeEnvelope, detail: any): Promise<EventDraft[]> | EventDraft[];
}

/** Finds the handler for an event by its contract (source and detail-type). */
export function dispatchTo(dispatches: readonly Dispatch[]) {
  return async (envelope: EventBridgeEnvelope): Promise<EventDraft[]> => {
    const match = dispatches.find((d) => d.contract.describes(envelope));
    if (!match) throw new MalformedEventError(`no handler for ${envelope.source}/${envelope['detail-type']}`);
    return match.handle(envelope, match.contract.parseDetail(envelope));
  };
}

export function on<S extends z.ZodType>(
  contract: EventContract<S>,
  handle: (envelope: EventBridgeEnvelope, detail: z.output<S>) => Promise<EventDraft[]> | EventDraft[],
): Dispatch {
  return { contract, handle };
}
