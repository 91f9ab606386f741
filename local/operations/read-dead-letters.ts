import { DEAD_LETTER_PREFIX, type DeadLetter } from '#domain/journeys/dead-letter.js';
import type { JourneyOperations } from './journey-operations.js';

const decoder = new TextDecoder();

/** The dead letters kept for one function (or all), oldest first. */
export async function readDeadLetters(ops: Pick<JourneyOperations, 'store' | 'artifactBucket'>, functionName?: string): Promise<DeadLetter[]> {
  const heads = await ops.store.list(ops.artifactBucket, functionName ? `${DEAD_LETTER_PREFIX}${functionName}/` : DEAD_LETTER_PREFIX);
  const letters: DeadLetter[] = [];
  for (const head of heads) {
    const object = await ops.store.get(ops.artifactBucket, head.key);
    if (object) letters.push(JSON.parse(decoder.decode(object.body)) as DeadLetter);
  }
  return letters.sort((a, b) => a.diedAt.localeCompare(b.diedAt));
}
