import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShardedTableRead, TableReadRequest } from '#domain/ports/sharded-profiler.js';
import { shardsInOrder } from '#domain/sharding/shard-chain.js';
import { tableHeader } from '#domain/sharding/table-shard.js';
import { startShardWorkers } from './shard-workers.js';
import { splittableInput, type InputFile } from './splittable-input.js';

/**
 * Reads a delimited file as shards of about `shardBytes` on `workers` threads with a table pass,
 * each shard's part kept in file order and its output text in a file of its own, then runs `use`
 * on the read while those files are there; they are removed once it settles. Undefined when the
 * file is better read in one pass (see {@link splittableInput}), and when a shard meets anything
 * the file is refused for: a one-pass read words that refusal with its lines, so the shards give
 * up rather than guess at it.
 */
export async function readTableInShards<Part, T>(
  input: InputFile,
  request: TableReadRequest,
  options: { shardBytes: number; workers: number },
  use: (read: ShardedTableRead<Part>) => Promise<T>,
): Promise<T | undefined> {
  // A head every reader refuses is refused by the one-pass read too, in the words a table reader uses.
  const splittable = await splittableInput(input, options).catch(() => undefined);
  if (!splittable) return undefined;
  const { path, fileOffset, size, delimiter, bytesFrom, head } = splittable;
  const columns = tableHeader(head, splittable.complete, delimiter);
  if (!columns) return undefined;
  // The pieces of output wait on disk, not in memory, until every shard before them is confirmed.
  const folder = request.writes ? await mkdtemp(join(tmpdir(), 'symphainy-table-')) : undefined;
  try {
    const threads = Math.min(options.workers, splittable.shards);
    const shards = await readShards<Part>({ ...splittable, columns, request, threads, folder, shardBytes: options.shardBytes });
    if (!shards) return undefined;
    const hadBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const rows = shards.reduce((sum, shard) => sum + shard.rows, 0);
    // No data rows is a refusal (no_data_rows), worded by the one-pass read.
    if (rows === 0) return undefined;
    return await use({
      table: { format: splittable.format, delimiter: String.fromCharCode(delimiter), hadBom, columns, rows, contentBytes: size - (hadBom ? 3 : 0) },
      parts: shards.map(({ part, firstLine }) => ({ part, firstLine })),
      shards: shards.length,
      workers: threads,
      output: async function* () {
        for (const shard of shards) if (shard.output) yield* createReadStream(shard.output, { highWaterMark: 1024 * 1024 });
      },
    });
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }

  async function readShards<P>(read: {
    columns: string[];
    request: TableReadRequest;
    threads: number;
    folder: string | undefined;
    shardBytes: number;
  }): Promise<{ part: P; firstLine: number; rows: number; output: string | undefined }[] | undefined> {
    const workers = startShardWorkers(read.threads);
    const shards: { part: P; firstLine: number; rows: number; output: string | undefined }[] = [];
    const outputOf = (index: number, start: number) => (read.folder ? join(read.folder, `${index}-${start}.part`) : undefined);
    try {
      const inOrder = shardsInOrder({ size, bytesFrom }, read.shardBytes, async ({ index, start, boundary }) => {
        const output = outputOf(index, start);
        const answer = await workers.read({
          kind: 'table',
          path,
          fileOffset,
          size,
          start,
          boundary,
          delimiter,
          columns: read.columns,
          pass: read.request.pass,
          options: read.request.options,
          ...(output ? { output } : {}),
        });
        return { scan: answer.scan, partial: answer.table! };
      });
      for await (const shard of inOrder) {
        if (!shard.partial.clean) return undefined;
        shards.push({ part: shard.partial.part as P, firstLine: shard.firstLine, rows: shard.partial.rows, output: outputOf(shard.index, shard.start) });
      }
    } catch {
      // A byte that is not UTF-8, a quote never closed, a worker lost: the one-pass read finds and words it.
      return undefined;
    } finally {
      await workers.close();
    }
    return shards;
  }
}
