import type { ShardedProfiler } from '#domain/ports/sharded-profiler.js';
import { profileFileInShards } from './profile-file-in-shards.js';
import { localShardBytes } from './shard-size.js';

/** Where the embedded store keeps an object's bytes: its own file, or a stretch of one. */
export type LocateObject = (bucket: string, key: string) => { path: string; fileOffset: number; size: number } | undefined;

export interface EmbeddedShardSettings {
  /** Worker threads (1: every upload is profiled in one pass). */
  workers: number;
  /** The shard size; by default about four shards per worker, at least 64 MiB each. */
  shardBytes?: number;
}

/**
 * The embedded runtime's sharded profiler: the upload's bytes, where the store keeps them, read
 * as shards on worker threads. The workers start for one profile and stop after it, so an idle
 * runtime holds none. One sharded profile runs at a time: the workers already fill the cores, so
 * a second large upload profiled meanwhile is read in one pass rather than adding more threads.
 */
export function embeddedShardedProfiler(locate: LocateObject, settings: EmbeddedShardSettings): ShardedProfiler | undefined {
  if (settings.workers <= 1) return undefined;
  let running = false;
  return {
    async profile(object) {
      const found = locate(object.bucket, object.key);
      if (!found || found.size !== object.size || running) return undefined;
      const shardBytes = settings.shardBytes ?? localShardBytes(found.size, settings.workers);
      running = true;
      try {
        const sharded = await profileFileInShards(found, { shardBytes, workers: settings.workers });
        return (
          sharded && {
            profile: sharded.profile,
            shards: sharded.shards.length,
            workers: sharded.workers,
            firstShard: { end: sharded.shards[0]!.end, records: sharded.shards[0]!.rows },
          }
        );
      } finally {
        running = false;
      }
    },
  };
}
