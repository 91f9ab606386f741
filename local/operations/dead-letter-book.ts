import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { deadLetterKey, type DeadLetter } from '#domain/journeys/dead-letter.js';
import type { JourneyOperations } from './journey-operations.js';
import { redriveJourney } from './redrive-journeys.js';
export { readDeadLetters } from './read-dead-letters.js';

/** Per function: how many dead letters are kept, and when the oldest died. */
export function summariseDeadLetters(letters: readonly DeadLetter[]): { function: string; messages: number; oldest: string }[] {
  const byFunction = new Map<string, DeadLetter[]>();
  for (const letter of letters) byFunction.set(letter.function, [...(byFunction.get(letter.function) ?? []), letter]);
  return [...byFunction.entries()]
    .map(([name, list]) => ({ function: name, messages: list.length, oldest: list[0]!.diedAt }))
    .sort((a, b) => a.function.localeCompare(b.function));
}

export type DeadLetterRedrive = { letter: DeadLetter; outcome: 'redriven'; as: string } | { letter: DeadLetter; outcome: 'kept'; reason: string };

/**
 * Sends a dead letter on again, then forgets it (at least once: the functions' idempotency
 * absorbs a repeat). A step request continues its journey as a redrive of that journey, so the
 * history says so and the completed steps are not run again; any other message goes back to its
 * function's queue as it was.
 */
export async function redriveDeadLetter(ops: JourneyOperations, letter: DeadLetter): Promise<DeadLetterRedrive> {
  if (letter.reason.code === 'malformed_event')
    return { letter, outcome: 'kept', reason: `the message is not an event (${letter.reason.message}); no function can take it, so it is not sent again` };
  const envelope = JSON.parse(letter.body) as { 'detail-type'?: string; source?: string };
  if (letter.journeyId && envelope['detail-type'] === JourneyStepRequested.detailType && envelope.source === JourneyStepRequested.source) {
    const plan = await redriveJourney(ops, letter.journeyId);
    if (!plan) return { letter, outcome: 'kept', reason: `journey ${letter.journeyId} has no record here` };
    if (!plan.ok) return { letter, outcome: 'kept', reason: plan.reason };
    await ops.store.delete(ops.artifactBucket, deadLetterKey(letter.function, letter.messageId));
    return { letter, outcome: 'redriven', as: `redrive ${plan.redrive} of journey ${letter.journeyId} from ${plan.step}` };
  }
  const messageId = await ops.resend(letter.function, letter.body);
  await ops.store.delete(ops.artifactBucket, deadLetterKey(letter.function, letter.messageId));
  return { letter, outcome: 'redriven', as: `message ${messageId} on ${letter.function}'s queue` };
}
