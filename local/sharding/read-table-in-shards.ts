import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShardedTableRead, TableOutputWriter, TableReadRequest } from '#domain/ports/sharded-profiler.js';
import { shardsInOrder } from '#domain/sharding/shard-chain.js';
import { tableHeader } from '#domain/sharding/table-shard.js';
import { startShardWorkers, type ShardWorkerHeap } from './shard-workers.js';
import { splittableInput, type InputFile } from './splittable-input.js';

/** Why the output stream stopped short: the shards gave up, and the one-pass read takes over. */
class ShardsGaveUp extends Error {
  override readonly name = 'ShardsGaveUp';
}

/** A confirmed shard: its part, where its lines start, its rows, and its piece of output on disk. */
interface ReadShard<Part> {
  part: Part;
  firstLine: number;
  rows: number;
  output: string | undefined;
}

/**
 * Reads a delimited file as shards of about `shardBytes` on `workers` threads with a table pass,
 * each shard's part kept in file order. With `writeOutput`, each shard writes its output text to a
 * file of its own (in `scratchDir`, the system's temporary folder by default), and `writeOutput` is handed those pieces in file order as each shard is
 * confirmed, while later shards are still being read; a piece is removed once it is streamed.
 * Undefined when the file is better read in one pass (see {@link splittableInput}), and when a
 * shard meets anything the file is refused for: a one-pass read words that refusal with its
 * lines, so the shards give up rather than guess at it (and the output stream fails, so nothing
 * half-written is kept).
 */
export async function readTableInShards<Part>(
  input: InputFile,
  request: TableReadRequest,
  options: { shardBytes: number; workers: number; scratchDir?: string; workerHeap?: ShardWorkerHeap },
  writeOutput?: TableOutputWriter,
): Promise<ShardedTableRead<Part> | undefined> {
  // A head every reader refuses is refused by the one-pass read too, in the words a table reader uses.
  const splittable = await splittableInput(input, options).catch(() => undefined);
  if (!splittable) return undefined;
  const { path, fileOffset, size, delimiter, bytesFrom, head } = splittable;
  const columns = tableHeader(head, splittable.complete, delimiter);
  if (!columns) return undefined;
  const scratch = options.scratchDir ?? tmpdir();
  if (writeOutput) await mkdir(scratch, { recursive: true });
  const folder = writeOutput ? await mkdtemp(join(scratch, 'table-')) : undefined;
  const threads = Math.min(options.workers, splittable.shards);
  const workers = startShardWorkers(threads, options.workerHeap);
  const outputOf = (index: number, start: number) => (folder ? join(folder, `${index}-${start}.part`) : undefined);
  const pieces = new PieceQueue();
  const shards: ReadShard<Part>[] = [];
  const reading = (async () => {
    try {
      const inOrder = shardsInOrder({ size, bytesFrom }, options.shardBytes, async ({ index, start, boundary }) => {
        const output = outputOf(index, start);
        const answer = await workers.read({
          kind: 'table',
          path,
          fileOffset,
          size,
          start,
          boundary,
          delimiter,
          columns,
          ...request,
          ...(output ? { output } : {}),
        });
        return { scan: answer.scan, partial: answer.table! };
      });
      for await (const shard of inOrder) {
        if (!shard.partial.clean) return false;
        const output = outputOf(shard.index, shard.start);
        shards.push({ part: shard.partial.part as Part, firstLine: shard.firstLine, rows: shard.partial.rows, output });
        if (output) pieces.add(output);
      }
      return true;
    } catch {
      // A byte that is not UTF-8, a quote never closed, a worker lost (out of memory at its heap cap): the one-pass read finds and words it, or reads it.
      return false;
    } finally {
      await workers.close();
    }
  })();
  try {
    const writing = writeOutput?.(pieces.stream());
    const complete = await reading;
    pieces.end(complete ? undefined : new ShardsGaveUp('the shards gave up; the file is read in one pass'));
    const written = await writing?.then(
      () => true,
      (error: unknown) => {
        if (error instanceof ShardsGaveUp || !complete) return false;
        throw error;
      },
    );
    const rows = shards.reduce((sum, shard) => sum + shard.rows, 0);
    // No data rows is a refusal (no_data_rows), worded by the one-pass read.
    if (!complete || written === false || rows === 0) return undefined;
    const hadBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    return {
      table: { format: splittable.format, delimiter: String.fromCharCode(delimiter), hadBom, columns, rows, contentBytes: size - (hadBom ? 3 : 0) },
      parts: shards.map(({ part, firstLine }) => ({ part, firstLine })),
      shards: shards.length,
      workers: threads,
    };
  } finally {
    await reading;
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

/** The confirmed pieces of output, streamed in order as they arrive; each file is removed once read. */
class PieceQueue {
  private readonly waiting: string[] = [];
  private ended: { error: Error | undefined } | undefined;
  private wake: (() => void) | undefined;

  add(path: string): void {
    this.waiting.push(path);
    this.wake?.();
  }

  end(error: Error | undefined): void {
    this.ended = { error };
    this.wake?.();
  }

  async *stream(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = this.waiting.shift();
      if (next !== undefined) {
        yield* createReadStream(next, { highWaterMark: 1024 * 1024 });
        await rm(next, { force: true });
        continue;
      }
      if (this.ended) {
        if (this.ended.error) throw this.ended.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
