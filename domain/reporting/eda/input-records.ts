import type { StepContext } from '#domain/journeys/step-definition.js';
import { streamRecordBatches, streamRecords, type TableRecord } from '#domain/insights/records/index.js';
import { asStepRejection } from './as-step-rejection.js';

/** The upload's records, one at a time (only `columns` when named); unreadable input ends the step as a rejection. */
export async function* inputRecords(context: StepContext, columns?: readonly string[]): AsyncGenerator<TableRecord> {
  const { chunks } = await context.streamInput();
  try {
    yield* streamRecords(chunks, columns ? { columns } : {});
  } catch (error) {
    throw asStepRejection(error);
  }
}

/** The same a chunk's records at a time, for a pass over every record: looping over a batch costs no promise per record. */
export async function* inputRecordBatches(context: StepContext, columns?: readonly string[]): AsyncGenerator<TableRecord[]> {
  const { chunks } = await context.streamInput();
  try {
    yield* streamRecordBatches(chunks, columns ? { columns } : {});
  } catch (error) {
    throw asStepRejection(error);
  }
}
