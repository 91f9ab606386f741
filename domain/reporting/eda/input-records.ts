import type { StepContext } from '#domain/journeys/step-definition.js';
import { streamRecords, type TableRecord } from '#domain/insights/records/index.js';
import { asStepRejection } from './as-step-rejection.js';

/** The upload's records, one at a time; unreadable input ends the step as a rejection. */
export async function* inputRecords(context: StepContext): AsyncGenerator<TableRecord> {
  const { chunks } = await context.streamInput();
  try {
    yield* streamRecords(chunks);
  } catch (error) {
    throw asStepRejection(error);
  }
}
