import type { DatasetState } from '#domain/profiling/dataset-accumulator.js';
import type { ProfileErrorCode } from '#domain/profiling/profile-error.js';
import type { DelimitedShardScan } from '#domain/sharding/delimited-shard.js';
import type { ShardProfileOptions } from '#domain/sharding/profile-shard.js';
import type { TimestampShardPart, TrackedColumn } from '#domain/sharding/timestamp-shard.js';

/**
 * What the main thread hands a shard worker: small, as a shard request event will be (the range,
 * never the data). A scan only finds the shard's rows; a profile also returns their statistics, a timestamp pass
 * how its timestamp columns run.
 * `path` holds the input from byte `fileOffset` (an object the embedded store keeps inside its
 * log starts there) for `size` bytes; `start` and `boundary` count from `fileOffset`.
 */
export type ShardTask = { id: number; path: string; fileOffset: number; size: number; start: number; boundary: number; delimiter: number } & (
  | { kind: 'scan' }
  | { kind: 'profile'; columns: string[]; options: ShardProfileOptions }
  | { kind: 'timestamps'; tracked: TrackedColumn[] }
  /** A table pass named by `pass`; its output text goes to the file `output`, when it writes any. */
  | { kind: 'table'; columns: string[]; pass: string; options: unknown; output?: string }
);

/** A shard's answer: where it started and ended, and for a profile its partial result. */
export interface ShardAnswer {
  scan: DelimitedShardScan;
  dataset?: DatasetState;
  timestamps?: Omit<TimestampShardPart, 'scan'>;
  table?: { rows: number; clean: boolean; part: unknown };
}

export type ShardTaskResult =
  ({ id: number } & ShardAnswer) | { id: number; error: { code: ProfileErrorCode; message: string; details: string[] } | { code: undefined; message: string } };
