import { contractFor, eventContracts } from '#events/catalogue.js';
import { ContractViolationError } from '#events/define-event.js';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';

export type CheckedEvent = { ok: true; event: EventBridgeEnvelope } | { ok: false; problems: string[] };

/**
 * Checks a value is an event the platform can take: an EventBridge envelope (as a target receives
 * it) whose source and detail-type name a known contract, with a detail that keeps it.
 */
export function checkEvent(value: unknown): CheckedEvent {
  const envelope = eventBridgeEnvelope.safeParse(value);
  if (!envelope.success) {
    return { ok: false, problems: envelope.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`) };
  }
  const event = envelope.data;
  const contract = contractFor(event);
  if (!contract) {
    const known = eventContracts.map((c) => `${c.source}/${c.detailType}`).join(', ');
    return { ok: false, problems: [`no contract for ${event.source}/${event['detail-type']} (known: ${known})`] };
  }
  try {
    contract.parseDetail(event);
  } catch (error) {
    if (error instanceof ContractViolationError)
      return { ok: false, problems: error.issues.map((issue) => (issue.startsWith('(detail)') ? issue.replace('(detail)', 'detail') : `detail.${issue}`)) };
    throw error;
  }
  return { ok: true, event };
}
