/** A step's shard size: a Lambda reads 64 MiB in seconds, well inside its budget. */
export const DEFAULT_SHARD_BYTES = 64 * 2 ** 20;

/**
 * On one machine the shards only need to keep every worker busy: about four per worker (so one
 * slow shard or one re-read does not leave a worker idle for long), never below the default. Each
 * shard costs its own sketches and a merge, so fewer, larger shards cost less CPU.
 */
export function localShardBytes(size: number, workers: number): number {
  return Math.max(DEFAULT_SHARD_BYTES, Math.ceil(size / (4 * workers)));
}
