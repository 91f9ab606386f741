/** Why a file could not be profiled; each code names a reason a journey can fail with. */
export type ProfileErrorCode =
  | 'empty_file'
  | 'not_tabular'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'truncated_input'
  | 'bad_compression'
  | 'unsupported_compression'
  | 'record_too_large'
  | 'too_many_columns';

/** A file the profiler refuses, with the evidence (offsets, what was expected) in `details`. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';

  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly details: string[] = [],
    /** The byte of the input the problem is at, where one byte is to blame. */
    readonly offset?: number,
  ) {
    super(message);
  }
}
