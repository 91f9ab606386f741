/**
 * Percentile by linear interpolation between closest ranks (numpy's default), so small
 * hand-made examples have answers one can check on paper. `sorted` must be ascending.
 */
export function percentile(sorted: readonly number[], p: number): number {
  return interpolated((index) => sorted[index]!, sorted.length, p);
}

/** The p-th percentile of `count` ordered values, `valueAt` giving the one at a 0-based rank. */
function interpolated(valueAt: (index: number) => number, count: number, p: number): number {
  if (count === 0) return Number.NaN;
  const rank = (p / 100) * (count - 1);
  const low = valueAt(Math.floor(rank));
  return low + (valueAt(Math.ceil(rank)) - low) * (rank - Math.floor(rank));
}

/** Mean, extremes and population standard deviation of values seen one at a time (Welford's update). */
export class RunningStatistics {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private mean = 0;
  private squares = 0;

  add(value: number): void {
    this.count++;
    this.sum += value;
    this.min = Math.min(this.min, value);
    this.max = Math.max(this.max, value);
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.squares += delta * (value - this.mean);
  }

  describe(): { mean: number; min: number; max: number; stdDev: number } {
    if (this.count === 0) return { mean: 0, min: 0, max: 0, stdDev: 0 };
    return { mean: this.sum / this.count, min: this.min, max: this.max, stdDev: Math.sqrt(this.squares / this.count) };
  }
}

/** Distinct values a distribution keeps exactly before it rounds them; bounds its memory per vehicle. */
const EXACT_DISTINCT_VALUES = 10_000;

/**
 * Values counted by value, for percentiles without keeping every value: exact while there are at
 * most EXACT_DISTINCT_VALUES distinct ones, then rounded to `resolution` (which bounds the error
 * of a percentile by half of it).
 */
export class ValueDistribution {
  private counts = new Map<number, number>();
  private total = 0;
  private rounded = false;

  constructor(private readonly resolution: number) {}

  add(value: number): void {
    const key = this.rounded ? this.roundValue(value) : value;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
    if (!this.rounded && this.counts.size > EXACT_DISTINCT_VALUES) {
      this.rounded = true;
      const exact = this.counts;
      this.counts = new Map();
      for (const [v, n] of exact) this.counts.set(this.roundValue(v), (this.counts.get(this.roundValue(v)) ?? 0) + n);
    }
  }

  /** The same interpolation as {@link percentile} over the counted values. */
  percentiles(ps: readonly number[]): number[] {
    const sorted = [...this.counts.entries()].sort(([a], [b]) => a - b);
    const at = (index: number): number => {
      let seen = 0;
      for (const [value, n] of sorted) {
        seen += n;
        if (index < seen) return value;
      }
      return Number.NaN;
    };
    return ps.map((p) => interpolated(at, this.total, p));
  }

  private roundValue(value: number): number {
    return Math.round(value / this.resolution) * this.resolution;
  }
}
