import type { HistogramBin, Quantiles } from './profile-types.js';
import type { ReservoirSample } from './reservoir-sample.js';

/** How a column's ordered values are spread: exact counts, or a sample standing in for them. */
export interface ValueDistribution {
  n: number;
  /**
   * Linear interpolation between the order statistics around rank (n − 1)·q, as DuckDB's
   * quantile_cont, numpy and pandas compute it: the median of 1, 2, 3, 4 is 2.5, not 2.
   * With `between` false, the lower of the two instead (a date's median is a date, not noon).
   */
  quantile(q: number, between?: boolean): number;
  /** Values strictly below x (at or below x when inclusive); estimated from a sample. */
  countBelow(x: number, inclusive: boolean): number;
}

/** Exact, from every distinct value and its count. */
export function distributionFromCounts(values: Float64Array, counts: Float64Array): ValueDistribution {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const sorted = Float64Array.from(order, (i) => values[i]!);
  const cumulative = new Float64Array(order.length);
  let total = 0;
  order.forEach((i, k) => (cumulative[k] = total += counts[i]!));
  return {
    n: total,
    quantile(q, between = true) {
      // The k-th smallest value (0-based) is the first whose cumulative count passes k.
      const at = (k: number) => sorted[lowerBound(cumulative, (c) => c <= k)]!;
      return interpolate(at, total, q, between);
    },
    countBelow(x, inclusive) {
      const k = lowerBound(sorted, inclusive ? (v) => v <= x : (v) => v < x);
      return k === 0 ? 0 : cumulative[k - 1]!;
    },
  };
}

/** Estimated, scaling a uniform sample's ranks up to the stream's length. */
export function distributionFromSample(sample: ReservoirSample): ValueDistribution {
  return {
    n: sample.n,
    quantile: (q, between = true) => {
      const sorted = sample.sortedValues();
      return interpolate((k) => sorted[k]!, sorted.length, q, between);
    },
    countBelow: (x, inclusive) => Math.round(sample.fractionBelow(x, inclusive) * sample.n),
  };
}

export function quantilesOf(distribution: ValueDistribution | undefined, between = true): Quantiles {
  const q = (p: number) => (distribution && distribution.n > 0 ? distribution.quantile(p, between) : null);
  return { p1: q(0.01), p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) };
}

/**
 * Equal-width bins from min to max (the last one closed). Integer columns with a narrow range
 * get one bin per value instead of bins that split integers. Counts come from the
 * distribution's cumulative counts at the edges, so they always add up to n.
 */
export function histogramOf(distribution: ValueDistribution, min: number, max: number, bins: number, integers: boolean): HistogramBin[] {
  if (distribution.n === 0) return [];
  if (min === max) return [{ from: min, to: max, count: distribution.n }];
  const unitBins = integers && max - min + 1 <= bins;
  const count = unitBins ? max - min + 1 : bins;
  const width = unitBins ? 1 : (max - min) / bins;
  const edges = Array.from({ length: count + 1 }, (_, i) => (i === count && !unitBins ? max : min + i * width));
  const histogram: HistogramBin[] = [];
  let below = 0;
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const upTo = last ? distribution.n : distribution.countBelow(edges[i + 1]!, false);
    histogram.push({ from: edges[i]!, to: edges[i + 1]!, count: upTo - below });
    below = upTo;
  }
  return histogram;
}

/** The value at rank (n − 1)·q, between the order statistics on either side; `at(k)` is the k-th smallest, 0-based. */
function interpolate(at: (k: number) => number, n: number, q: number, between: boolean): number {
  const rank = (n - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(rank);
  const low = at(below);
  if (rank === below || !between) return low;
  const high = at(below + 1);
  return low + (rank - below) * (high - low);
}

/** The first index whose element fails `before` (elements are partitioned: all passing first). */
function lowerBound(array: Float64Array, before: (value: number) => boolean): number {
  let lo = 0;
  let hi = array.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(array[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
