import { describe, expect, it } from 'vitest';
import { DuplicateRowCounter } from '#domain/profiling/duplicate-row-counter.js';
import { Hash64, HashTag } from '#domain/profiling/hash64.js';
import { HyperLogLog } from '#domain/profiling/hyperloglog.js';
import { ReservoirSample } from '#domain/profiling/reservoir-sample.js';
import { ValueCounter, ValueKind } from '#domain/profiling/value-counter.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';

const hash = new Hash64();

describe('HyperLogLog', () => {
  it('stays within 2% from thousands to millions of distinct values, and states 0.41% standard error', () => {
    const hll = new HyperLogLog();
    expect(hll.relativeStandardError).toBeCloseTo(0.0041, 4);
    let added = 0;
    for (const target of [1_000, 20_000, 150_000, 1_000_000, 3_000_000]) {
      for (; added < target; added++) {
        hash.number(added * 1.5, HashTag.number);
        hll.add(hash.h1, hash.h2);
      }
      expect(Math.abs(hll.estimate() - target) / target, `${target}`).toBeLessThan(0.02);
    }
  });

  it('counts repeats once', () => {
    const hll = new HyperLogLog();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 50_000; i++) {
        hash.number(i, HashTag.number);
        hll.add(hash.h1, hash.h2);
      }
    }
    expect(Math.abs(hll.estimate() - 50_000) / 50_000).toBeLessThan(0.02);
  });
});

describe('reservoir sample for quantiles', () => {
  function rankError(sample: ReservoirSample, sorted: Float64Array, q: number): number {
    const value = sample.quantile(q)!;
    let below = 0;
    while (below < sorted.length && sorted[below]! < value) below++;
    let atOrBelow = below;
    while (atOrBelow < sorted.length && sorted[atOrBelow]! <= value) atOrBelow++;
    const target = q * sorted.length;
    return Math.max(0, below - target, target - atOrBelow) / sorted.length;
  }

  it('is exact while the stream fits, and says so', () => {
    const sample = new ReservoirSample(1000);
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    sample.addBlock(values, values.length);
    expect(sample.exact).toBe(true);
    expect(sample.rankError).toBe(0);
    expect(sample.quantile(0.5)).toBe(499);
    expect(sample.quantile(0)).toBe(0);
    expect(sample.quantile(1)).toBe(999);
  });

  it('keeps every quantile within its stated rank error on a long skewed stream, fed one by one or in blocks', () => {
    const random = new SeededRandom(5);
    const values = Float64Array.from({ length: 400_000 }, () => Math.exp(random.normal(0, 2)));
    const sorted = values.slice().sort();
    const oneByOne = new ReservoirSample(8192);
    for (const v of values) oneByOne.add(v);
    const blocks = new ReservoirSample(8192);
    for (let at = 0; at < values.length; at += 1000) blocks.addBlock(values.subarray(at, at + 1000), 1000);
    for (const sample of [oneByOne, blocks]) {
      expect(sample.n).toBe(values.length);
      expect(sample.retainedItems).toBe(8192);
      for (const q of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) expect(rankError(sample, sorted, q)).toBeLessThanOrEqual(sample.rankError);
    }
  });

  it('starts from exact counts (a column that outgrew its exact limit) and stays uniform as values keep coming', () => {
    const sample = new ReservoirSample(8192);
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    sample.seedFromCounts(values, new Float64Array(1000).fill(100));
    expect([sample.n, sample.retainedItems]).toEqual([100_000, 8192]);
    const later = Float64Array.from({ length: 100_000 }, (_, i) => 1000 + (i % 1000));
    sample.addBlock(later, later.length);
    const sorted = Float64Array.from({ length: 200_000 }, (_, i) => Math.floor(i / 100));
    for (const q of [0.01, 0.25, 0.5, 0.75, 0.99]) expect(rankError(sample, sorted, q), `q ${q}`).toBeLessThanOrEqual(sample.rankError);
  });

  it('merges two samples into one that represents both streams', () => {
    const left = new ReservoirSample(4096);
    const right = new ReservoirSample(4096);
    for (let i = 0; i < 100_000; i++) left.add(i);
    for (let i = 100_000; i < 300_000; i++) right.add(i);
    left.merge(right);
    expect(left.n).toBe(300_000);
    const sorted = Float64Array.from({ length: 300_000 }, (_, i) => i);
    for (const q of [0.1, 1 / 3, 0.5, 0.9]) expect(rankError(left, sorted, q)).toBeLessThanOrEqual(left.rankError);
  });
});

