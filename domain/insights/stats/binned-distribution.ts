export interface DistributionSummary {
  count: number;
  mean: number | null;
  stddev: number | null;
  min: number | null;
  max: number | null;
  /** Percentiles read from the bins, so within one bin width of the truth. */
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

/**
 * A distribution kept in fixed-width bins over a known range (values outside land in the edge
 * bins) plus exact moments: constant memory per series, so one can be kept per vehicle or per
 * segment in a single streaming pass.
 */
export class BinnedDistribution {
  private readonly bins: Float64Array;
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(
    readonly lower: number,
    readonly upper: number,
    readonly width: number,
  ) {
    this.bins = new Float64Array(Math.ceil((upper - lower) / width));
  }

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const index = Math.min(this.bins.length - 1, Math.max(0, Math.floor((value - this.lower) / this.width)));
    this.bins[index]!++;
  }

  /** The value below which `share` of the values lie, interpolated within its bin and kept inside [min, max]. */
  quantile(share: number): number | null {
    if (this.count === 0) return null;
    const target = share * this.count;
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      const inBin = this.bins[i]!;
      if (inBin > 0 && seen + inBin >= target) {
        const within = (target - seen) / inBin;
        const value = this.lower + (i + within) * this.width;
        return Math.min(this.max, Math.max(this.min, value));
      }
      seen += inBin;
    }
    return this.max;
  }

  summary(digits = 2): DistributionSummary {
    const round = (x: number | null) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: empty ? null : round(this.mean),
      stddev: this.count < 2 ? null : round(Math.sqrt(this.m2 / (this.count - 1))),
      min: empty ? null : round(this.min),
      max: empty ? null : round(this.max),
      p5: round(this.quantile(0.05)),
      p25: round(this.quantile(0.25)),
      p50: round(this.quantile(0.5)),
      p75: round(this.quantile(0.75)),
      p95: round(this.quantile(0.95)),
    };
  }

  /** Non-empty bins as histogram bins, for charts. */
  histogram(): { from: number; to: number; count: number }[] {
    const out: { from: number; to: number; count: number }[] = [];
    this.bins.forEach((count, i) => {
      if (count > 0) out.push({ from: this.lower + i * this.width, to: this.lower + (i + 1) * this.width, count });
    });
    return out;
  }
}
