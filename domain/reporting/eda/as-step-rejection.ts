import { StepRejection } from '#domain/rejections/step-rejection.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { RecordStreamError } from '#domain/insights/records/record-stream-error.js';

/**
 * A file the profiler or the record reader refuses cannot get better on a retry: the journey
 * fails at once with the reader's code (not_tabular, truncated_input, bad_compression...).
 * Anything else is rethrown as it is, so the queue retries it.
 */
export function asStepRejection(error: unknown): unknown {
  if (error instanceof ProfileError) return new StepRejection(error.code, error.message, error.details);
  if (error instanceof RecordStreamError) return new StepRejection(error.code, error.message);
  return error;
}

export async function rejectingUnreadable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asStepRejection(error);
  }
}
