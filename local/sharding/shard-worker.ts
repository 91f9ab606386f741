import { parentPort } from 'node:worker_threads';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { scanDelimitedShard } from '#domain/sharding/delimited-shard.js';
import { readFileChunksFrom } from '#local/files/read-file-chunks.js';
import type { ShardTask, ShardTaskResult } from './shard-task.js';

/** One worker thread: reads the shards it is handed, one at a time, and answers with what each read. */
parentPort!.on('message', (task: ShardTask) => {
  const answer = (result: ShardTaskResult) => parentPort!.postMessage(result);
  scanDelimitedShard({
    start: task.start,
    boundary: task.boundary,
    delimiter: task.delimiter,
    chunks: readFileChunksFrom(task.path, task.start),
    sink: { row: () => {} },
  }).then(
    (scan) => answer({ id: task.id, scan }),
    (error: unknown) =>
      answer({
        id: task.id,
        error:
          error instanceof ProfileError
            ? { code: error.code, message: error.message, details: error.details }
            : { code: undefined, message: error instanceof Error ? error.message : String(error) },
      }),
  );
});
