import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';
import { buildHistory } from './history-fixture.js';

const FAMILIES = 2_500; // an upload journey and its EDA journey each: 5,000 journeys
const ROUNDS = 5;
const BIN = fileURLToPath(new URL('../bin/symphainy.js', import.meta.url));
const TIME = '/usr/bin/time';

/**
 * `symphainy journeys` on a data dir holding 5,000 finished journeys against the same command on
 * an empty one, run in turn as separate processes (start-up included, as a user waits for it).
 * Round 0 opens the history once, which writes its checkpoint, and is not counted.
 */
export async function run(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'symphainy-bench-history-'));
  try {
    const empty = join(root, 'empty');
    const history = join(root, 'history');
    await buildHistory(history, FAMILIES);
    const times = { empty: [] as number[], history: [] as number[] };
    const rss = { empty: 0, history: 0 };
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [name, dataDir] of [
        ['empty', empty],
        ['history', history],
      ] as const) {
        const measured = timeJourneys(dataDir);
        if (round === 0) continue;
        times[name].push(measured.seconds);
        rss[name] = Math.max(rss[name], measured.peakKb);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(times.history) / median(times.empty);
    return [
      {
        benchmark: `journeys on ${FAMILIES * 2} finished journeys vs an empty data dir (readable list, whole command)`,
        value: Number(ratio.toFixed(2)),
        unit: 'x',
        target: '<= 1.5x',
        meetsTarget: ratio <= 1.5,
        notes: `median ${median(times.history).toFixed(2)} s vs ${median(times.empty).toFixed(2)} s over ${ROUNDS} rounds; peak RSS ${(rss.history / 1024).toFixed(0)} MiB vs ${(rss.empty / 1024).toFixed(0)} MiB`,
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function timeJourneys(dataDir: string): { seconds: number; peakKb: number } {
  const args = [BIN, 'journeys', '--data-dir', dataDir];
  const withTime = existsSync(TIME);
  const started = performance.now();
  const result = withTime
    ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`journeys exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  const peakKb = withTime ? Number(result.stderr.trim().split('\n').at(-1)) || 0 : 0;
  return { seconds, peakKb };
}
