import { readFileChunks } from '#local/files/read-file-chunks.js';
import { regularFileSize } from '#local/files/regular-file-size.js';
import { basename } from 'node:path';
import { parseArgs } from '../parse-args.js';
import { deriveInsights } from '#domain/insights/index.js';
import { ProfileError, profileStream, type ColumnProfile, type DatasetProfile, type Insight } from '#domain/profiling/index.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { statelessOptionSpec } from '../runtime-options.js';
import { shardOptionSpec, shardOptionsOf } from '../shard-options.js';
import { localShardBytes } from '#local/sharding/shard-size.js';
import { profileFileInShards, type ShardedProfile } from '#local/sharding/profile-file-in-shards.js';
import { formatBytes, ProgressLine } from '#local/terminal/progress-line.js';
import { profileUsage } from '../usage.js';

/** Below this size a file is profiled before a progress line would be worth reading. */
const PROGRESS_FROM_BYTES = 8 * 1024 * 1024;

export async function profileCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...statelessOptionSpec, ...shardOptionSpec },
  });
  if (values.help) return (console.log(profileUsage), ExitCode.ok);
  const { shardBytes: askedShardBytes, workers } = shardOptionsOf(values);
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`profile needs exactly one file\n\n${profileUsage}`);
  const size = regularFileSize(path);
  const shardBytes = askedShardBytes ?? localShardBytes(size, workers);

  const progress = size > PROGRESS_FROM_BYTES ? progressReporter(basename(path), size) : undefined;
  let profile: DatasetProfile;
  let sharded: ShardedProfile | undefined;
  try {
    // More than one core and more than one shard's worth of delimited text: shards on worker threads, merged.
    sharded =
      workers > 1
        ? await profileFileInShards({ path, size }, { shardBytes, workers, onShardRead: (read, total) => progress?.update((size * read) / total) })
        : undefined;
    profile = sharded?.profile ?? (await profileStream(readFileChunks(path), { totalBytes: size, onProgress: progress?.update }));
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    progress?.done();
    console.error(`symphainy profile: ${path}: ${error.code}: ${error.message}`);
    for (const detail of error.details.slice(0, 5)) console.error(`  ${detail}`);
    if (values.json) console.log(JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } }, null, 2));
    return ExitCode.notOk;
  }
  progress?.done();
  const insights = deriveInsights(profile);
  const reading = readingOf(sharded);
  if (values.json) console.log(JSON.stringify({ ...jsonView(profile, insights), reading }, null, 2));
  else console.log(readableView(path, profile, insights, reading));
  return ExitCode.ok;
}

function progressReporter(name: string, total: number) {
  const line = new ProgressLine();
  const started = performance.now();
  let lastShown = -Infinity;
  return {
    update(bytesRead: number) {
      const now = performance.now();
      if (now - lastShown < 100 && bytesRead < total) return;
      lastShown = now;
      const seconds = Math.max((now - started) / 1000, 1e-3);
      const percent = Math.min(100, Math.floor((bytesRead / total) * 100));
      line.update(`profiling ${name}: ${formatBytes(bytesRead)} of ${formatBytes(total)} (${percent}%), ${(bytesRead / 1e6 / seconds).toFixed(1)} MB/s`);
    },
    done: () => line.done(),
  };
}

/** How the file was read: one pass, or shards on worker threads (a re-read shard's guessed start was inside a quoted line break). */
function readingOf(sharded: ShardedProfile | undefined) {
  if (!sharded) return { shards: 1, workers: 1, rereads: 0 };
  return { shards: sharded.shards.length, workers: sharded.workers, rereads: sharded.shards.filter((s) => s.reread).length };
}

