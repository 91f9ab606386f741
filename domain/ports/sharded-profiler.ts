import type { TimestampSequenceStats } from '#domain/insights/index.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';

/** A stored object, as a sharded read needs it. */
export interface StoredObject {
  bucket: string;
  key: string;
  size: number;
}

/**
 * Profiles a stored object as shards read side by side (worker threads on the embedded runtime),
 * their statistics merged into the profile one pass gives: counts exact, sketches within their
 * stated error. A shard whose rows cannot be read fails it with a ShardProfileFailed. Undefined when the object is not read in shards (it fits one shard, or it is not
 * splittable delimited text): the step then profiles it in one pass. A runtime without one
 * profiles every object in one pass.
 */
export interface ShardedProfiler {
  profile(object: StoredObject): Promise<ShardedRead | undefined>;
  /**
   * The named timestamp columns followed through the object in file order, read as shards and
   * joined at the seams: exactly what one pass over its records finds. Undefined when the object
   * is not read in shards; the step then follows them in one pass.
   */
  followTimestamps(object: StoredObject, columns: readonly string[]): Promise<ShardedTimestamps | undefined>;
  /**
   * The object read in shards by a table pass (TableShardPass, found by name). A pass that
   * writes output hands it to `writeOutput`, shard after shard in file order, while later shards
   * are still being read. Undefined when the object is not read in shards, and also when a shard
   * meets anything the file is refused for (a row of the wrong width, a byte that is not UTF-8, a
   * quote never closed, a header a one-pass read objects to): the output stream then fails, and
   * the step reads the file in one pass, which words the refusal with its lines. A runtime
   * without it reads every object in one pass.
   */
  readTable?<Part>(object: StoredObject, request: TableReadRequest, writeOutput?: TableOutputWriter): Promise<ShardedTableRead<Part> | undefined>;
}

/** Which table pass reads the shards, and under which options. */
export interface TableReadRequest {
  pass: string;
  /** Plain data, as a shard request carries it. */
  options: unknown;
}

/** Writes a pass's output (an artifact stream): it must fail, not finish, when the stream it is handed fails. */
export type TableOutputWriter = (output: AsyncIterable<Uint8Array>) => Promise<void>;

/** A table read in shards by a pass: the table's shape as a one-pass read gives it, and each shard's part in file order. */
export interface ShardedTableRead<Part> {
  table: { format: 'csv' | 'tsv'; delimiter: string; hadBom: boolean; columns: string[]; rows: number; contentBytes: number };
  /** Each shard's part, and the file's line its first row starts on (the header's, for the first). */
  parts: { part: Part; firstLine: number }[];
  shards: number;
  workers: number;
}

/** Timestamp columns followed in shards, and in how many. */
export interface ShardedTimestamps {
  sequences: TimestampSequenceStats[];
  shards: number;
  workers: number;
}

/** A profile read in shards, and how: for the step's summary. */
export interface ShardedRead {
  profile: DatasetProfile;
  shards: number;
  /** Threads the shards were read on; in the cloud, where each shard is an invocation of its own, the shards. */
  workers: number;
  /** Shards whose guessed start fell inside a quoted line break, read again from the true one. */
  rereads?: number;
  /**
   * The first shard as read: where its rows end (a row start), and the records it held, the
   * header among them. The bytes before `end` are a whole table that a step's one-pass checks
   * of the header can be run on without the rest.
   */
  firstShard: { end: number; records: number };
}
