import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

describe('symphainy upload / journeys / show', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-cli-'));
    dataDir = join(dir, 'state');
    writeFileSync(join(dir, 'orders.csv'), 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n');
    writeFileSync(join(dir, 'ragged.csv'), 'a,b\n1\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    // The platform's limit, which every use case now takes: their steps all stream.
    ['mvp', 5 * 1024 * 1024 * 1024 + 1, 'an upload may be at most 5.00 GiB'],
    ['insurance_ai', 5 * 1024 * 1024 * 1024 + 1, 'an upload may be at most 5.00 GiB'],
  ])('refuses a file over the %s upload limit before reading or storing it, with the reason as JSON', (useCase, bytes, reason) => {
    const big = join(dir, `extract-${useCase}.csv`);
    writeFileSync(big, '');
    truncateSync(big, bytes); // sparse: costs no disk
    const fresh = join(dir, `untouched-state-${useCase}`);
    const result = runCli(['upload', big, '--use-case', useCase, '--json', '--data-dir', fresh]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'file_too_large', exitCode: 1, message: expect.stringContaining(reason) } });
    expect(result.stderr).toContain('Nothing was stored');
    expect(existsSync(fresh)).toBe(false);
  });

  it('uploads a file, waits for the journey and prints the promised JSON; exit 0 when completed', () => {
    const result = runCli(['upload', join(dir, 'orders.csv'), '--use-case', 'mvp', '--json', '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ useCase: 'mvp', journey: 'upload', status: 'completed', error: null });
    expect(report.journeyId).toMatch(/^j-[0-9a-f]{20}$/);
    expect(report.steps.map((s: { name: string }) => s.name)).toEqual(['validate_file', 'process_file', 'store_file', 'notify_completion']);
    for (const step of report.steps) {
      expect(step).toMatchObject({ status: 'completed', attempts: 1 });
      expect(Date.parse(step.endedAt)).toBeGreaterThanOrEqual(Date.parse(step.startedAt));
      expect(step.artifacts.length).toBeGreaterThan(0);
    }
    expect(report.artifacts.length).toBeGreaterThanOrEqual(4);

    const shown = runCli(['show', report.journeyId, '--json', '--data-dir', dataDir]);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(report);

    const listed = runCli(['journeys', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout).map((j: { journeyId: string }) => j.journeyId)).toContain(report.journeyId);
  });

  it('prints a readable timeline and exits 1 when the journey fails', () => {
    const result = runCli(['upload', join(dir, 'ragged.csv'), '--use-case', 'mvp', '--data-dir', dataDir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAILED');
    expect(result.stdout).toContain('ragged_rows');
    expect(result.stdout).toContain('line 2: expected 2 fields, found 1');
  });

  it('gives a helpful error and exit 2 for bad arguments', () => {
    const missing = runCli(['upload', join(dir, 'nope.csv'), '--data-dir', dataDir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const badFlag = runCli(['upload', join(dir, 'orders.csv'), '--colour', 'red']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toMatch(/colour/);
    const unknown = runCli(['teleport']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
    const notFound = runCli(['show', 'j-0000', '--data-dir', dataDir]);
    expect(notFound.status).toBe(3);
    expect(notFound.stderr).toContain('no journey j-0000');
    expect(notFound.stdout).toBe('');
    const notFoundJson = runCli(['show', 'j-0000', '--json', '--data-dir', dataDir]);
    expect(notFoundJson.status).toBe(3);
    expect(JSON.parse(notFoundJson.stdout)).toEqual({
      error: { code: 'journey_not_found', exitCode: 3, message: expect.stringContaining('no journey j-0000') },
    });
  });

  it('refuses keys that S3 or the journeys could not take, with the reason, exit 2 and nothing stored', () => {
    const file = join(dir, 'orders.csv');
    const cases: [string, RegExp][] = [
      ['../../etc/passwd', /must start with uploads\//],
      ['/etc/passwd', /must start with uploads\//],
      ['uploads/mvp/', /names a folder/],
      [`uploads/mvp/${'k'.repeat(1013)}`, /1025 bytes; S3 keys are at most 1024/],
      ['uploads/mvp/../../secret.csv', /"\." or "\.\." segment/],
      ['uploads/mvp/\u001b[31mred.csv', /control character U\+001B/],
    ];
    const hostileDir = join(dir, 'hostile-keys');
    for (const [key, reason] of cases) {
      const result = runCli(['upload', file, '--key', key, '--data-dir', hostileDir]);
      expect(result.status, key).toBe(2);
      expect(result.stderr, key).toMatch(reason);
      expect(result.stderr, key).not.toMatch(/\n\s+at /);
      const json = runCli(['upload', file, '--key', key, '--json', '--data-dir', hostileDir]);
      expect(json.status, key).toBe(2);
    }
    const listed = runCli(['journeys', '--json', '--data-dir', hostileDir]);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
