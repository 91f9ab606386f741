import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';
import { writeFleetLog } from './generate-fleet-log.js';
import { writeOrdersCsv } from './generate-orders-csv.js';
import { writePolicyExtract } from './generate-policy-extract.js';

/**
 * Whole journeys on the embedded runtime: an ERP order export uploaded as the mvp use case, a
 * US fleet logger's export uploaded as autonomous_vehicle and a policy administration system's
 * pipe-delimited extract uploaded as insurance_ai (none of them our samples' shape), each
 * upload journey and the EDA journey that follows it, in a fresh child
 * process per run so its peak RSS is its own. Baselines in the same run, each in its own child:
 * DuckDB (threads=1) reading the CSV and writing it as NDJSON (what the upload journey does), and
 * DuckDB SUMMARIZE (what the EDA journey does). A journey's time runs from its first step's start
 * to its last step's end, as `symphainy show` reports them.
 */
const ALL_DATASETS = [
  { useCase: 'mvp', file: 'orders-export.csv', what: 'order export', rowsPer10MB: 115_000, write: writeOrdersCsv },
  { useCase: 'autonomous_vehicle', file: 'fleet-log.csv', what: 'fleet log', rowsPer10MB: 125_000, write: writeFleetLog },
  { useCase: 'insurance_ai', file: 'policy-extract.psv', what: 'policy extract', rowsPer10MB: 78_600, write: writePolicyExtract },
];
/** `SYMPHAINY_BENCH_JOURNEY_USE_CASES=insurance_ai` runs one use case's journeys alone. */
const DATASETS = process.env['SYMPHAINY_BENCH_JOURNEY_USE_CASES']
  ? ALL_DATASETS.filter((d) => process.env['SYMPHAINY_BENCH_JOURNEY_USE_CASES']!.split(',').includes(d.useCase))
  : ALL_DATASETS;
const ALL_SIZES = [
  { label: '10 MB', times: 1 },
  { label: '100 MB', times: 10 },
  { label: '1 GB', times: 100 },
];
/** `SYMPHAINY_BENCH_JOURNEY_SIZES=10 MB,100 MB` runs fewer (the 1 GB pair takes minutes). */
const SIZES = process.env['SYMPHAINY_BENCH_JOURNEY_SIZES']
  ? ALL_SIZES.filter((s) => process.env['SYMPHAINY_BENCH_JOURNEY_SIZES']!.split(',').includes(s.label))
  : ALL_SIZES;
const CHILD = 'SYMPHAINY_JOURNEY_BENCH_CHILD';

interface ChildResult {
  seconds: number;
  maxRssMiB: number;
  upload?: { status: string; seconds: number };
  eda?: { status: string; seconds: number };
}

