import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

describe('symphainy compact', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-compact-'));
    writeFileSync(join(dir, 'v1.csv'), 'order_id,total\n1,9.50\n');
    writeFileSync(join(dir, 'v2.csv'), 'order_id,total\n1,9.50\n2,4.00\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reclaims superseded versions and spent claims, keeping every upload, artifact and journey', () => {
    const dataDir = join(dir, 'state');
    for (const file of ['v1.csv', 'v2.csv'])
      expect(runCli(['upload', join(dir, file), '--key', 'uploads/mvp/orders.csv', '--data-dir', dataDir]).status).toBe(0);
    const before = runCli(['journeys', '--json', '--data-dir', dataDir]);
    const journeys = JSON.parse(before.stdout) as { journeyId: string; artifacts: { bucket: string; key: string; sha256: string }[] }[];

    const result = runCli(['compact', '--claims-older-than', '0', '--json', '--data-dir', dataDir]);
    expect(result.status, result.stderr).toBe(0);
    const compacted = JSON.parse(result.stdout);
    expect(compacted.bytesAfter).toBeLessThan(compacted.bytesBefore);
    expect(compacted.claimsDropped).toBeGreaterThan(0);

    expect(JSON.parse(runCli(['journeys', '--json', '--data-dir', dataDir]).stdout)).toEqual(journeys);
    expect(runCli(['get', 's3://symphainy-uploads/uploads/mvp/orders.csv', '--data-dir', dataDir]).stdout).toBe('order_id,total\n1,9.50\n2,4.00\n');
    for (const artifact of journeys.flatMap((j) => j.artifacts).slice(0, 10)) {
      const head = JSON.parse(runCli(['get', `s3://${artifact.bucket}/${artifact.key}`, '--json', '--data-dir', dataDir]).stdout);
      expect(head.key).toBe(artifact.key);
    }
    // The compacted dir takes new work as before.
    expect(runCli(['upload', join(dir, 'v1.csv'), '--key', 'uploads/mvp/after.csv', '--data-dir', dataDir]).status).toBe(0);
  }, 120_000);
});
