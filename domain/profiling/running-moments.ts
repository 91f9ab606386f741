/**
 * Mean and variance in one pass (Welford): each value moves the mean by its share of the
 * difference, and the sum of squared deviations grows by the product of the deviations before
 * and after. Unlike Σx² − (Σx)²/n it does not cancel catastrophically when the mean dwarfs the
 * spread (epoch timestamps, coordinates), and stays within a few ulps of a two-pass result.
 */
export class RunningMoments {
  n = 0;
  mean = 0;
  private m2 = 0;

  add(value: number): void {
    const n = ++this.n;
    const delta = value - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (value - this.mean);
  }

  /** Sample standard deviation (n − 1), as DuckDB's stddev and SUMMARIZE report it. */
  get sampleStddev(): number | null {
    return this.n < 2 ? null : Math.sqrt(this.m2 / (this.n - 1));
  }
}
