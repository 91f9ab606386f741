import { ProfileError } from '#domain/profiling/profile-error.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { ShardProfileMerge, readHeader, type ShardProfileOptions } from '#domain/sharding/profile-shard.js';
import { ShardFailed, shardsInOrder } from '#domain/sharding/shard-chain.js';
import { ShardProfileFailed } from '#domain/sharding/shard-profile-failed.js';
import { lostAWorker, startShardWorkers, type ShardWorkerHeap } from './shard-workers.js';
import { splittableInput, type InputFile } from './splittable-input.js';

export type { InputFile } from './splittable-input.js';

/** A shard as it was read: where it truly started and ended, and whether its guessed start had to be read again. */
export interface ProfiledShard {
  index: number;
  start: number;
  end: number;
  rows: number;
  reread: boolean;
}

export interface ShardedProfile {
  profile: DatasetProfile;
  shards: ProfiledShard[];
  workers: number;
}

/**
 * Profiles a delimited file as shards of about `shardBytes` on `workers` threads, each shard's
 * statistics merged in file order into the profile one pass would give (counts exact, sketches
 * within their stated error). Undefined when the file is not read in shards: one worker, or it makes one shard,
 * it is gzip, a JSON array or NDJSON (whose columns are found as they appear), or its header runs
 * past the head; the caller then profiles it in one pass. A file every reader refuses is refused
 * here, before any shard is read; a shard that fails fails the profile with its error, the shard
 * named in the details. A worker that dies (out of memory at its heap cap) leaves the file to
 * one pass too: its shards are unread, not wrong.
 */
export async function profileFileInShards(
  input: InputFile,
  options: {
    shardBytes: number;
    workers: number;
    profile?: ShardProfileOptions;
    onShardRead?: (read: number, total: number) => void;
    workerHeap?: ShardWorkerHeap;
  },
): Promise<ShardedProfile | undefined> {
  const splittable = await splittableInput(input, options);
  if (!splittable) return undefined;
  const { path, fileOffset, size, delimiter, bytesFrom, shards: total } = splittable;
  const columns = readHeader(splittable.head, splittable.complete, delimiter);
  if (!columns) return undefined;

  const threads = Math.min(options.workers, total);
  const workers = startShardWorkers(threads, options.workerHeap);
  const profileOptions = options.profile ?? {};
  let read = 0;
  const merge = new ShardProfileMerge({ format: splittable.format, delimiter }, profileOptions);
  const shards: ProfiledShard[] = [];
  try {
    const inOrder = shardsInOrder({ size, bytesFrom }, options.shardBytes, async ({ start, boundary }) => {
      const answer = await workers.read({ kind: 'profile', path, fileOffset, size, start, boundary, delimiter, columns, options: profileOptions });
      options.onShardRead?.(Math.min(++read, total), total);
      return { scan: answer.scan, partial: answer.dataset! };
    });
    // Folded as each is confirmed, while the workers read on: only shards finished out of order wait in memory.
    for await (const shard of inOrder) {
      merge.add(shard.partial);
      shards.push({ index: shard.index, start: shard.start, end: shard.end, rows: shard.rows, reread: shard.reread });
    }
  } catch (error) {
    if (lostAWorker(error)) return undefined;
    if (error instanceof ShardFailed && error.cause instanceof ProfileError) throw new ShardProfileFailed({ index: error.shard, ...error.range }, error.cause);
    throw error;
  } finally {
    await workers.close();
  }
  const profile = merge.profile({ compression: 'none', bytes: size });
  return { profile, shards, workers: threads };
}
