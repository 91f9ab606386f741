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

describe('sketches merged from parts of a stream', () => {
  const hashed = (v: number) => {
    hash.number(v, HashTag.number);
    return [hash.h1, hash.h2] as const;
  };

  it('a HyperLogLog of two parts, merged, holds the registers of one sketch of both', () => {
    const [left, right, whole] = [new HyperLogLog(), new HyperLogLog(), new HyperLogLog()];
    for (let i = 0; i < 200_000; i++) {
      const [h1, h2] = hashed(i % 150_000);
      (i < 90_000 ? left : right).add(h1, h2);
      whole.add(h1, h2);
    }
    left.merge(HyperLogLog.fromState(right.toState()));
    expect(left.registers).toEqual(whole.registers);
    expect(() => left.merge(new HyperLogLog(12))).toThrow(/precision 12/);
  });

  it('value counters stay exact while the union fits, and past it keep the heavy hitters inside their summed error', () => {
    const count = (counter: ValueCounter, values: number[]) => {
      for (const v of values) counter.add(...hashed(v), ValueKind.number, v, undefined, 0, 0, true);
    };
    const small = [new ValueCounter(100), new ValueCounter(100)];
    count(small[0]!, [1, 2, 2, 3]);
    count(small[1]!, [3, 3, 4]);
    small[0]!.merge(ValueCounter.fromState(small[1]!.toState()));
    expect(small[0]!.exact).toBe(true);
    expect(new Map(small[0]!.entries().map((e) => [e.number, e.count]))).toEqual(
      new Map([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 1],
      ]),
    );

    const random = new SeededRandom(17);
    const truth = new Map<number, number>();
    const parts = [new ValueCounter(1000, 256), new ValueCounter(1000, 256), new ValueCounter(1000, 256)];
    for (const [p, part] of parts.entries()) {
      // The last part alone stays exact: it is folded into sketches.
      const values = Array.from({ length: p === 2 ? 900 : 120_000 }, (_, i) => {
        const roll = random.next();
        return roll < 0.2 ? 1 : roll < 0.3 ? 2 : 10_000 * (p + 1) + (i % 5000);
      });
      for (const v of values) truth.set(v, (truth.get(v) ?? 0) + 1);
      count(part, values);
    }
    expect(parts.map((p) => p.exact)).toEqual([false, false, true]);
    const merged = parts[0]!;
    merged.merge(parts[1]!);
    merged.merge(parts[2]!);
    expect(merged.exact).toBe(false);
    expect(merged.retainedItems).toBeLessThanOrEqual(256);
    const top = merged
      .entries()
      .sort((a, b) => b.count - a.count)
      .slice(0, 2);
    expect(top.map((e) => e.number)).toEqual([1, 2]);
    for (const entry of top) {
      const actual = truth.get(entry.number)!;
      expect(entry.count).toBeGreaterThan(actual - merged.countErrorBound - 5 * 4 * Math.sqrt(actual));
      expect(entry.count).toBeLessThan(actual + 5 * 4 * Math.sqrt(actual));
    }
    expect(Math.abs(merged.distinct - truth.size) / truth.size).toBeLessThan(0.02);
  });

  it('duplicate rows across parts count as duplicates, exact or estimated at the higher level', () => {
    const [left, right] = [new DuplicateRowCounter(), new DuplicateRowCounter()];
    for (let i = 0; i < 500; i++) left.add(...hashed(i % 300));
    for (let i = 0; i < 500; i++) right.add(...hashed(i % 300));
    left.merge(DuplicateRowCounter.fromState(right.toState()));
    expect([left.duplicates(), left.approximate]).toEqual([700, false]);

    const [big, other] = [new DuplicateRowCounter(), new DuplicateRowCounter()];
    for (let i = 0; i < 400_000; i++) big.add(...hashed(i));
    for (let i = 0; i < 100_000; i++) other.add(...hashed(i * 2));
    expect([big.approximate, other.approximate]).toEqual([true, false]);
    big.merge(other);
    // Every row of the second part repeats one of the first.
    expect(Math.abs(big.duplicates() - 100_000) / 100_000).toBeLessThan(0.05);
  });
});
