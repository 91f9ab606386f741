import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';

/**
 * How long a user waits for the CLI: `symphainy help` and `symphainy journeys` on an empty data
 * dir, from the installed bundle and from source through tsx, against `node -e 0` in the same
 * run (medians of five, interleaved).
 */
const BIN = fileURLToPath(new URL('../bin/symphainy.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../bin/.build/symphainy.mjs', import.meta.url));
const REPEATS = 5;

function seconds(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const TIME = '/usr/bin/time';

/** Peak RSS of one run in MiB, from GNU time in a run of its own (so the timed runs carry no wrapper); undefined without it. */
function peakMiB(args: string[], env: NodeJS.ProcessEnv = {}): number | undefined {
  if (!existsSync(TIME)) return undefined;
  const result = spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function run(): Promise<BenchRow[]> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'symphainy-startup-')), 'state');
  try {
    const commands = [
      { name: 'help', args: [BIN, 'help'] },
      { name: 'journeys (empty data dir)', args: [BIN, 'journeys', '--data-dir', dataDir] },
    ];
    const bare: number[] = [];
    const times = new Map<string, number[]>();
    for (let i = 0; i < REPEATS; i++) {
      bare.push(seconds(['-e', '0']));
      for (const command of commands) {
        for (const from of ['bundle', 'source'] as const) {
          const key = `${command.name}|${from}`;
          times.set(key, [...(times.get(key) ?? []), seconds(command.args, from === 'source' ? { SYMPHAINY_CLI_FROM_SOURCE: '1' } : {})]);
        }
      }
    }
    const baseline = median(bare);
    const bareMiB = peakMiB(['-e', '0']);
    const memory = (args: string[], env: NodeJS.ProcessEnv) => {
      const mib = peakMiB(args, env);
      return mib === undefined || bareMiB === undefined ? '' : `; peak RSS ${mib.toFixed(0)} MiB against ${bareMiB.toFixed(0)} MiB`;
    };
    return commands.flatMap((command) =>
      (['bundle', 'source'] as const).map((from) => {
        const ratio = median(times.get(`${command.name}|${from}`)!) / baseline;
        const bundled = from === 'bundle';
        return {
          benchmark: `CLI start-up, symphainy ${command.name}, ${bundled ? 'prebuilt bundle' : 'from source (tsx)'}, vs node -e 0`,
          value: round(ratio, 1),
          unit: 'x',
          target: bundled ? '<= 2.0' : '',
          ...(bundled ? { meetsTarget: ratio <= 2 } : {}),
          notes: `${round(median(times.get(`${command.name}|${from}`)!) * 1000, 0)} ms against ${round(baseline * 1000, 0)} ms${memory(command.args, bundled ? {} : { SYMPHAINY_CLI_FROM_SOURCE: '1' })}${bundled && !existsSync(BUNDLE) ? ' (no bundle was built: this ran from source)' : ''}`,
        };
      }),
    );
  } finally {
    rmSync(dirname(dataDir), { recursive: true, force: true });
  }
}
