import type { ProfileErrorCode } from '#domain/profiling/profile-error.js';
import type { DelimitedShardScan } from '#domain/sharding/delimited-shard.js';

/** What the main thread hands a shard worker: small, as a shard request event will be (the range, never the data). */
export interface ShardTask {
  id: number;
  path: string;
  start: number;
  boundary: number;
  delimiter: number;
}

export type ShardTaskResult =
  | { id: number; scan: DelimitedShardScan }
  | { id: number; error: { code: ProfileErrorCode; message: string; details: string[] } | { code: undefined; message: string } };
