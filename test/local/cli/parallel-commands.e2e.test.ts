import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { runCli, type CliResult } from '../../support/run-cli.js';

const BIN = fileURLToPath(new URL('../../../bin/symphainy.js', import.meta.url));

function runCliAsync(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Several commands on one data directory at once, as a user with a few terminals (or a script with `&`) runs them. */
describe('parallel commands on one data dir', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-parallel-'));
    for (let i = 1; i <= 4; i++) writeFileSync(join(dir, `orders-${i}.csv`), `order_id,total\n${i},${i}.50\n${i + 10},${i}.75\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs four uploads at once to four completed journeys, each delivered once, with nothing corrupted', async () => {
    const dataDir = join(dir, 'state');
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => runCliAsync(['upload', join(dir, `orders-${i}.csv`), '--use-case', 'mvp', '--json', '--data-dir', dataDir])),
    );
    for (const result of results) {
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ status: 'completed', error: null });
      // A command that had to wait says for whom, on stderr, so --json stays one document.
      for (const line of result.stderr
        .split('\n')
        .filter(
          (l) =>
            l.trim() !== '' &&
            !/NodeVersionSupportWarning|node >=22|upgrade to node|a\.co\/|trace-warnings|^\s*$|versions published|To continue receiving|security updates/.test(
              l,
            ),
        )) {
        expect(line).toMatch(/^waiting for the data dir .* held by pid \d+ \(symphainy upload .*\)/);
      }
    }
    expect(results.some((r) => r.stderr.includes('waiting for the data dir'))).toBe(true);

    // Each upload journey and the EDA journey it starts.
    const listed = JSON.parse(runCli(['journeys', '--json', '--data-dir', dataDir]).stdout) as { journeyId: string; journey: string; status: string }[];
    expect(listed.filter((j) => j.journey === 'upload')).toHaveLength(4);
    expect(listed.filter((j) => j.journey === 'eda')).toHaveLength(4);
    expect(listed.every((j) => j.status === 'completed')).toBe(true);
    expect(new Set(listed.map((j) => j.journeyId)).size).toBe(8);
    const runtime = await EmbeddedRuntime.open({ dataDir });
    try {
      expect(runtime.recoveries).toEqual([]);
      for (const journey of listed) {
        const delivered = runtime.events(journey.journeyId).filter((e) => e['detail-type'] === 'Journey Delivered');
        expect(delivered, journey.journeyId).toHaveLength(1);
        expect(runtime.journey(journey.journeyId)!.steps.every((s) => s.attempts === 1)).toBe(true);
      }
      const keys = (await runtime.store.list(runtime.config.uploadBucket, 'uploads/mvp/')).map((h) => h.key);
      expect(keys).toEqual([1, 2, 3, 4].map((i) => `uploads/mvp/orders-${i}.csv`));
    } finally {
      runtime.close();
    }
  }, 180_000);
});