/** The documented `--json` shape: the figures a script needs, nothing about how they were computed. */
function jsonView(profile: DatasetProfile, insights: Insight[]) {
  return {
    rows: profile.rows,
    columns: profile.columns.map((c) => ({
      name: c.name,
      type: c.type,
      count: c.count,
      nulls: c.nulls,
      distinct: c.distinct,
      min: c.min,
      max: c.max,
      mean: c.mean,
      stddev: c.stddev,
      quantiles: c.quantiles,
      histogram: c.histogram,
      topK: c.topK,
    })),
    correlations: profile.correlations,
    insights,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** A number as people read it: integers whole, others to four significant digits. */
function figure(value: number): string {
  if (Number.isInteger(value)) return count(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs >= 1e6 || abs < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

function valueText(column: ColumnProfile, value: number | string | null): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (column.type !== 'datetime') return figure(value);
  // Quantiles of datetimes are epoch milliseconds: written the way the column's min is.
  const iso = new Date(value).toISOString();
  const like = String(column.min);
  return like.length === 10 ? iso.slice(0, 10) : like.endsWith('Z') ? iso : iso.slice(0, -1);
}

function readableView(path: string, profile: DatasetProfile, insights: Insight[], reading: ReturnType<typeof readingOf>): string {
  const format =
    profile.delimiter && profile.format === 'csv' && profile.delimiter !== ',' ? `CSV (delimiter "${profile.delimiter}")` : profile.format.toUpperCase();
  const lines = [
    `${path}: ${format}${profile.compression === 'gzip' ? ', gzip' : ''}, ${formatBytes(profile.bytes)}, ${count(profile.rows)} rows × ${profile.columns.length} columns`,
    ...(reading.shards > 1 ? [`read in ${reading.shards} shards on ${reading.workers} worker threads, merged`] : []),
    `duplicate rows: ${profile.duplicateRowsApproximate ? '~' : ''}${count(profile.duplicateRows)}${profile.raggedRows ? `; rows with the wrong number of fields: ${count(profile.raggedRows)}` : ''}`,
    '',
  ];
  const width = Math.max(...profile.columns.map((c) => c.name.length), 4);
  for (const c of profile.columns) {
    const distinct = `${c.distinctApproximate ? '~' : ''}${count(c.distinct)} distinct${c.distinctApproximate ? ` (±${(c.distinctErrorBound * 100).toFixed(1)}%)` : ''}`;
    const mix =
      c.type === 'string' && Object.keys(c.typeCounts).length > 1
        ? ` (mixed: ${Object.entries(c.typeCounts)
            .map(([t, n]) => `${count(n)} ${t}`)
            .join(', ')})`
        : '';
    lines.push(`${c.name.padEnd(width)}  ${c.type}${mix}: ${count(c.count)} values, ${count(c.nulls)} nulls, ${distinct}`);
    const indent = ' '.repeat(width + 2);
    if (c.type === 'integer' || c.type === 'float' || c.type === 'datetime') {
      const q = c.quantiles;
      lines.push(
        `${indent}min ${valueText(c, c.min)}  p25 ${valueText(c, q.p25)}  median ${valueText(c, q.p50)}  p75 ${valueText(c, q.p75)}  max ${valueText(c, c.max)}`,
      );
      if (c.mean !== null)
        lines.push(
          `${indent}mean ${figure(c.mean)}  stddev ${c.stddev === null ? '–' : figure(c.stddev)}  p1 ${valueText(c, q.p1)}  p99 ${valueText(c, q.p99)}`,
        );
    } else if (c.type === 'string' && c.lengths) {
      lines.push(`${indent}length ${c.lengths.min}–${c.lengths.max} (mean ${figure(c.lengths.mean)})  min "${c.min}"  max "${c.max}"`.replace(/\n/g, '\\n'));
    }
    if (c.topK.length > 0 && c.distinct <= c.count / 2) {
      const top = c.topK.slice(0, 5).map((t) => `${JSON.stringify(t.value)} ${c.topKApproximate ? '~' : ''}${count(t.count)}`);
      lines.push(`${indent}most frequent: ${top.join(', ')}`);
    }
  }
  const strong = profile.correlations.filter((c) => Math.abs(c.pearson) >= 0.3).sort((a, b) => Math.abs(b.pearson) - Math.abs(a.pearson));
  if (strong.length > 0) {
    lines.push('', 'correlations (|r| ≥ 0.3):');
    for (const c of strong.slice(0, 10)) lines.push(`  ${c.a} ~ ${c.b}: r = ${c.pearson.toFixed(3)} over ${count(c.n)} rows`);
  }
  lines.push('', insights.length === 0 ? 'insights: none' : `insights (${insights.length}):`);
  for (const insight of insights) lines.push(`  [${insight.severity}] ${insight.title}`);
  return lines.join('\n');
}
