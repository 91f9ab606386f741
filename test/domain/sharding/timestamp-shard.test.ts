import { describe, expect, it } from 'vitest';
import { trackTimestampColumns } from '#domain/insights/index.js';
import { streamRecords } from '#domain/insights/records/index.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { readInShards } from '#domain/sharding/shard-chain.js';
import { followTimestampsInShard, headerCells, TimestampShardMerge, trackedColumns } from '#domain/sharding/timestamp-shard.js';
import { inputOf } from '../../support/hostile-delimited.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function onePass(bytes: Uint8Array, columns: string[]) {
  return trackTimestampColumns(
    streamRecords(
      (async function* () {
        yield bytes;
      })(),
      { columns },
    ),
    columns,
  );
}

async function inShards(bytes: Uint8Array, delimiter: string, columns: string[], targetBytes: number) {
  const code = delimiter.charCodeAt(0);
  const header = headerCells(bytes.subarray(0, 64 * 1024), bytes.length <= 64 * 1024, code);
  if (!header) throw new Error('no header in the head');
  const tracked = trackedColumns(header, columns);
  const shards = await readInShards(inputOf(bytes, targetBytes), targetBytes, async ({ start, boundary, chunks }) => {
    const { scan, ...part } = await followTimestampsInShard({ start, boundary, delimiter: code, tracked, chunks });
    return { scan, partial: part };
  });
  const merge = new TimestampShardMerge();
  for (const shard of shards) merge.add(shard.partial);
  return { shards: shards.length, sequences: merge.result() };
}

/**
 * A warehouse scanner log as another site writes it: a byte-order mark, semicolons and CRLF, two
 * time columns (one with an offset, one local), clock resets, silences, blanks, "unknown", quoted
 * notes with line breaks and semicolons, and rows cut short.
 */
function scannerLog(rows: number, seed: number): Uint8Array {
  const random = new SeededRandom(seed);
  const lines = [' Erfasst am ;Lager;Gebucht;Notiz'];
  let scanned = Date.UTC(2026, 10, 28, 5, 0);
  let booked = scanned;
  for (let r = 0; r < rows; r++) {
    const roll = random.next();
    scanned += roll < 0.04 ? -random.integer(1, 30) * 60_000 : roll < 0.07 ? random.integer(2, 6) * 3_600_000 : random.integer(0, 4) * 30_000;
    booked += random.integer(0, 90) * 1000;
    const scannedText = random.next() < 0.03 ? '' : random.next() < 0.02 ? 'unknown' : new Date(scanned).toISOString().replace('Z', '+00:00');
    const bookedText = new Date(booked).toISOString().slice(0, 19).replace('T', ' ');
    const note = random.pick(['', 'ok', '"Palette; beschädigt\r\nnachgezählt"', '"Tor 3\n""Express"""']);
    lines.push(random.next() < 0.02 ? `${scannedText};HAM-2` : [scannedText, random.pick(['HAM-2', 'BRE-1']), bookedText, note].join(';'));
  }
  return encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

describe('following timestamp columns in shards', () => {
  it('finds exactly what one pass over the records finds, at every shard size', async () => {
    const bytes = scannerLog(1_500, 31);
    const columns = ['Erfasst am', 'Gebucht'];
    const whole = await onePass(bytes, columns);
    expect(whole[0]!.backwardSteps).toBeGreaterThan(0);
    expect(whole[0]!.gaps).toBeGreaterThan(0);
    expect(whole[0]!.unparsed).toBeGreaterThan(0);
    for (let target = 7; target <= bytes.length; target = Math.ceil(target * 1.7)) {
      const { sequences } = await inShards(bytes, ';', columns, target);
      expect(sequences, `shards of ${target} bytes`).toEqual(whole);
    }
    expect((await inShards(bytes, ';', columns, 4096)).shards).toBeGreaterThan(10);
  });

  it('reads a named column from its last field when the header repeats it, and a column the header lacks as missing', async () => {
    const bytes = encode('ts,ts,other\n2026-01-01,2026-02-01,x\n2026-01-02,2026-02-03,y\n2026-01-03,2026-02-02,z\n');
    for (const target of [5, 11, 40]) {
      const { sequences } = await inShards(bytes, ',', ['ts', 'missing'], target);
      expect(sequences).toEqual(await onePass(bytes, ['ts', 'missing']));
      expect(sequences[0]).toMatchObject({ values: 3, backwardSteps: 1, firstBackward: { row: 3, from: '2026-02-03', to: '2026-02-02' } });
      expect(sequences[1]).toMatchObject({ values: 0, unparsed: 0 });
    }
  });
});
