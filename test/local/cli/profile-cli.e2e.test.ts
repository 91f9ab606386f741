import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';

let dir: string;
const file = (name: string, body: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

const orders = [
  'order_id,customer,amount,placed_at,paid,tax',
  ...Array.from(
    { length: 400 },
    (_, i) =>
      `${i + 1},"Müller, ${i % 13}",${(i * 7.31) % 250},2026-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,${i % 5 === 0 ? '' : i % 2 === 0},${(((i * 7.31) % 250) * 0.2 + (i % 3) * 0.01).toFixed(2)}`,
  ),
].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'profile-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('symphainy profile', () => {
  it('prints a readable summary: the dataset, then each column with its figures', () => {
    const result = runCli(['profile', file('orders.csv', orders)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/orders\.csv: CSV, .+, 400 rows × 6 columns/);
    expect(result.stdout).toMatch(/^amount\s+float: 400 values, 0 nulls, \d+ distinct/m);
    expect(result.stdout).toMatch(/^paid\s+boolean: 320 values, 80 nulls/m);
    expect(result.stdout).toMatch(/^placed_at\s+datetime/m);
    expect(result.stdout).toMatch(/most frequent: "Müller, 0" 31/);
    expect(result.stdout).toMatch(/insights/);
  });

  it('prints {rows, columns, correlations, insights, reading} with --json', () => {
    const result = runCli(['profile', file('orders-json.csv', orders), '--json']);
    expect(result.status).toBe(0);
    const profile = JSON.parse(result.stdout);
    expect(Object.keys(profile)).toEqual(['rows', 'columns', 'correlations', 'insights', 'reading']);
    expect(profile.reading).toEqual({ shards: 1, workers: 1, rereads: 0 });
    expect(profile.rows).toBe(400);
    expect(Object.keys(profile.columns[0])).toEqual([
      'name',
      'type',
      'count',
      'nulls',
      'distinct',
      'min',
      'max',
      'mean',
      'stddev',
      'quantiles',
      'histogram',
      'topK',
    ]);
    expect(Object.keys(profile.columns[0].quantiles)).toEqual(['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99']);
    const amount = profile.columns.find((c: { name: string }) => c.name === 'amount');
    expect([amount.type, amount.count, amount.min]).toEqual(['float', 400, 0]);
    // A running order number is an identifier: correlating it with a measure would say nothing.
    expect(profile.correlations).toContainEqual(expect.objectContaining({ a: 'amount', b: 'tax', n: 400 }));
    expect(profile.correlations.some((c: { a: string; b: string }) => c.a === 'order_id' || c.b === 'order_id')).toBe(false);
    expect(Array.isArray(profile.insights)).toBe(true);
    expect(profile.insights.every((i: { severity: string; evidence: string }) => i.severity && i.evidence)).toBe(true);
  });

  it('reads gzip by its bytes whatever the name says', () => {
    const zipped = runCli(['profile', file('orders.csv.bin', gzipSync(orders)), '--json']);
    const plainNamedGz = runCli(['profile', file('orders-plain.csv.gz', orders), '--json']);
    expect([zipped.status, plainNamedGz.status]).toEqual([0, 0]);
    expect(JSON.parse(zipped.stdout)).toEqual(JSON.parse(plainNamedGz.stdout));
  });

  it('exits 1 with the reason code for a file it cannot profile', () => {
    const binary = runCli(['profile', file('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))]);
    expect(binary.status).toBe(1);
    expect(binary.stderr).toMatch(/not_tabular: the file holds binary data/);
    const cut = gzipSync(orders);
    const truncated = runCli(['profile', file('cut.csv.gz', cut.subarray(0, cut.length / 2)), '--json']);
    expect(truncated.status).toBe(1);
    expect(JSON.parse(truncated.stdout).error.code).toBe('truncated_input');
    expect(truncated.stderr).toMatch(/truncated_input/);
  });

  it('exits 2 with help on bad arguments', () => {
    for (const args of [
      ['profile'],
      ['profile', 'a.csv', 'b.csv'],
      ['profile', join(dir, 'missing.csv')],
      ['profile', dir],
      ['profile', '--bins', '3', 'a.csv'],
    ]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/symphainy profile: .+/);
    }
    expect(runCli(['profile', join(dir, 'missing.csv')]).stderr).toMatch(/no such file/);
  });

  it('shows a progress line on stderr for a large file, keeping stdout clean', () => {
    const row = '2026-03-01T06:00:00.000Z,veh-0001,74.42,0.889,48.209799,11.847894,100,72.1,urban,false\n';
    const big = file('big.csv', `timestamp,vehicle,speed,accel,lat,lon,heading,battery,road,brake\n${row.repeat(Math.ceil((9 * 1024 * 1024) / row.length))}`);
    const result = runCli(['profile', big, '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/profiling big\.csv: [\d.]+ (KiB|MiB) of 9\.0 MiB \(\d+%\), [\d.]+ MB\/s/);
    expect(JSON.parse(result.stdout).rows).toBeGreaterThan(100_000);
  });
});
