import type { ShardedTimestamps } from '#domain/ports/sharded-profiler.js';
import { shardsInOrder } from '#domain/sharding/shard-chain.js';
import { headerCells, TimestampShardMerge, trackedColumns } from '#domain/sharding/timestamp-shard.js';
import { lostAWorker, startShardWorkers, type ShardWorkerHeap } from './shard-workers.js';
import { splittableInput, type InputFile } from './splittable-input.js';

/**
 * Follows the named timestamp columns through a delimited file read as shards of about
 * `shardBytes` on `workers` threads, each shard's part joined in file order at the seams into
 * exactly what one pass over the records finds. Undefined when the file is better read in one
 * pass (see {@link splittableInput}), its header runs past the head, or a worker died (out of
 * memory at its heap cap).
 */
export async function followTimestampsInShards(
  input: InputFile,
  columns: readonly string[],
  options: { shardBytes: number; workers: number; workerHeap?: ShardWorkerHeap },
): Promise<ShardedTimestamps | undefined> {
  const splittable = await splittableInput(input, options);
  if (!splittable) return undefined;
  const { path, fileOffset, size, delimiter, bytesFrom } = splittable;
  const header = headerCells(splittable.head, splittable.complete, delimiter);
  if (!header) return undefined;
  const tracked = trackedColumns(header, columns);
  const threads = Math.min(options.workers, splittable.shards);
  const workers = startShardWorkers(threads, options.workerHeap);
  const merge = new TimestampShardMerge();
  let shards = 0;
  try {
    const inOrder = shardsInOrder({ size, bytesFrom }, options.shardBytes, async ({ start, boundary }) => {
      const answer = await workers.read({ kind: 'timestamps', path, fileOffset, size, start, boundary, delimiter, tracked });
      return { scan: answer.scan, partial: answer.timestamps! };
    });
    for await (const shard of inOrder) {
      merge.add(shard.partial);
      shards++;
    }
  } catch (error) {
    if (lostAWorker(error)) return undefined;
    throw error;
  } finally {
    await workers.close();
  }
  return { sequences: merge.result(), shards, workers: threads };
}
