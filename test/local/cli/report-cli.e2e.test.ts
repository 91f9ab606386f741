import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

/** Waits for a file a detached process writes, without a fixed sleep: polls until it appears or the deadline passes. */
async function waitForFile(path: string, deadlineMs = 10_000): Promise<string> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text.endsWith('\n')) return text;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${path} did not appear`);
}

describe('symphainy report', () => {
  let dir: string;
  let dataDir: string;
  let uploadId: string;
  let edaId: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-report-'));
    dataDir = join(dir, 'state');
    writeFileSync(join(dir, 'orders.csv'), 'order_id,total,status\n1,9.99,paid\n2,15.00,open\n3,,paid\n');
    writeFileSync(join(dir, 'lying.csv.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x61, 0x2c, 0x62]));
    const uploaded = runCli(['upload', join(dir, 'orders.csv'), '--use-case', 'mvp', '--json', '--data-dir', dataDir]);
    expect(uploaded.status).toBe(0);
    uploadId = JSON.parse(uploaded.stdout).journeyId;
    const listed = JSON.parse(runCli(['journeys', '--json', '--data-dir', dataDir]).stdout) as {
      journeyId: string;
      journey: string;
      parentJourneyId: string | null;
      status: string;
    }[];
    const eda = listed.find((j) => j.journey === 'eda')!;
    expect(eda).toMatchObject({ parentJourneyId: uploadId, status: 'completed' });
    edaId = eda.journeyId;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the EDA report to a file and prints where it is, from the EDA or the upload journey id', () => {
    const direct = runCli(['report', edaId, '--data-dir', dataDir]);
    expect(direct.stderr).toBe('');
    expect(direct.status).toBe(0);
    const path = join(dataDir, 'reports', `${edaId}.html`);
    expect(direct.stdout.trim()).toBe(`report: ${path}`);
    const html = readFileSync(path, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>orders.csv</h1>');

    const viaUpload = runCli(['report', uploadId, '--json', '--data-dir', dataDir]);
    expect(viaUpload.status).toBe(0);
    const json = JSON.parse(viaUpload.stdout);
    expect(json).toMatchObject({ journeyId: edaId, requestedJourneyId: uploadId, useCase: 'mvp', reportPath: path, opened: null });
    expect(json.artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.artifact.key).toMatch(/report\.html$/);
  });

  it('--open hands the file to the platform opener, and says so when there is none', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const opened = join(dir, 'opened.txt');
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
    writeFileSync(join(bin, opener), `#!/bin/sh\necho "$1" > "${opened}"\n`);
    chmodSync(join(bin, opener), 0o755);
    const withOpener = runCli(['report', edaId, '--open', '--data-dir', dataDir], { env: { PATH: bin } });
    expect(withOpener.status).toBe(0);
    expect(withOpener.stdout).toContain(`opened with ${opener}`);
    expect((await waitForFile(opened)).trim()).toBe(join(dataDir, 'reports', `${edaId}.html`));

    const empty = join(dir, 'empty-bin');
    mkdirSync(empty, { recursive: true });
    const without = runCli(['report', edaId, '--open', '--json', '--data-dir', dataDir], { env: { PATH: empty } });
    expect(without.status).toBe(0);
    expect(JSON.parse(without.stdout).opened).toBe(false);
    const readable = runCli(['report', edaId, '--open', '--data-dir', dataDir], { env: { PATH: empty } });
    expect(readable.stdout).toContain(`could not open it: ${opener} is not installed`);
  });

  it('explains why there is no report: a failed EDA journey, an unknown id, bad arguments', () => {
    const failedUpload = runCli(['upload', join(dir, 'lying.csv.gz'), '--use-case', 'mvp', '--journey', 'eda', '--json', '--data-dir', dataDir]);
    expect(failedUpload.status).toBe(1);
    const failedId = JSON.parse(failedUpload.stdout).journeyId;
    const failed = runCli(['report', failedId, '--data-dir', dataDir]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/has no report: (truncated_input|bad_compression)/);

    const unknown = runCli(['report', 'j-0000', '--data-dir', dataDir]);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain('no journey j-0000');

    const none = runCli(['report', '--data-dir', dataDir]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('report needs exactly one journey id');
    const badFlag = runCli(['report', edaId, '--colour']);
    expect(badFlag.status).toBe(2);
  });
});
