import { describe, expect, it } from 'vitest';
import { DelimitedScanner } from '#domain/profiling/delimited-scanner.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { rowCells } from '#domain/profiling/row-cells.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { scanDelimitedShard } from '#domain/sharding/delimited-shard.js';
import { ShardFailed, readInShards, type ShardInput } from '#domain/sharding/shard-chain.js';

interface Row {
  line: number;
  cells: string[];
}

/** The input in chunks of 1-61 bytes from a seed, so rows are cut at every kind of place. */
function inputOf(bytes: Uint8Array, seed: number): ShardInput {
  return {
    size: bytes.length,
    async *bytesFrom(offset) {
      const random = new SeededRandom(seed + offset);
      for (let at = offset; at < bytes.length;) {
        const next = Math.min(bytes.length, at + random.integer(1, 61));
        yield bytes.subarray(at, next);
        at = next;
      }
    },
  };
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

/** Fields other teams' exports hold: quoted delimiters and line breaks of every kind, doubled quotes, stray quotes, text that looks like rows. */
function hostileField(random: SeededRandom, delimiter: string): string {
  switch (random.integer(0, 11)) {
    case 0:
      return '';
    case 1:
      return String(random.integer(-5000, 5000));
    case 2:
      return `"a${delimiter}b"`;
    case 3:
      return '"first line\nsecond line"';
    case 4:
      return '"windows\r\nbreak"';
    case 5:
      return '"old mac\rbreak"';
    case 6:
      return '"she said ""hi"" twice"';
    case 7:
      return `"looks like rows\n1${delimiter}2${delimiter}3\n4${delimiter}"`;
    case 8:
      return random.pick(['Zürich', 'São Paulo', '東京都', 'naïve café', '🚚 depot']);
    case 9:
      return '5" pipe';
    case 10:
      return '"\n\n"';
    default:
      return random.pick(['alpha', 'Bravo Ltd', ' padded ', 'x']);
  }
}

function hostileFile(seed: number, delimiter: string, rows: number): Uint8Array {
  const random = new SeededRandom(seed);
  const columns = random.integer(2, 5);
  const lineEnd = () => random.pick(['\n', '\n', '\r\n', '\n\n']);
  let text = `${Array.from({ length: columns }, (_, c) => `col ${c}`).join(delimiter)}${lineEnd()}`;
  for (let r = 0; r < rows; r++) {
    text += Array.from({ length: columns }, () => hostileField(random, delimiter)).join(delimiter);
    if (r < rows - 1 || random.next() < 0.5) text += lineEnd();
  }
  return new TextEncoder().encode(text);
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
