import { basename } from 'node:path';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
import { ProfileError } from '#domain/profiling/index.js';
import { planByteRanges } from '#domain/sharding/byte-ranges.js';
import { scanDelimitedShard } from '#domain/sharding/delimited-shard.js';
import { ShardFailed, readInShards, type ReadShardOutcome } from '#domain/sharding/shard-chain.js';
import { howToShard, type Sharding } from '#domain/sharding/shard-plan.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { readFileChunks, readFileChunksFrom } from '#local/files/read-file-chunks.js';
import { regularFileSize } from '#local/files/regular-file-size.js';
import { formatBytes, ProgressLine } from '#local/terminal/progress-line.js';
import { startShardWorkers } from '#local/sharding/shard-workers.js';
import { parseArgs } from '../parse-args.js';
import { shardOptionSpec, shardOptionsOf } from '../shard-options.js';
import { DEFAULT_SHARD_BYTES } from '#local/sharding/shard-size.js';
import { statelessOptionSpec } from '../runtime-options.js';
import { shardsUsage } from '../usage.js';

const SNIFF_BYTES = 64 * 1024;

export async function shardsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...statelessOptionSpec, ...shardOptionSpec },
  });
  if (values.help) return (console.log(shardsUsage), ExitCode.ok);
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`shards needs exactly one file\n\n${shardsUsage}`);
  const options = shardOptionsOf(values);
  const workerCount = options.workers;
  // A plan of the shards a step would read: a Lambda's shard size unless another is asked for.
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const size = regularFileSize(path);
  const peeked = await peekBytes(readFileChunks(path), SNIFF_BYTES);
  await peeked.chunks.return(undefined);
  const sharding = refusedAs(() => howToShard(peeked.head, peeked.complete));

  const started = performance.now();
  const progress = size > 8 * 2 ** 20 ? new ProgressLine() : undefined;
  let shards: ReadShardOutcome<null>[];
  try {
    if (!sharding.splittable) shards = [];
    else {
      const { delimiter } = sharding;
      let read = 0;
      const total = planByteRanges(size, shardBytes).length;
      const workers = workerCount > 1 ? startShardWorkers(workerCount) : undefined;
      try {
        shards = await readInShards({ size, bytesFrom: (offset) => readFileChunksFrom(path, offset) }, shardBytes, async ({ start, boundary, chunks }) => {
          const scan = workers
            ? (await workers.read({ kind: 'scan', path, fileOffset: 0, size, start, boundary, delimiter })).scan
            : await scanDelimitedShard({ start, boundary, delimiter, chunks, sink: { row: () => {} } });
          progress?.update(`reading ${basename(path)}: ${Math.min(++read, total)} of ${total} shards read, ${workerCount} at a time`);
          return { scan, partial: null };
        });
      } finally {
        await workers?.close();
      }
    }
  } catch (error) {
    progress?.done();
    if (error instanceof ShardFailed && error.cause instanceof ProfileError) throw new CommandError(error.cause.code, error.message);
    throw error;
  }
  progress?.done();
  const seconds = (performance.now() - started) / 1000;
  if (values.json) console.log(JSON.stringify(jsonView(path, size, shardBytes, sharding, shards, seconds, sharding.splittable ? workerCount : 1), null, 2));
  else console.log(readableView(path, size, shardBytes, sharding, shards, seconds));
  return ExitCode.ok;
}

/** A file no reader takes fails with the code a journey would give it. */
function refusedAs<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof ProfileError) throw new CommandError(error.code, `${error.message}${error.details[0] ? ` (${error.details[0]})` : ''}`);
    throw error;
  }
}

function jsonView(path: string, size: number, shardBytes: number, sharding: Sharding, shards: ReadShardOutcome<null>[], seconds: number, workers: number) {
  return {
    file: path,
    size,
    shardSize: shardBytes,
    format: sharding.format,
    ...(sharding.splittable && sharding.format !== 'ndjson' ? { delimiter: String.fromCharCode(sharding.delimiter) } : {}),
    splittable: sharding.splittable,
    ...(sharding.splittable ? {} : { because: sharding.because }),
    shards: sharding.splittable
      ? shards.map((s) => ({ index: s.index, start: s.start, end: s.end, rows: s.rows, firstLine: s.firstLine, reread: s.reread }))
      : [{ index: 0, start: 0, end: size, rows: null, firstLine: 1, reread: false }],
    rows: sharding.splittable ? shards.reduce((n, s) => n + s.rows, 0) : null,
    rereads: shards.filter((s) => s.reread).length,
    workers,
    seconds: Number(seconds.toFixed(3)),
  };
}

const count = (n: number) => n.toLocaleString('en-US');

function readableView(path: string, size: number, shardBytes: number, sharding: Sharding, shards: ReadShardOutcome<null>[], seconds: number): string {
  if (!sharding.splittable) return `${path}: ${formatBytes(size)}, one shard: ${sharding.because}`;
  const rows = shards.reduce((n, s) => n + s.rows, 0);
  const lines = [
    `${path}: ${formatName(sharding)}, ${formatBytes(size)} in ${shards.length} shard${shards.length === 1 ? '' : 's'} of about ${formatBytes(shardBytes)}; ${count(rows)} rows (a header included) read in ${seconds.toFixed(2)} s`,
    '',
    `${'shard'.padEnd(6)}${'bytes'.padEnd(32)}${'rows'.padStart(12)}  first line`,
  ];
  for (const s of shards) {
    lines.push(
      `${String(s.index).padEnd(6)}${`${count(s.start)} - ${count(s.end)}`.padEnd(32)}${count(s.rows).padStart(12)}  ${count(s.firstLine)}${s.reread ? '  (read again: its guessed start was inside a quoted line break)' : ''}`,
    );
  }
  return lines.join('\n');
}

function formatName(sharding: Sharding & { splittable: true }): string {
  const delimiter = String.fromCharCode(sharding.delimiter);
  if (sharding.format === 'csv' && delimiter !== ',') return `CSV (delimiter ${JSON.stringify(delimiter)})`;
  return sharding.format.toUpperCase();
}
