import { serialize, deserialize } from 'node:v8';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
import type { DatasetState } from '#domain/profiling/dataset-accumulator.js';
import { ProfileError, type ProfileErrorCode } from '#domain/profiling/profile-error.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import { planByteRanges, type ByteRange } from './byte-ranges.js';
import type { DelimitedShardScan } from './delimited-shard.js';
import { profileShard, readHeader, ShardProfileMerge, type ShardProfileOptions } from './profile-shard.js';
import { lineStartAtOrAfter } from './record-start.js';
import { ShardProfileFailed } from './shard-profile-failed.js';
import { howToShard } from './shard-plan.js';

/** The head the format is recognised from, as the one-pass profiler takes it. */
const SNIFF_BYTES = 64 * 1024;

/** How a stored input is cut for a profile read shard by shard: what every shard needs besides its range. */
export interface ProfileShardLayout {
  bucket: string;
  key: string;
  size: number;
  format: 'csv' | 'tsv';
  delimiter: number;
  /** The header's column names, so a shard that does not start at byte 0 knows them. */
  columns: string[];
  options: ShardProfileOptions;
  ranges: ByteRange[];
}

/**
 * How a stored input would be profiled in shards of about `shardBytes`, or undefined when it is
 * read in one pass: it fits one shard, it is over the upload limit, or it is not delimited text
 * with its header in the head (gzip, a JSON array, NDJSON, a file every reader refuses, which the
 * step itself then refuses with its usual message).
 */
export async function planProfileShards(
  store: ObjectStore,
  input: { bucket: string; key: string },
  settings: { shardBytes: number; maxShards?: number; maxUploadBytes: number; options?: ShardProfileOptions },
): Promise<ProfileShardLayout | undefined> {
  const head = await store.head(input.bucket, input.key);
  if (!head || head.size > settings.maxUploadBytes) return undefined;
  // Past the shard limit, larger shards rather than more of them.
  const { maxShards } = settings;
  const shardBytes = maxShards && head.size > settings.shardBytes * maxShards ? Math.ceil(head.size / maxShards) : settings.shardBytes;
  const ranges = planByteRanges(head.size, shardBytes);
  if (ranges.length < 2) return undefined;
  // A ranged read from 0: only the head is read, and the store is not asked for the rest.
  const opened = await store.stream(input.bucket, input.key, { from: 0 });
  if (!opened) return undefined;
  const peeked = await peekBytes(opened.chunks, SNIFF_BYTES);
  await peeked.chunks.return(undefined);
  let sharding;
  try {
    sharding = howToShard(peeked.head, peeked.complete);
  } catch (error) {
    if (error instanceof ProfileError) return undefined;
    throw error;
  }
  if (!sharding.splittable || sharding.format === 'ndjson') return undefined;
  const columns = readHeader(peeked.head, peeked.complete, sharding.delimiter);
  if (!columns) return undefined;
  return { ...input, size: head.size, format: sharding.format, delimiter: sharding.delimiter, columns, options: settings.options ?? {}, ranges };
}

/** What one shard's read left: its rows' statistics, or the error that stopped it (which counts only if its start proves right). */
export type ProfileShardPartial =
  | { scan: DelimitedShardScan; dataset: DatasetState }
  | { scan: Pick<DelimitedShardScan, 'start'>; error: { code: ProfileErrorCode; message: string; details: string[]; offset?: number } };

/**
 * Reads shard `index` of the layout from `start`, or, when no start is given, from its guess: the
 * first line start in its range. A file the profiler refuses gives a partial holding the error;
 * any other failure (the store) is thrown, for the caller to retry.
 */
export async function readProfileShard(store: ObjectStore, layout: ProfileShardLayout, index: number, start?: number): Promise<ProfileShardPartial> {
  const range = layout.ranges[index];
  if (!range) throw new RangeError(`the layout has no shard ${index}`);
  const bytesFrom = async (from: number) => {
    const opened = await store.stream(layout.bucket, layout.key, { from });
    if (!opened) throw new ProfileShardInputMissing(layout.bucket, layout.key);
    return opened.chunks;
  };
  const from = start ?? (index === 0 ? 0 : await lineStartAtOrAfter(range.start, await bytesFrom(range.start - 1)));
  try {
    const { delimiter, columns, options, size } = layout;
    return await profileShard({ start: from, boundary: range.end, size, delimiter, columns, options, chunks: await bytesFrom(from) });
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    const offset = error.offset === undefined ? {} : { offset: error.offset };
    return { scan: { start: from }, error: { code: error.code, message: error.message, details: error.details, ...offset } };
  }
}

export class ProfileShardInputMissing extends Error {
  override readonly name = 'ProfileShardInputMissing';
  constructor(bucket: string, key: string) {
    super(`s3://${bucket}/${key} is no longer there to read a shard of`);
  }
}

/**
 * Folds the shards' partials, in file order, into the profile one pass gives. The chain is
 * verified as it goes: a shard whose guessed start is not where the previous shard truly ended
 * (its range began inside a quoted line break) is read again from the true start, here, so the
 * rows counted are exactly one read's. A shard's error fails the profile with a ShardProfileFailed, the shard named.
 */
export async function mergeProfileShards(
  store: ObjectStore,
  layout: ProfileShardLayout,
  partialOf: (index: number) => Promise<ProfileShardPartial>,
): Promise<{ profile: DatasetProfile; shards: number; rereads: number; firstShard: { end: number; records: number } }> {
  const merge = new ShardProfileMerge({ format: layout.format, delimiter: layout.delimiter }, layout.options);
  let trueStart = 0;
  let rereads = 0;
  let firstShard: { end: number; records: number } | undefined;
  for (const [index, range] of layout.ranges.entries()) {
    let partial = await partialOf(index);
    if (partial.scan.start !== trueStart) {
      rereads++;
      partial = await readProfileShard(store, layout, index, trueStart);
    }
    if ('error' in partial) {
      const { code, message, details, offset } = partial.error;
      throw new ShardProfileFailed({ index, ...range }, new ProfileError(code, message, details, offset));
    }
    merge.add(partial.dataset);
    trueStart = partial.scan.end;
    firstShard ??= { end: partial.scan.end, records: partial.scan.rows };
  }
  const profile = merge.profile({ compression: 'none', bytes: layout.size });
  return { profile, shards: layout.ranges.length, rereads, firstShard: firstShard ?? { end: layout.size, records: 0 } };
}

/** A partial as stored between the shard's invocation and the merge: typed arrays and numbers, kept as they are. */
export function encodeProfileShardPartial(partial: ProfileShardPartial): Uint8Array {
  return serialize(partial);
}

export function decodeProfileShardPartial(bytes: Uint8Array): ProfileShardPartial {
  return deserialize(bytes) as ProfileShardPartial;
}
