import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * A CRM export as another team has it: semicolons, CRLF, and every fourth note a quoted
 * paragraph with line breaks of its own, so shard boundaries land inside quoted fields.
 */
const CUSTOMERS = 3000;
const crmExport = [
  'Kundennummer;Name;Notiz;Umsatz (EUR)',
  ...Array.from({ length: CUSTOMERS }, (_, i) => {
    const note = i % 4 === 0 ? `"Anruf am ${(i % 28) + 1}.\r\nRückruf erbeten;\r\nsagt ""dringend"""` : `kein Kontakt ${i}`;
    return `${10_000 + i};Kunde ${i};${note};${(i * 3.7).toFixed(2).replace('.', ',')}`;
  }),
  '',
].join('\r\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shards-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('symphainy shards', () => {
  it('splits a file with quoted line breaks into shards that hold every row once, with the line each starts on', () => {
    const path = file('crm.csv', crmExport);
    const result = runCli(['shards', path, '--shard-size', '4KiB', '--json']);
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout);
    const size = readFileSync(path).length;
    expect(plan).toMatchObject({ format: 'csv', delimiter: ';', splittable: true, size, shardSize: 4096, rows: CUSTOMERS + 1 });
    expect(plan.shards.length).toBe(Math.round(size / 4096));
    expect(plan.shards[0].start).toBe(0);
    expect(plan.shards.at(-1).end).toBe(size);
    for (let i = 1; i < plan.shards.length; i++) expect(plan.shards[i].start).toBe(plan.shards[i - 1].end);
    // Each customer record spans 1 line, or 3 with its quoted note: a shard's first line follows from the rows before it.
    const linesOf = (row: number) => (row === 0 ? 1 : (row - 1) % 4 === 0 ? 3 : 1);
    let row = 0;
    let line = 1;
    for (const shard of plan.shards) {
      expect(shard.firstLine).toBe(line);
      for (let r = 0; r < shard.rows; r++) line += linesOf(row++);
    }
    // Notes are a quarter of the file, so some guessed starts fell inside one and were read again.
    expect(plan.rereads).toBeGreaterThan(0);
  });

  it('finds the same shards on worker threads as in one thread, from the build and from the sources alike', () => {
    const path = file('crm-workers.csv', crmExport);
    const plan = (workers: string, env?: NodeJS.ProcessEnv) => {
      const result = runCli(['shards', path, '--shard-size', '2KiB', '--workers', workers, '--json'], { env });
      expect(result.status, result.stderr).toBe(0);
      const { seconds: _seconds, ...rest } = JSON.parse(result.stdout);
      return rest;
    };
    const alone = plan('1');
    expect(alone.workers).toBe(1);
    for (const env of [undefined, { SYMPHAINY_CLI_FROM_SOURCE: '1' }]) expect(plan('2', env)).toEqual({ ...alone, workers: 2 });
    const bad = runCli(['shards', path, '--workers', '0', '--json']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toMatch(/--workers must be a whole number from 1 to 64/);
  });

  it('prints each shard readably by default', () => {
    const result = runCli(['shards', file('crm2.csv', crmExport), '--shard-size', '16KiB']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/crm2\.csv: CSV \(delimiter ";"\), .+ in \d+ shards of about 16\.0 KiB; 3,001 rows/);
    expect(result.stdout).toMatch(/^0\s+0 - [\d,]+\s+[\d,]+\s+1$/m);
  });

  it('splits NDJSON at its lines, whose strings hold escaped line breaks and quotes, and never guesses wrong', () => {
    const events = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: i, note: `line one\nline "two" of ${i}`, at: `2026-12-0${(i % 9) + 1}` }));
    const result = runCli(['shards', file('events.ndjson', `${events.join('\n')}\n`), '--shard-size', '8KiB', '--json']);
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({ format: 'ndjson', splittable: true, rows: 2000, rereads: 0 });
    expect(plan.shards.length).toBeGreaterThan(10);
  });

  it('reads a gzip file or a JSON array as one shard and says why', () => {
    const gz = runCli(['shards', file('crm.csv.gz', gzipSync(crmExport)), '--json']);
    expect(gz.status).toBe(0);
    expect(JSON.parse(gz.stdout)).toMatchObject({ splittable: false, because: 'a gzip stream can only be read from its start', shards: [{ index: 0 }] });
    const array = runCli(['shards', file('rows.json', '[{"a":1},{"a":2}]')]);
    expect(array.stdout).toMatch(/one shard: a JSON array is one value/);
  });

  it('refuses an empty, binary or zip file with the code a journey gives it, before reading a shard', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const binary = Uint8Array.from({ length: 2000 }, (_, i) => (i * 37) % 256);
    for (const [name, body, code] of [
      ['empty.csv', '', 'empty_file'],
      ['image.csv', binary, 'not_tabular'],
      ['export.zip', zip, 'unsupported_compression'],
      ['latin1.csv', new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x31, 0x0a]), 'invalid_utf8'],
    ] as const) {
      const result = runCli(['shards', file(name, body), '--json']);
      expect(result.status, name).toBe(1);
      expect(JSON.parse(result.stdout).error.code, name).toBe(code);
    }
  });

  it('fails a cut-off file with its code and the shard named, and refuses a shard size it cannot read', () => {
    const cut = runCli(['shards', file('cut.csv', `${crmExport}10;x;"never closed\r\n11;y;z\r\n`), '--shard-size', '8KiB', '--json']);
    expect(cut.status).toBe(1);
    const { error } = JSON.parse(cut.stdout);
    expect(error.code).toBe('truncated_input');
    expect(error.message).toMatch(/shard \d+ \(bytes \d+-\d+\) failed: the file ends inside a quoted field/);
    const bad = runCli(['shards', file('ok.csv', 'a,b\n1,2\n'), '--shard-size', 'lots', '--json']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toMatch(/--shard-size must be a size such as 64MiB/);
  });
});
