import { describe, expect, it } from 'vitest';
import { profileBytes } from '#domain/profiling/index.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { ShardProfileMerge, profileShard, readHeader, type ShardProfileOptions } from '#domain/sharding/profile-shard.js';
import { readInShards } from '#domain/sharding/shard-chain.js';
import { hostileFile, inputOf } from '../../support/hostile-delimited.js';
import { roundedFigures } from '../../support/rounded-figures.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function profileInShards(bytes: Uint8Array, delimiter: string, targetBytes: number, options: ShardProfileOptions = {}) {
  const code = delimiter.charCodeAt(0);
  const columns = readHeader(bytes.subarray(0, 64 * 1024), bytes.length <= 64 * 1024, code);
  if (!columns) throw new Error('no header in the head');
  const shards = await readInShards(inputOf(bytes, targetBytes), targetBytes, async ({ start, boundary, chunks }) => {
    const { scan, dataset } = await profileShard({ start, boundary, size: bytes.length, delimiter: code, columns, options, chunks });
    return { scan, partial: dataset };
  });
  const merge = new ShardProfileMerge({ format: delimiter === '\t' ? 'tsv' : 'csv', delimiter: code }, options);
  for (const shard of shards) merge.add(shard.partial);
  return { shards, profile: merge.profile({ compression: 'none', bytes: bytes.length }) };
}

/** A fleet export as another team writes it: semicolons, decimal amounts, ISO times with gaps and steps back, e-mails, repeats and gaps. */
function fleetExport(rows: number, seed: number): Uint8Array {
  const random = new SeededRandom(seed);
  const lines = ['Zeitstempel;Fahrzeug;Geschwindigkeit km/h;Ladung kg;aktiv;Fahrer E-Mail;Notiz'];
  let time = Date.UTC(2026, 10, 2, 6, 0, 0);
  for (let r = 0; r < rows; r++) {
    time += random.next() < 0.05 ? -random.integer(1, 60) * 1000 : random.integer(0, 3) * 1000;
    const speed = random.next() < 0.03 ? '' : (random.next() * 130).toFixed(1);
    const load = random.next() < 0.02 ? '' : String(random.integer(0, 24_000));
    const line = [
      new Date(time).toISOString(),
      `TRK-${random.integer(1, 40)}`,
      speed,
      load,
      random.pick(['true', 'false', 'TRUE']),
      `fahrer${random.integer(1, 25)}@flotte.example`,
      random.next() < 0.1 ? '"Stau; A9\nUmleitung"' : random.pick(['', 'ok', 'Pause']),
    ].join(';');
    lines.push(line);
    if (random.next() < 0.02) lines.push(line);
  }
  return encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

describe('profiling a delimited file in shards', () => {
  for (const [seed, delimiter] of [
    [21, ','],
    [22, ';'],
    [23, '\t'],
    [24, '|'],
  ] as const) {
    it(`gives the profile of one read at every shard size (${JSON.stringify(delimiter)}-delimited hostile file, seed ${seed})`, async () => {
      const bytes = hostileFile(seed, delimiter, 40);
      const whole = roundedFigures(await profileBytes(bytes));
      // Every size up to a dozen bytes (shards of a few bytes, most of them empty), then growing to the whole file.
      for (let target = 1; target <= bytes.length; target = target < 12 ? target + 1 : Math.ceil(target * 1.3)) {
        const { profile } = await profileInShards(bytes, delimiter, target);
        expect(roundedFigures(profile), `shards of ${target} bytes`).toEqual(whole);
      }
    });
  }

  it('keeps moments, quantiles, time order, duplicates, personal data and missing pairs of a fleet export exact across shards', async () => {
    const bytes = fleetExport(6000, 5);
    const whole = await profileBytes(bytes);
    const { shards, profile } = await profileInShards(bytes, ';', 20_000);
    expect(shards.length).toBeGreaterThan(10);
    expect(roundedFigures(profile)).toEqual(roundedFigures(whole));
    // The figures the comparison rests on are really there.
    expect(whole.duplicateRows).toBeGreaterThan(50);
    const time = whole.columns.find((c) => c.name === 'Zeitstempel')!;
    expect(time.type).toBe('datetime');
    expect(time.sequence!.backwardSteps).toBeGreaterThan(100);
    expect(whole.columns.find((c) => c.name === 'Fahrer E-Mail')!.personalData?.kind).toBe('email');
    expect(whole.missingCooccurrence.some((m) => m.bothMissing > 0)).toBe(true);
    expect(whole.correlations.length).toBeGreaterThan(0);
  });

  it('merges distinct counts and frequent values past the exact limit within their stated error', async () => {
    const bytes = fleetExport(6000, 6);
    const options = { exactDistinctLimit: 30 };
    const whole = await profileBytes(bytes, options);
    const { profile } = await profileInShards(bytes, ';', 15_000, options);
    expect(profile.rows).toBe(whole.rows);
    for (const [c, merged] of profile.columns.entries()) {
      const one = whole.columns[c]!;
      expect(merged.count).toBe(one.count);
      expect(merged.nulls).toBe(one.nulls);
      expect(merged.distinctApproximate).toBe(one.distinctApproximate);
      expect(Math.abs(merged.distinct - one.distinct)).toBeLessThanOrEqual(3 * merged.distinctErrorBound * one.distinct + 1);
      expect(merged.min).toEqual(one.min);
      expect(merged.max).toEqual(one.max);
      // Quantiles come from a sample that still holds every value: exact on both sides.
      expect(merged.quantiles).toEqual(one.quantiles);
      const exactCounts = new Map(one.topK.map((t) => [t.value, t.count]));
      for (const top of merged.topK) {
        const truth = exactCounts.get(top.value);
        if (truth !== undefined) expect(Math.abs(top.count - truth)).toBeLessThanOrEqual((merged.topKErrorBound ?? 0) + 6 * Math.sqrt(truth) * 4);
      }
    }
    const speed = profile.columns.find((c) => c.name === 'Geschwindigkeit km/h')!;
    expect(speed.distinctApproximate).toBe(true);
  });

  it('reads the header a shard after the first is given as the profiler names it', () => {
    expect(readHeader(encode('\uFEFFid; ;id;"x;y"\n1;2;3;4\n'), false, 0x3b)).toEqual(['id', 'column_2', 'id_2', 'x;y']);
    expect(readHeader(encode('id,name'), false, 0x2c)).toBeUndefined();
    expect(readHeader(encode('id,name'), true, 0x2c)).toEqual(['id', 'name']);
  });
});
