/** A mistake in how the CLI was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes the CLI promises to scripts. */
export const ExitCode = {
  ok: 0,
  /** The journey did not complete, or the pattern did not match. */
  notOk: 1,
  usage: 2,
  notFound: 3,
} as const;

/** A command refused its input for a reason a script can act on: printed without a stack, with its code under --json. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = ExitCode.notOk,
  ) {
    super(message);
  }
}