async function child(mode: string, path: string, work: string, key: string): Promise<void> {
  const started = performance.now();
  const result: Partial<ChildResult> = {};
  if (mode === 'journeys') {
    const { EmbeddedRuntime } = await import('#local/runtime/embedded-runtime.js');
    const runtime = await EmbeddedRuntime.open({ dataDir: join(work, 'data'), logLevel: 'SILENT' });
    // Streamed in, as `symphainy upload` does: the file is never held whole.
    await runtime.upload({ body: createReadStream(path, { highWaterMark: 1024 * 1024 }), key, metadata: {} });
    await runtime.idle();
    for (const view of runtime.journeys()) {
      const starts = view.steps.map((s) => Date.parse(s.startedAt ?? '')).filter(Number.isFinite);
      const ends = view.steps.map((s) => Date.parse(s.endedAt ?? '')).filter(Number.isFinite);
      const span = { status: view.status, seconds: (Math.max(...ends) - Math.min(...starts)) / 1000 };
      if (view.journey === 'upload') result.upload = span;
      if (view.journey === 'eda') result.eda = span;
    }
    runtime.close();
  } else {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run('SET threads = 1');
    const source = `read_csv('${path.replaceAll("'", "''")}')`;
    if (mode === 'duckdb-ndjson') await connection.run(`COPY (SELECT * FROM ${source}) TO '${join(work, 'out.ndjson').replaceAll("'", "''")}' (FORMAT json)`);
    else await connection.runAndReadAll(`SUMMARIZE SELECT * FROM ${source}`);
  }
  process.stdout.write(JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

if (process.env[CHILD]) await child(process.env[CHILD]!, process.argv[2]!, process.argv[3]!, process.argv[4]!);

/** Bundled for plain node as the functions are deployed; DuckDB stays external and resolves from node_modules. */
async function bundleSelf(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  const root = dirname(dirname(here));
  const outdir = join(root, 'node_modules', '.cache', 'symphainy-bench');
  mkdirSync(outdir, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    // The shard worker beside the bench, where the runtime starts it from: a 100 MB upload's EDA reads in shards.
    entryPoints: { 'journeys-bench': here, 'shard-worker': join(root, 'local', 'sharding', 'shard-worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    external: ['@duckdb/node-api', 'esbuild'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  createRequire(import.meta.url).resolve('@duckdb/node-api');
  return join(outdir, 'journeys-bench.mjs');
}

function runChild(bundle: string, mode: string, path: string, key = ''): ChildResult {
  const work = mkdtempSync(join(tmpdir(), 'symphainy-journey-run-'));
  try {
    const result = spawnSync(process.execPath, [bundle, path, work, key], { env: { ...process.env, [CHILD]: mode }, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (result.status !== 0) throw new Error(`${mode} child failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout) as ChildResult;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'symphainy-journey-bench-'));
  const progress = (text: string) => process.stderr.write(`  journeys: ${text}\n`);
  const rows: BenchRow[] = [];
  try {
    const bundle = await bundleSelf();
    for (const dataset of DATASETS) {
      const rss: number[] = [];
      for (const size of SIZES) {
        const path = join(dir, dataset.file);
        const rowCount = dataset.rowsPer10MB * size.times;
        progress(`generating the ${size.label} ${dataset.what}`);
        await dataset.write(path, rowCount);
        const mb = statSync(path).size / 1e6;
        progress(`${dataset.useCase}, ${size.label}: upload and EDA journeys, then DuckDB`);
        const journeys = runChild(bundle, 'journeys', path, `uploads/${dataset.useCase}/${dataset.file}`);
        const toNdjson = runChild(bundle, 'duckdb-ndjson', path);
        const summarize = runChild(bundle, 'duckdb-summarize', path);
        rmSync(path);
        if (journeys.upload?.status !== 'completed' || journeys.eda?.status !== 'completed') {
          throw new Error(`the ${dataset.useCase} ${size.label} journeys did not complete: upload ${journeys.upload?.status}, eda ${journeys.eda?.status}`);
        }
        rss.push(journeys.maxRssMiB);
        const file = `${dataset.useCase}, ${size.label} ${dataset.what} (${round(mb, 1)} MB, ${rowCount.toLocaleString('en-US')} rows)`;
        const uploadRatio = toNdjson.seconds / journeys.upload.seconds;
        const edaRatio = summarize.seconds / journeys.eda.seconds;
        rows.push(
          {
            benchmark: `upload journey throughput vs DuckDB CSV to NDJSON (threads=1), ${file}`,
            value: round(uploadRatio),
            unit: 'x',
            target: '>= 1.0',
            meetsTarget: uploadRatio >= 1,
            notes: `journey ${round(mb / journeys.upload.seconds, 1)} MB/s (${round(journeys.upload.seconds)} s), DuckDB ${round(mb / toNdjson.seconds, 1)} MB/s (${round(toNdjson.seconds)} s, ${round(toNdjson.maxRssMiB, 0)} MiB)`,
          },
          {
            benchmark: `EDA journey throughput vs DuckDB SUMMARIZE (threads=1), ${file}`,
            value: round(edaRatio),
            unit: 'x',
            target: '>= 1.0',
            meetsTarget: edaRatio >= 1,
            notes: `journey ${round(mb / journeys.eda.seconds, 1)} MB/s (${round(journeys.eda.seconds)} s), DuckDB ${round(mb / summarize.seconds, 1)} MB/s (${round(summarize.seconds)} s, ${round(summarize.maxRssMiB, 0)} MiB)`,
          },
          {
            benchmark: `upload + EDA journeys peak RSS, ${file}`,
            value: round(journeys.maxRssMiB, 0),
            unit: 'MiB',
            target: '<= 256 MiB',
            meetsTarget: journeys.maxRssMiB <= 256,
            notes: `one embedded runtime process running both journeys; whole child ${round(journeys.seconds)} s`,
          },
        );
      }
      if (rss.length >= 2) {
        const growth = rss[rss.length - 1]! / rss[rss.length - 2]!;
        rows.push({
          benchmark: `${dataset.useCase} journeys peak RSS at ${SIZES[SIZES.length - 1]!.label} / at ${SIZES[SIZES.length - 2]!.label}`,
          value: round(growth),
          unit: 'x',
          target: '<= 1.2',
          meetsTarget: growth <= 1.2,
          notes: `every ${dataset.useCase} step streams: memory should not follow the file`,
        });
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
