import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import type { BenchRow } from './bench-row.js';

const RUNS = Number(process.env.SYMPHAINY_CHAOS_RUNS ?? 50);
const PARALLEL = 3;
const BIN = fileURLToPath(new URL('../bin/symphainy.js', import.meta.url));

interface Tally {
  accepted: number;
  lost: string[];
  duplicated: string[];
  corrupted: string[];
  tornTailsCut: number;
  killed: number;
}

/**
 * Parallel `symphainy upload` commands on one data dir, kill -9 at a random moment (the dir's
 * holder, a waiter, or all of them), then one `symphainy journeys` to finish the work, and an
 * audit of the dir: every upload that reached the store must have exactly one upload journey
 * and one EDA journey, both completed and delivered once, with artifacts that match their
 * recorded checksums and curated copies that hold every row. A record a crash cut short and the
 * open cut off is expected after kill -9 and counted apart; garbage in the middle is corruption.
 */
export async function run(): Promise<BenchRow[]> {
  const tally: Tally = { accepted: 0, lost: [], duplicated: [], corrupted: [], tornTailsCut: 0, killed: 0 };
  const root = mkdtempSync(join(tmpdir(), 'symphainy-chaos-'));
  let seed = 20261203;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const started = performance.now();
  try {
    for (let runIndex = 0; runIndex < RUNS; runIndex++) {
      const dir = join(root, `run-${runIndex}`);
      const dataDir = join(dir, 'state');
      const files = Array.from({ length: PARALLEL }, (_, i) => {
        const path = join(dir, `orders-${runIndex}-${i}.csv`);
        return { path, rows: 3 + i, body: ordersCsv(runIndex, i, 3 + i) };
      });
      spawnSync('mkdir', ['-p', dir]);
      for (const f of files) writeFileSync(f.path, f.body);
      const children = files.map((f) =>
        spawn(process.execPath, [BIN, 'upload', f.path, '--use-case', 'mvp', '--json', '--data-dir', dataDir], { stdio: 'ignore' }),
      );
      await sleep(300 + random() * 3000);
      const victims = random() < 0.3 ? children : children.filter(() => random() < 0.5);
      for (const child of victims.length ? victims : [children[Math.floor(random() * children.length)]!]) {
        if (child.exitCode === null && child.kill('SIGKILL')) tally.killed++;
      }
      await Promise.all(children.map(exited));
      const finish = spawnSync(process.execPath, [BIN, 'journeys', '--json', '--data-dir', dataDir], { encoding: 'utf8', timeout: 120_000 });
      if (finish.status !== 0) tally.corrupted.push(`run ${runIndex}: journeys exited ${finish.status}: ${finish.stderr.slice(0, 200)}`);
      tally.tornTailsCut += (finish.stderr.match(/cut a torn last record|cut an? /g) ?? []).length;
      if (/skipped /.test(finish.stderr)) tally.corrupted.push(`run ${runIndex}: ${finish.stderr.split('\n').find((l) => l.includes('skipped'))}`);
      await audit(runIndex, dataDir, files, tally);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  const row = (what: string, list: string[]): BenchRow => ({
    benchmark: `chaos, ${RUNS} runs of ${PARALLEL} parallel uploads with kill -9: journeys ${what}`,
    value: list.length,
    unit: 'journeys',
    target: '0',
    meetsTarget: list.length === 0,
    notes:
      list.slice(0, 3).join('; ') ||
      `${tally.accepted} uploads accepted, ${tally.killed} processes killed, ${tally.tornTailsCut} torn tails cut on open, ${seconds.toFixed(0)} s`,
  });
  return [row('lost', tally.lost), row('duplicated', tally.duplicated), row('corrupted', tally.corrupted)];
}

async function audit(runIndex: number, dataDir: string, files: { path: string; rows: number; body: string }[], tally: Tally): Promise<void> {
  const runtime = await EmbeddedRuntime.open({ dataDir });
  try {
    if (!runtime.isIdle()) tally.lost.push(`run ${runIndex}: work still in flight after journeys resumed`);
    const journeys = runtime.journeys();
    for (const [i, file] of files.entries()) {
      const key = `uploads/mvp/orders-${runIndex}-${i}.csv`;
      const stored = await runtime.store.get(runtime.config.uploadBucket, key);
      if (!stored) continue; // the upload command died before the store took the file: nothing was accepted
      tally.accepted++;
      if (new TextDecoder().decode(stored.body) !== file.body) tally.corrupted.push(`run ${runIndex}: ${key} is not the bytes uploaded`);
      const uploads = journeys.filter((j) => j.journey === 'upload' && j.input?.key === key);
      if (uploads.length === 0) {
        tally.lost.push(`run ${runIndex}: ${key} has no journey`);
        continue;
      }
      if (uploads.length > 1) tally.duplicated.push(`run ${runIndex}: ${key} has ${uploads.length} upload journeys`);
      for (const upload of uploads) {
        const family = [upload, ...journeys.filter((j) => j.parentJourneyId === upload.journeyId)];
        if (family.length !== 2) tally.lost.push(`run ${runIndex}: ${upload.journeyId} has ${family.length - 1} EDA journeys`);
        for (const view of family) {
          if (view.status !== 'completed')
            tally.lost.push(`run ${runIndex}: ${view.journeyId} (${view.journey}) ended ${view.status} ${view.error?.code ?? ''}`);
          const delivered = runtime.events(view.journeyId).filter((e) => e['detail-type'] === 'Journey Delivered').length;
          if (delivered !== 1) tally.duplicated.push(`run ${runIndex}: ${view.journeyId} delivered ${delivered} times`);
          for (const artifact of view.artifacts) {
            const object = await runtime.store.get(artifact.bucket, artifact.key);
            const sha = object ? createHash('sha256').update(object.body).digest('hex') : 'missing';
            if (sha !== artifact.sha256)
              tally.corrupted.push(`run ${runIndex}: ${artifact.key} is ${sha === 'missing' ? 'missing' : 'not the bytes recorded'}`);
          }
        }
        const manifestKey = upload.steps.find((s) => s.name === 'store_file')?.summary['manifestKey'];
        if (typeof manifestKey === 'string') {
          const manifest = await runtime.store.get(runtime.config.artifactBucket, manifestKey);
          const rows = manifest ? (JSON.parse(new TextDecoder().decode(manifest.body)) as { rows: number }).rows : -1;
          if (rows !== file.rows) tally.corrupted.push(`run ${runIndex}: ${key} curated ${rows} of ${file.rows} rows`);
        }
      }
    }
  } finally {
    runtime.close();
  }
}

function ordersCsv(runIndex: number, file: number, rows: number): string {
  const lines = ['order_id,customer,total_eur,placed_on'];
  for (let r = 0; r < rows; r++) lines.push(`${runIndex * 1000 + file * 100 + r},customer-${r},${(r + 1) * 9.5},2026-11-${String(1 + r).padStart(2, '0')}`);
  return `${lines.join('\n')}\n`;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
