import { availableParallelism } from 'node:os';
import { UsageError } from '#local/command-errors/command-error.js';

/** The options of every command that reads a file in shards. */
export const shardOptionSpec = { 'shard-size': { type: 'string' }, workers: { type: 'string' } } as const;

/** --shard-size (64MiB, 500MB, 1GiB or bytes) and --workers (default: one per core). */
export function shardOptionsOf(values: { 'shard-size'?: string; workers?: string }): { shardBytes: number | undefined; workers: number } {
  const shardBytes = values['shard-size'] === undefined ? undefined : byteSize(values['shard-size']);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 64)
    throw new UsageError(`--workers must be a whole number from 1 to 64, not "${values.workers}"`);
  return { shardBytes, workers };
}

/** 64MiB, 500MB, 1GiB, 4096 (bytes). */
function byteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?$/i.exec(text.trim());
  const units: Record<string, number> = { b: 1, kb: 1e3, kib: 2 ** 10, mb: 1e6, mib: 2 ** 20, gb: 1e9, gib: 2 ** 30 };
  const bytes = match ? Math.round(Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]!) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`--shard-size must be a size such as 64MiB or 1048576, not "${text}"`);
  return bytes;
}
