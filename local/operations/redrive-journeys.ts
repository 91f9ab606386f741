import { planRedrive, type RedrivePlan } from '#domain/journeys/redrive.js';
import { deadLetterKey } from '#domain/journeys/dead-letter.js';
import { functionNameForStep } from '#domain/routing/routing-table.js';
import type { JourneyOperations } from './journey-operations.js';
import { readDeadLetters } from './read-dead-letters.js';

/** Plans (and unless `dryRun` starts) the redrive of one journey. */
export async function redriveJourney(ops: JourneyOperations, journeyId: string, options: { dryRun?: boolean } = {}): Promise<RedrivePlan | undefined> {
  const found = await ops.journey(journeyId);
  if (!found) return undefined;
  const plan = planRedrive(found.view, found.events);
  if (!plan.ok || options.dryRun) return plan;
  await ops.publish([plan.request]);
  // The dead letters of the step it continues are answered by the redrive: they leave the queue's list.
  const functionName = functionNameForStep(plan.step);
  for (const letter of await readDeadLetters(ops, functionName)) {
    if (letter.journeyId === journeyId && letter.step === plan.step)
      await ops.store.delete(ops.artifactBucket, deadLetterKey(letter.function, letter.messageId));
  }
  return plan;
}
