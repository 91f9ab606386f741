import { spawnSync } from 'node:child_process';
import { readFileChunks } from '../local/files/read-file-chunks.js';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';
import { writeTelemetryCsv } from './generate-telemetry-csv.js';

/**
 * The streaming profiler against DuckDB's SUMMARIZE (threads=1) on the same generated telemetry
 * CSV, both in fresh child processes so each one's peak RSS is its own: throughput ratio,
 * the profiler's and DuckDB's peak RSS, and the profiler's peak RSS on a 1 GB file against a
 * 100 MB one. The profiler child runs an esbuild bundle on plain node, as the functions are
 * deployed (tsx alone would add about 34 MiB to its RSS). Files are generated into the OS temp
 * dir, streaming, and deleted as soon as they have been measured.
 */
const ROWS = 1_500_000;
const ROWS_100MB = 1_125_000;
const ROWS_1GB = 11_250_000;
const REPEATS = 3;
const CHILD = 'SYMPHAINY_PROFILER_BENCH_CHILD';

interface ChildResult {
  seconds: number;
  maxRssMiB: number;
  rows: number;
}

/** Child mode: profile (or SUMMARIZE) one file and print what it cost. */
async function child(mode: string, path: string): Promise<void> {
  const started = performance.now();
  let rows: number;
  if (mode === 'profiler') {
    const { profileStream } = await import('#domain/profiling/index.js');
    rows = (await profileStream(readFileChunks(path), { totalBytes: statSync(path).size })).rows;
  } else {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run('SET threads = 1');
    const summary = await connection.runAndReadAll(`SUMMARIZE SELECT * FROM read_csv('${path.replaceAll("'", "''")}')`);
    rows = Number(summary.getRowObjects()[0]!.count);
  }
  const result: ChildResult = { seconds: (performance.now() - started) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, rows };
  process.stdout.write(JSON.stringify(result));
}

if (process.env[CHILD]) await child(process.env[CHILD]!, process.argv[2]!);

/** Bundles this file for plain node, next to node_modules so DuckDB resolves from the bundle. */
async function bundleSelf(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  const root = dirname(dirname(here));
  const outfile = join(root, 'node_modules', '.cache', 'symphainy-bench', 'profiler-bench.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: [here],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['@duckdb/node-api', 'esbuild'],
    logLevel: 'warning',
  });
  createRequire(import.meta.url).resolve('@duckdb/node-api'); // fails here, clearly, if DuckDB is not installed
  return outfile;
}

function runChild(bundle: string, mode: 'profiler' | 'duckdb', path: string): ChildResult {
  const result = spawnSync(process.execPath, [bundle, path], { env: { ...process.env, [CHILD]: mode }, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} child failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mib = (bytes: number) => bytes / 1024 / 1024;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'symphainy-profiler-bench-'));
  const progress = (text: string) => process.stderr.write(`  profiler: ${text}\n`);
  try {
    const bundle = await bundleSelf();
    const path = join(dir, 'telemetry.csv');
    progress(`generating ${ROWS.toLocaleString('en-US')} rows`);
    const bytes = await writeTelemetryCsv(path, ROWS);
    const profiler: ChildResult[] = [];
    const duckdb: ChildResult[] = [];
    // Interleaved, so a busy moment on the machine hits both sides alike; medians of three.
    for (let i = 0; i < REPEATS; i++) {
      progress(`run ${i + 1} of ${REPEATS}: profiler, then DuckDB SUMMARIZE`);
      profiler.push(runChild(bundle, 'profiler', path));
      duckdb.push(runChild(bundle, 'duckdb', path));
    }
    for (const r of [...profiler, ...duckdb]) if (r.rows !== ROWS) throw new Error(`a child read ${r.rows} rows, expected ${ROWS}`);
    rmSync(path);
    const profilerMBps = bytes / 1e6 / median(profiler.map((r) => r.seconds));
    const duckdbMBps = bytes / 1e6 / median(duckdb.map((r) => r.seconds));
    const ratio = profilerMBps / duckdbMBps;
    const profilerRss = median(profiler.map((r) => r.maxRssMiB));
    const duckdbRss = median(duckdb.map((r) => r.maxRssMiB));

    const rssAt = async (rows: number, name: string) => {
      const file = join(dir, name);
      progress(`generating ${name}`);
      const size = await writeTelemetryCsv(file, rows);
      progress(`profiling ${name}`);
      const rss = runChild(bundle, 'profiler', file).maxRssMiB;
      rmSync(file);
      return { size, rss };
    };
    const small = await rssAt(ROWS_100MB, '100mb.csv');
    const large = await rssAt(ROWS_1GB, '1gb.csv');
    const rssRatio = large.rss / small.rss;
    const file = `${ROWS.toLocaleString('en-US')} rows, ${round(mib(bytes), 1)} MiB`;
    return [
      {
        benchmark: `profile throughput vs DuckDB SUMMARIZE (threads=1), ${file}`,
        value: round(ratio),
        unit: 'x',
        target: '>= 1.0',
        meetsTarget: ratio >= 1,
        notes: `profiler ${round(profilerMBps, 1)} MB/s, DuckDB ${round(duckdbMBps, 1)} MB/s (medians of ${REPEATS}, interleaved)`,
      },
      {
        benchmark: `profiler peak RSS, ${file}`,
        value: round(profilerRss, 1),
        unit: 'MiB',
        target: '<= 100 MiB',
        meetsTarget: profilerRss <= 100,
        notes: 'child process on plain node, esbuild bundle',
      },
      {
        benchmark: `DuckDB SUMMARIZE peak RSS, ${file}`,
        value: round(duckdbRss, 1),
        unit: 'MiB',
        target: '',
        notes: 'child process, threads=1, for comparison',
      },
      {
        benchmark: 'profiler peak RSS at 1 GB / at 100 MB',
        value: round(rssRatio),
        unit: 'x',
        target: '<= 1.2',
        meetsTarget: rssRatio <= 1.2,
        notes: `${round(large.rss, 1)} MiB on ${round(mib(large.size))} MiB, ${round(small.rss, 1)} MiB on ${round(mib(small.size))} MiB`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
