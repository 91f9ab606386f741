import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { scanDelimitedShard } from '#domain/sharding/delimited-shard.js';
import { profileShard } from '#domain/sharding/profile-shard.js';
import { readTableShard } from '#domain/sharding/table-shard.js';
import { followTimestampsInShard } from '#domain/sharding/timestamp-shard.js';
import { builtInTableShardPass } from '#domain/use-cases/table-shard-passes.js';
import { readFileChunksFrom } from '#local/files/read-file-chunks.js';
import type { ShardAnswer, ShardTask, ShardTaskResult } from './shard-task.js';

function work(task: ShardTask): Promise<ShardAnswer> {
  const chunks = readFileChunksFrom(task.path, task.fileOffset + task.start, task.fileOffset + task.size);
  const { start, boundary, delimiter } = task;
  if (task.kind === 'profile') return profileShard({ start, boundary, delimiter, size: task.size, columns: task.columns, options: task.options, chunks });
  if (task.kind === 'timestamps')
    return followTimestampsInShard({ start, boundary, delimiter, tracked: task.tracked, chunks }).then(({ scan, ...timestamps }) => ({ scan, timestamps }));
  if (task.kind === 'table') return readTablePass(task, chunks);
  return scanDelimitedShard({ start, boundary, delimiter, chunks, sink: { row: () => {} } }).then((scan) => ({ scan }));
}

async function readTablePass(task: Extract<ShardTask, { kind: 'table' }>, chunks: AsyncIterable<Uint8Array>): Promise<ShardAnswer> {
  const pass = builtInTableShardPass(task.pass);
  if (!pass) throw new Error(`no table pass is named "${task.pass}"`);
  const output = task.output === undefined ? undefined : openSync(task.output, 'w');
  try {
    const { scan, ...table } = await readTableShard({
      ...task,
      pass,
      chunks,
      write: (text) => {
        if (output !== undefined) writeSync(output, text);
      },
    });
    return { scan, table };
  } finally {
    if (output !== undefined) closeSync(output);
  }
}

/** One worker thread: reads the shards it is handed, one at a time, and answers with what each read. */
parentPort!.on('message', (task: ShardTask) => {
  const answer = (result: ShardTaskResult) => parentPort!.postMessage(result);
  work(task).then(
    (result) => answer({ id: task.id, ...result }),
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
