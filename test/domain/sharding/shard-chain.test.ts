import { describe, expect, it } from 'vitest';
import { DelimitedScanner } from '#domain/profiling/delimited-scanner.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { rowCells } from '#domain/profiling/row-cells.js';
import { scanDelimitedShard } from '#domain/sharding/delimited-shard.js';
import { ShardFailed, readInShards } from '#domain/sharding/shard-chain.js';
import { hostileFile, inputOf } from '../../support/hostile-delimited.js';

interface Row {
  line: number;
  cells: string[];
}

function readWhole(bytes: Uint8Array, delimiter: string): Row[] {
  const rows: Row[] = [];
  const scanner = new DelimitedScanner(delimiter.charCodeAt(0), {
    row: (b, starts, ends, escaped, fields, line) => rows.push({ line, cells: rowCells(b, starts, ends, escaped, fields) }),
  });
  for (let at = 0; at < bytes.length; at += 4096) scanner.push(bytes.subarray(at, at + 4096));
  scanner.finish();
  return rows;
}

async function readSharded(bytes: Uint8Array, delimiter: string, targetBytes: number, seed = 1) {
  const shards = await readInShards(inputOf(bytes, seed), targetBytes, async ({ start, boundary, chunks }) => {
    const rows: Row[] = [];
    const scan = await scanDelimitedShard({
      start,
      boundary,
      delimiter: delimiter.charCodeAt(0),
      chunks,
      sink: { row: (b, starts, ends, escaped, fields, line) => rows.push({ line, cells: rowCells(b, starts, ends, escaped, fields) }) },
    });
    return { scan, partial: rows };
  });
  const rows = shards.flatMap((shard) => shard.partial.map((row) => ({ line: shard.firstLine + row.line - 1, cells: row.cells })));
  return { shards, rows };
}

describe('reading a delimited file in shards', () => {
  for (const [seed, delimiter] of [
    [11, ','],
    [12, ';'],
    [13, '\t'],
    [14, '|'],
  ] as const) {
    it(`hands on exactly the rows and line numbers of one read, at every shard size (${JSON.stringify(delimiter)}-delimited, seed ${seed})`, async () => {
      const bytes = hostileFile(seed, delimiter, 60);
      const whole = readWhole(bytes, delimiter);
      expect(whole.length).toBeGreaterThan(50);
      let rereads = 0;
      for (let target = 1; target <= bytes.length; target += target < 40 ? 1 : 37) {
        const sharded = await readSharded(bytes, delimiter, target, seed + target);
        expect(sharded.rows, `shards of ${target} bytes`).toEqual(whole);
        expect(sharded.shards.at(-1)!.end).toBe(bytes.length);
        rereads += sharded.shards.filter((s) => s.reread).length;
      }
      // The files hold quoted line breaks, so some guesses were wrong and were caught.
      expect(rereads).toBeGreaterThan(0);
    });
  }

  it('reads a file without quoted line breaks once, each shard in its own range', async () => {
    const lines = ['id,city,amount', ...Array.from({ length: 400 }, (_, i) => `${i},"Town, ${i % 7}",${(i * 1.25).toFixed(2)}`)];
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const sharded = await readSharded(bytes, ',', 1000);
    expect(sharded.shards).toHaveLength(Math.round(bytes.length / 1000));
    expect(sharded.shards.every((s) => !s.reread && s.rows > 0)).toBe(true);
    expect(sharded.rows).toEqual(readWhole(bytes, ','));
  });

  it('drops a failure of a shard whose guessed start was inside a quoted field, and reads it again from the true start', async () => {
    // A guess right after "x\n starts at a lone quote that never closes: that read fails, the true one has no rows.
    const bytes = new TextEncoder().encode('a,b\n1,"x\n"\n');
    const sharded = await readSharded(bytes, ',', 7);
    expect(sharded.shards[1]).toMatchObject({ reread: true, rows: 0 });
    expect(sharded.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\n'] },
    ]);
  });

  it('fails with the shard named when a shard whose start is certain fails, as a cut-off file does', async () => {
    const bytes = new TextEncoder().encode(`id,note\n${Array.from({ length: 50 }, (_, i) => `${i},fine`).join('\n')}\n51,"never closed\n52,x\n`);
    const failure = await readSharded(bytes, ',', 100).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ShardFailed);
    const shardFailure = failure as ShardFailed;
    expect(shardFailure.shard).toBe(Math.round(bytes.length / 100) - 1);
    expect(shardFailure.message).toMatch(/^shard \d+ \(bytes \d+-\d+\) failed: the file ends inside a quoted field/);
    expect((shardFailure.cause as ProfileError).code).toBe('truncated_input');
  });
});
