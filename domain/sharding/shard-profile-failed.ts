import { ProfileError } from '#domain/profiling/profile-error.js';
import type { ByteRange } from './byte-ranges.js';

/**
 * A sharded profile that stopped because one shard's rows could not be read: the shard's error,
 * with the shard named in its details, and the shard itself, so the step can say which one.
 */
export class ShardProfileFailed extends ProfileError {
  constructor(
    readonly shard: { index: number } & ByteRange,
    cause: ProfileError,
  ) {
    super(cause.code, cause.message, [...cause.details, shardLabel(shard)], cause.offset);
  }
}

/** "shard 3 (bytes 1429565-1906087)": how a shard is named in a refusal's details. */
export function shardLabel(shard: { index: number } & ByteRange): string {
  return `shard ${shard.index} (bytes ${shard.start}-${shard.end})`;
}