describe('value counter: distinct values and their frequencies', () => {
  const countNumbers = (counter: ValueCounter, values: number[]) => {
    for (const v of values) {
      hash.number(v, HashTag.number);
      counter.add(hash.h1, hash.h2, ValueKind.number, v, undefined, 0, 0, true);
    }
  };

  it('counts exactly up to its limit', () => {
    const counter = new ValueCounter(100);
    countNumbers(counter, [1, 2, 2, 3, 3, 3, 0, -0]);
    expect(counter.exact).toBe(true);
    expect(counter.distinct).toBe(4);
    expect(
      counter
        .entries()
        .map((e) => [e.number, e.count])
        .sort((a, b) => a[0]! - b[0]!),
    ).toEqual([
      [0, 2],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('past its limit, still finds the heavy hitters in a long tail, with counts inside its stated error', () => {
    const counter = new ValueCounter(1000, 256);
    const random = new SeededRandom(9);
    const truth = new Map<number, number>();
    const values: number[] = [];
    for (let i = 0; i < 300_000; i++) {
      const roll = random.next();
      const v = roll < 0.2 ? 1 : roll < 0.3 ? 2 : roll < 0.35 ? 3 : 1000 + i;
      values.push(v);
      truth.set(v, (truth.get(v) ?? 0) + 1);
    }
    countNumbers(counter, values);
    expect(counter.exact).toBe(false);
    expect(counter.retainedItems).toBeLessThanOrEqual(256);
    const top = counter
      .entries()
      .sort((a, b) => b.count - a.count)
      .slice(0, 3);
    expect(top.map((e) => e.number)).toEqual([1, 2, 3]);
    for (const entry of top) {
      const actual = truth.get(entry.number)!;
      // Low by at most the summary's stated bound, give or take the 1-in-16 sampling (4·√count is about 1σ).
      expect(entry.count).toBeGreaterThan(actual - counter.countErrorBound - 5 * 4 * Math.sqrt(actual));
      expect(entry.count).toBeLessThan(actual + 5 * 4 * Math.sqrt(actual));
    }
    expect(Math.abs(counter.distinct - truth.size) / truth.size).toBeLessThan(0.02);
  });
});

describe('duplicate rows', () => {
  it('is exact while the distinct rows fit, and a close estimate past them in fixed memory', () => {
    const exact = new DuplicateRowCounter();
    for (let i = 0; i < 1000; i++) {
      hash.number(i % 400, HashTag.number);
      exact.add(hash.h1, hash.h2);
    }
    expect([exact.duplicates(), exact.approximate]).toEqual([600, false]);

    const estimated = new DuplicateRowCounter();
    const random = new SeededRandom(3);
    let duplicates = 0;
    let distinctRows = 0;
    for (let i = 0; i < 1_200_000; i++) {
      // A row is a fresh id, or (one time in ten) again one of the ids seen so far.
      const repeat = distinctRows > 0 && random.next() < 0.1;
      if (repeat) duplicates++;
      hash.number(repeat ? random.integer(0, distinctRows - 1) : distinctRows++, HashTag.number);
      estimated.add(hash.h1, hash.h2);
    }
    expect(estimated.approximate).toBe(true);
    expect(estimated.retainedItems).toBeLessThan(2 ** 17);
    expect(Math.abs(estimated.duplicates() - duplicates) / duplicates).toBeLessThan(0.05);
  });
});
