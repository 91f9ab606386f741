import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { stockExport } from '../../support/stock-export.js';

const BIN = fileURLToPath(new URL('../../../bin/symphainy.js', import.meta.url));
const SHARDED = ['--workers', '2', '--shard-size', '1MiB'];

/** The curated copy's checksum and rows, as the journey's manifest gives them. */
function curatedOf(dataDir: string, journeyId: string): { sha256: string; rows: number } {
  const shown = runCli(['show', journeyId, '--json', '--data-dir', dataDir]);
  expect(shown.status, shown.stderr).toBe(0);
  const journey = JSON.parse(shown.stdout) as { status: string; artifacts: { name: string; bucket: string; key: string }[] };
  expect(journey.status).toBe('completed');
  const manifest = journey.artifacts.find((a) => a.name === 'curated-manifest.json')!;
  const got = runCli(['get', `s3://${manifest.bucket}/${manifest.key}`, '--data-dir', dataDir]);
  const { rows, curated } = JSON.parse(got.stdout) as { rows: number; curated: { sha256: string } };
  return { sha256: curated.sha256, rows };
}

/** A table pass's pieces of output in the data dir, while a sharded copy is under way. */
const piecesIn = (dataDir: string) => {
  const scratch = join(dataDir, 'scratch');
  return existsSync(scratch) ? readdirSync(scratch).filter((name) => name.startsWith('table-')) : [];
};

describe('a process killed while the mvp upload journey copies a large upload in shards', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-kill-copy-'));
    file = join(dir, 'bestand.csv');
    writeFileSync(file, stockExport(150_000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves nothing behind: the next command finishes the journey with the copy a run without the kill writes', async () => {
    const clean = runCli(['upload', file, '--use-case', 'mvp', '--json', '--data-dir', join(dir, 'clean'), ...SHARDED]);
    expect(clean.status, clean.stderr).toBe(0);
    const expected = curatedOf(join(dir, 'clean'), (JSON.parse(clean.stdout) as { journeyId: string }).journeyId);
    expect(expected.rows).toBe(150_000);

    const dataDir = join(dir, 'killed');
    const child = spawn(process.execPath, [BIN, 'upload', file, '--use-case', 'mvp', '--json', '--data-dir', dataDir, ...SHARDED], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed as soon as the copy's first pieces are on disk: the shards are at work and the artifact half-written.
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 90_000;
      const look = setInterval(() => {
        if (piecesIn(dataDir).length > 0) {
          clearInterval(look);
          child.kill('SIGKILL');
          resolve();
        } else if (Date.now() > deadline || child.exitCode !== null) {
          clearInterval(look);
          reject(new Error('the upload never reached its sharded copy'));
        }
      }, 5);
    });
    await exited;

    const resumed = runCli(['journeys', '--json', '--data-dir', dataDir]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming');
    const journeys = JSON.parse(resumed.stdout) as { journeyId: string; journey: string; status: string }[];
    const upload = journeys.find((j) => j.journey === 'upload')!;
    expect(upload.status).toBe('completed');
    expect(curatedOf(dataDir, upload.journeyId)).toEqual(expected);
    expect(piecesIn(dataDir)).toEqual([]);
  }, 240_000);
});
