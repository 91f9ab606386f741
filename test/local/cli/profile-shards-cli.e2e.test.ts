import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundedFigures } from '../../support/rounded-figures.js';
import { runCli } from '../../support/run-cli.js';

let dir: string;
const file = (name: string, body: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

/**
 * A claims export as another team keeps it: pipe-delimited, CRLF, amounts with a decimal comma
 * left as text in one column and as numbers in another, dates, a free-text note that every fifth
 * row carries over several lines, blanks, and repeated rows.
 */
const CLAIMS = 4000;
const claimsExport = [
  'Claim No|Opened|Line of business|Paid|Reserve (EUR)|Adjuster|Note',
  ...Array.from({ length: CLAIMS }, (_, i) => {
    const note = i % 5 === 0 ? `"called back ${i % 9}x\r\nwaiting on | police report\r\n""urgent"""` : i % 7 === 0 ? '' : `routine ${i % 13}`;
    const paid = i % 11 === 0 ? '' : ((i * 97.31) % 25_000).toFixed(2);
    const day = String((i % 28) + 1).padStart(2, '0');
    const row = `CL-${100_000 + (i % 3900)}|2026-${String((i % 12) + 1).padStart(2, '0')}-${day}|${['Motor', 'Home', 'Travel', 'Pet'][i % 4]}|${paid}|${(i * 13) % 9000}|${['k.osei@claims.example', 'm.ruiz@claims.example', ''][i % 3]}|${note}`;
    return row;
  }),
  '',
].join('\r\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'profile-shards-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const profileJson = (path: string, args: string[]) => {
  const result = runCli(['profile', path, '--json', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { rows: number; reading: { shards: number; workers: number; rereads: number } };
};

describe('symphainy profile in shards', () => {
  it('gives on two worker threads the profile one pass gives, shard boundaries inside quoted notes and all', () => {
    const path = file('claims.psv', claimsExport);
    const { reading: onePass, ...whole } = profileJson(path, ['--workers', '1']);
    expect(onePass).toEqual({ shards: 1, workers: 1, rereads: 0 });
    const { reading, ...sharded } = profileJson(path, ['--workers', '2', '--shard-size', '16KiB']);
    expect(reading.workers).toBe(2);
    expect(reading.shards).toBeGreaterThan(10);
    expect(reading.rereads).toBeGreaterThan(0);
    expect(roundedFigures(sharded)).toEqual(roundedFigures(whole));
    expect(whole.rows).toBe(CLAIMS);
  });

  it('says in its readable output that it read in shards', () => {
    const result = runCli(['profile', file('claims2.psv', claimsExport), '--workers', '2', '--shard-size', '32KiB']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/claims2\.psv: CSV \(delimiter "\|"\), .+, 4,000 rows × 7 columns\nread in \d+ shards on 2 worker threads, merged/);
  });

  it('reads a gzip file, or one no larger than a shard, in one pass', () => {
    expect(profileJson(file('claims.psv.gz', gzipSync(claimsExport)), ['--workers', '2', '--shard-size', '16KiB']).reading.shards).toBe(1);
    expect(profileJson(file('claims3.psv', claimsExport), ['--workers', '2']).reading.shards).toBe(1);
  });

  it('refuses a file whose later shard is not UTF-8 with the code and byte one pass names, and the shard', () => {
    const latin1 = new TextEncoder().encode(claimsExport);
    const at = latin1.length - 200;
    latin1[at] = 0xfc; // "ü" in Latin-1, a broken byte in UTF-8
    const path = file('latin1.psv', latin1);
    const one = runCli(['profile', path, '--workers', '1', '--json']);
    const two = runCli(['profile', path, '--workers', '2', '--shard-size', '16KiB', '--json']);
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    const [oneError, twoError] = [JSON.parse(one.stdout).error, JSON.parse(two.stdout).error];
    expect(oneError.code).toBe('invalid_utf8');
    expect(twoError.code).toBe('invalid_utf8');
    expect(twoError.message).toBe(oneError.message);
    expect(twoError.message).toContain(`offset ${at}`);
    expect(twoError.details.at(-1)).toMatch(/^shard \d+ \(bytes \d+-\d+\)$/);
  });

  it('refuses a file cut off inside a quoted note with the byte one pass names', () => {
    const path = file('cut.psv', `${claimsExport}CL-1|2026-01-01|Motor|1.00|2|x|"never closed\r\nCL-2|2026-01-02|Home|2.00|3|y|z\r\n`);
    const [one, two] = [
      ['--workers', '1'],
      ['--workers', '2', '--shard-size', '16KiB'],
    ].map((args) => runCli(['profile', path, '--json', ...args]));
    expect([one!.status, two!.status]).toEqual([1, 1]);
    const [oneError, twoError] = [JSON.parse(one!.stdout).error, JSON.parse(two!.stdout).error];
    expect(oneError.code).toBe('truncated_input');
    expect(twoError).toMatchObject({ code: oneError.code, message: oneError.message });
  });

  it('refuses a worker count it cannot use', () => {
    const result = runCli(['profile', file('tiny.csv', 'a,b\n1,2\n'), '--workers', 'many', '--json']);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).error.message).toMatch(/--workers must be a whole number from 1 to 64/);
  });
});
