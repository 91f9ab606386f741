import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';
import { writeTelemetryCsv } from './generate-telemetry-csv.js';
import { profileDifferences, type ComparedProfile } from './profile-differences.js';

/**
 * `symphainy shards` and `symphainy profile` as a user runs them, a whole process each time, on a
 * generated telemetry CSV: two worker threads against one (the speed-up fan-out is for), one
 * worker in shards against the same file read as a single shard (what guessing record starts
 * costs), and the profile in shards on two workers against the one-pass profile, with the two
 * profiles compared. Medians of three runs taken in turn; the child's own peak RSS.
 * `SYMPHAINY_BENCH_SHARDS_MB` sets the size (1024 by default).
 */
const ROWS_PER_MB = 11_200;
const REPEATS = 3;
const BIN = join(dirname(dirname(fileURLToPath(import.meta.url))), 'bin', 'symphainy.js');

interface Run {
  seconds: number;
  maxRssMiB: number;
  rows: number;
  shards: number;
}

function timed(command: 'shards' | 'profile', path: string, args: string[]): { seconds: number; maxRssMiB: number; output: unknown } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, command, path, '--json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`symphainy ${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const maxRssKiB = Number(result.stderr.trim().split('\n').at(-1));
  return { seconds, maxRssMiB: maxRssKiB / 1024, output: JSON.parse(result.stdout) };
}

function shards(path: string, args: string[]): Run {
  const { seconds, maxRssMiB, output } = timed('shards', path, args);
  const plan = output as { rows: number; shards: unknown[] };
  return { seconds, maxRssMiB, rows: plan.rows, shards: plan.shards.length };
}

interface ProfileRun {
  seconds: number;
  maxRssMiB: number;
  profile: ComparedProfile & { reading: { shards: number; workers: number } };
}

function profile(path: string, args: string[]): ProfileRun {
  const { seconds, maxRssMiB, output } = timed('profile', path, args);
  return { seconds, maxRssMiB, profile: output as ProfileRun['profile'] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function run(): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/time')) throw new Error('the shards benchmark reads peak RSS with /usr/bin/time (Debian package "time")');
  const megabytes = Number(process.env.SYMPHAINY_BENCH_SHARDS_MB ?? 1024);
  const dir = mkdtempSync(join(tmpdir(), 'symphainy-shards-bench-'));
  try {
    const path = join(dir, 'telemetry.csv');
    const bytes = await writeTelemetryCsv(path, Math.round(megabytes * ROWS_PER_MB));
    const variants = { two: ['--workers', '2'], one: ['--workers', '1'], whole: ['--workers', '1', '--shard-size', `${bytes + 1}`] };
    const runs: Record<keyof typeof variants, Run[]> = { two: [], one: [], whole: [] };
    for (let r = 0; r < REPEATS; r++) for (const [name, args] of Object.entries(variants)) runs[name as keyof typeof variants].push(shards(path, args));
    const [two, one, whole] = (['two', 'one', 'whole'] as const).map((name) => ({
      seconds: median(runs[name].map((x) => x.seconds)),
      rss: Math.max(...runs[name].map((x) => x.maxRssMiB)),
      rows: runs[name][0]!.rows,
      shards: runs[name][0]!.shards,
    }));
    const profiles = { sharded: [] as ProfileRun[], onePass: [] as ProfileRun[] };
    for (let r = 0; r < REPEATS; r++) {
      profiles.sharded.push(profile(path, ['--workers', '2']));
      profiles.onePass.push(profile(path, ['--workers', '1']));
    }
    const shardedProfile = { seconds: median(profiles.sharded.map((x) => x.seconds)), rss: Math.max(...profiles.sharded.map((x) => x.maxRssMiB)) };
    const onePassProfile = { seconds: median(profiles.onePass.map((x) => x.seconds)), rss: Math.max(...profiles.onePass.map((x) => x.maxRssMiB)) };
    const differences = profileDifferences(profiles.sharded[0]!.profile, profiles.onePass[0]!.profile);
    const profileSpeedUp = onePassProfile.seconds / shardedProfile.seconds;
    const agree = two!.rows === whole!.rows && one!.rows === whole!.rows;
    const what = `${(bytes / 1e6).toFixed(0)} MB telemetry CSV, ${two!.shards} shards of 64 MiB`;
    const speedUp = one!.seconds / two!.seconds;
    const overhead = one!.seconds / whole!.seconds;
    return [
      {
        benchmark: `sharded read, 2 workers vs 1, ${what}`,
        value: round(speedUp),
        unit: 'x',
        target: '>= 1.7',
        meetsTarget: speedUp >= 1.7 && agree,
        notes: `2 workers ${round(two!.seconds)} s (${round(two!.rss, 0)} MiB), 1 worker ${round(one!.seconds)} s (${round(one!.rss, 0)} MiB); rows ${agree ? 'agree' : 'DIFFER'}: ${whole!.rows.toLocaleString('en-US')}`,
      },
      {
        benchmark: `sharded read on 1 worker vs one whole read, ${what}`,
        value: round(overhead),
        unit: 'x',
        target: '<= 1.05',
        meetsTarget: overhead <= 1.05 && agree,
        notes: `whole file as one shard ${round(whole!.seconds)} s (${round(whole!.rss, 0)} MiB): guessing each shard's first record costs this much`,
      },
      {
        benchmark: `symphainy profile in shards, 2 workers vs one pass, ${what}`,
        value: round(profileSpeedUp),
        unit: 'x',
        target: '>= 1.7',
        meetsTarget: profileSpeedUp >= 1.7 && differences.length === 0,
        notes: `2 workers ${round(shardedProfile.seconds)} s (${round(shardedProfile.rss, 0)} MiB, ${profiles.sharded[0]!.profile.reading.shards} shards), one pass ${round(onePassProfile.seconds)} s (${round(onePassProfile.rss, 0)} MiB); profiles ${differences.length === 0 ? 'agree (counts, nulls, extremes exact; means to 9 digits; distinct within 3 standard errors)' : `DIFFER: ${differences.slice(0, 3).join('; ')}`}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
