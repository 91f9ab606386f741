/**
 * Thrown by a step when the data itself is unacceptable. Retrying cannot help, so the journey
 * fails at once with this code; any other error is treated as transient and retried.
 */
export class StepRejection extends Error {
  override readonly name = 'StepRejection';
  constructor(
    readonly code: string,
    message: string,
    /** One line per violation, e.g. "line 7: expected 4 fields, found 3". */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
