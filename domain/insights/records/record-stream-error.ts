/** The input could not be read as records; `code` uses the profiler's vocabulary (bad_compression, invalid_utf8...). */
export class RecordStreamError extends Error {
  override readonly name = 'RecordStreamError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
