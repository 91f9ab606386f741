import type { ShardedProfiler, StoredObject } from '#domain/ports/sharded-profiler.js';
import type { InputFile } from './splittable-input.js';
import { followTimestampsInShards } from './follow-timestamps-in-shards.js';
import { profileFileInShards } from './profile-file-in-shards.js';
import { readTableInShards } from './read-table-in-shards.js';
import { localShardBytes } from './shard-size.js';

/** Where the embedded store keeps an object's bytes: its own file, or a stretch of one. */
export type LocateObject = (bucket: string, key: string) => { path: string; fileOffset: number; size: number } | undefined;

export interface EmbeddedShardSettings {
  /** Worker threads (1: every upload is profiled in one pass). */
  workers: number;
  /** The shard size; by default about four shards per worker, at least 64 MiB each. */
  shardBytes?: number;
  /** Where a sharded read keeps its pieces of output until they are streamed. */
  scratchDir: string;
}

/**
 * The embedded runtime's sharded profiler: the upload's bytes, where the store keeps them, read
 * as shards on worker threads. The workers start for one profile and stop after it, so an idle
 * runtime holds none. One sharded read runs at a time: the workers already fill the cores, so
 * a second large upload profiled meanwhile is read in one pass rather than adding more threads.
 */
export function embeddedShardedProfiler(locate: LocateObject, settings: EmbeddedShardSettings): ShardedProfiler | undefined {
  if (settings.workers <= 1) return undefined;
  let running = false;
  /** The read in shards, or undefined (one pass) when the object is not where the store keeps it whole or another read holds the workers. */
  const inShards = async <T>(object: StoredObject, read: (found: InputFile, shards: { shardBytes: number; workers: number }) => Promise<T | undefined>) => {
    const found = locate(object.bucket, object.key);
    if (!found || found.size !== object.size || running) return undefined;
    const shardBytes = settings.shardBytes ?? localShardBytes(found.size, settings.workers);
    running = true;
    try {
      return await read(found, { shardBytes, workers: settings.workers });
    } finally {
      running = false;
    }
  };
  return {
    profile: (object) =>
      inShards(object, async (found, shards) => {
        const sharded = await profileFileInShards(found, shards);
        return (
          sharded && {
            profile: sharded.profile,
            shards: sharded.shards.length,
            workers: sharded.workers,
            firstShard: { end: sharded.shards[0]!.end, records: sharded.shards[0]!.rows },
          }
        );
      }),
    followTimestamps: (object, columns) => inShards(object, (found, shards) => followTimestampsInShards(found, columns, shards)),
    readTable: (object, request, writeOutput) =>
      inShards(object, (found, shards) => readTableInShards(found, request, { ...shards, scratchDir: settings.scratchDir }, writeOutput)),
  };
}
