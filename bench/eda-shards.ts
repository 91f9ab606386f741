import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';
import { writeOrdersCsv } from './generate-orders-csv.js';
import { profileDifferences, type ComparedProfile } from './profile-differences.js';

/**
 * The mvp EDA journey on the embedded runtime as a user starts it (`symphainy upload <file>
 * --use-case mvp --journey eda --workers N --json`, a whole process each time, its own data
 * directory) on a generated ERP order export: two workers, whose load_data reads the upload in
 * shards, against one, which reads it in one pass. The journey's time runs from its first step's
 * start to its last step's end; the two profile.json are compared. `SYMPHAINY_BENCH_EDA_SHARDS_MB`
 * sets the size (1024 by default; 4096 for the 4 GB row), `SYMPHAINY_BENCH_EDA_SHARDS_RUNS` the
 * runs of each (1 by default: a 1 GB pair takes minutes).
 */
const ROWS_PER_MB = 11_500;
const BIN = join(dirname(dirname(fileURLToPath(import.meta.url))), 'bin', 'symphainy.js');

interface Step {
  name: string;
  startedAt?: string;
  endedAt?: string;
  summary?: Record<string, unknown>;
}

interface EdaRun {
  journeySeconds: number;
  loadSeconds: number;
  maxRssMiB: number;
  shards: number;
  profile: ComparedProfile;
  /** explore_data's timestamp sequences: exact, so compared whole. */
  exploration: unknown;
  timestampShards: number;
}

function edaJourney(path: string, workers: number): EdaRun {
  const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-eda-shards-run-'));
  try {
    const args = ['upload', path, '--use-case', 'mvp', '--journey', 'eda', '--workers', String(workers), '--json', '--data-dir', dataDir];
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (result.status !== 0) throw new Error(`symphainy ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-2000)}`);
    const view = JSON.parse(result.stdout) as { status: string; steps: Step[]; artifacts: { name: string; bucket: string; key: string }[] };
    if (view.status !== 'completed') throw new Error(`the EDA journey ended ${view.status}`);
    const span = (steps: Step[]) => (Math.max(...steps.map((s) => Date.parse(s.endedAt!))) - Math.min(...steps.map((s) => Date.parse(s.startedAt!)))) / 1000;
    const artifact = (name: string): unknown => {
      const ref = view.artifacts.find((a) => a.name === name)!;
      const out = join(dataDir, name);
      const got = spawnSync(process.execPath, [BIN, 'get', `s3://${ref.bucket}/${ref.key}`, '--out', out, '--data-dir', dataDir], { encoding: 'utf8' });
      if (got.status !== 0) throw new Error(`symphainy get failed: ${got.stderr}`);
      return JSON.parse(readFileSync(out, 'utf8'));
    };
    const explore = view.steps.find((step) => step.name === 'explore_data');
    return {
      journeySeconds: span(view.steps),
      loadSeconds: span(view.steps.slice(0, 1)),
      maxRssMiB: Number(result.stderr.trim().split('\n').at(-1)) / 1024,
      shards: Number(view.steps[0]!.summary?.['shards'] ?? 1),
      profile: artifact('profile.json') as ComparedProfile,
      exploration: artifact('exploration.json'),
      timestampShards: Number(explore?.summary?.['timestampShards'] ?? 0),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function run(): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/time')) throw new Error('the EDA shards benchmark reads peak RSS with /usr/bin/time (Debian package "time")');
  const megabytes = Number(process.env.SYMPHAINY_BENCH_EDA_SHARDS_MB ?? 1024);
  const runs = Number(process.env.SYMPHAINY_BENCH_EDA_SHARDS_RUNS ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'symphainy-eda-shards-bench-'));
  const progress = (text: string) => process.stderr.write(`  eda-shards: ${text}\n`);
  try {
    const path = join(dir, 'orders-export.csv');
    progress(`generating a ${megabytes} MB order export`);
    const bytes = await writeOrdersCsv(path, Math.round(megabytes * ROWS_PER_MB));
    const two: EdaRun[] = [];
    const one: EdaRun[] = [];
    for (let r = 0; r < runs; r++) {
      progress(`run ${r + 1} of ${runs}: the EDA journey on 2 workers, then on 1`);
      two.push(edaJourney(path, 2));
      one.push(edaJourney(path, 1));
    }
    const [a, b] = [two, one].map((list) => ({
      journey: median(list.map((x) => x.journeySeconds)),
      load: median(list.map((x) => x.loadSeconds)),
      rss: Math.max(...list.map((x) => x.maxRssMiB)),
    }));
    const found = profileDifferences(two[0]!.profile, one[0]!.profile);
    if (!isDeepStrictEqual(two[0]!.exploration, one[0]!.exploration)) found.push('exploration.json');
    const what = `${(bytes / 1e6).toFixed(0)} MB order export, mvp`;
    const speedUp = b!.journey / a!.journey;
    const loadSpeedUp = b!.load / a!.load;
    return [
      {
        benchmark: `EDA journey, 2 workers vs 1, ${what}`,
        value: round(speedUp),
        unit: 'x',
        target: '>= 1.7',
        meetsTarget: speedUp >= 1.7 && found.length === 0,
        notes: `2 workers ${round(a!.journey)} s (peak ${round(a!.rss, 0)} MiB), 1 worker ${round(b!.journey)} s (peak ${round(b!.rss, 0)} MiB); profile.json and exploration.json ${found.length === 0 ? 'agree (counts, nulls, extremes, timestamp sequences exact; means to 9 digits; distinct within 3 standard errors)' : `DIFFER: ${found.slice(0, 4).join(', ')}`}; explore_data followed the timestamps in ${two[0]!.timestampShards} shards against ${one[0]!.timestampShards}; medians of ${runs}`,
      },
      {
        benchmark: `EDA load_data step, 2 workers vs 1, ${what}`,
        value: round(loadSpeedUp),
        unit: 'x',
        target: '',
        notes: `2 workers ${round(a!.load)} s in ${two[0]!.shards} shards, 1 worker ${round(b!.load)} s in one pass: the step that reads the upload in shards (its admission check and the later steps read it once each)`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
