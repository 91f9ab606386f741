import { HyperLogLog } from '#domain/profiling/hyperloglog.js';
import { hashString } from './compact-key-index.js';

/** Distinct values counted exactly up to this many; past it, estimated. */
export const EXACT_DISTINCT = 10_000;

/**
 * Counts distinct strings exactly while they are few (what small files and category columns
 * have, and what tests can check by hand), then by HyperLogLog (precision 14: 16 KiB, about 0.8%
 * relative error) so a column of ten million ids costs the same memory as one of ten thousand.
 */
export class DistinctCounter {
  private exact: Set<string> | undefined = new Set();
  private readonly sketch = new HyperLogLog(14);

  add(value: string): void {
    const [h1, h2] = hashString(value);
    this.sketch.add(h1, h2);
    if (!this.exact) return;
    this.exact.add(value);
    if (this.exact.size > EXACT_DISTINCT) this.exact = undefined;
  }

  get count(): number {
    return this.exact ? this.exact.size : Math.max(EXACT_DISTINCT, this.sketch.estimate());
  }

  /** False once the count is an estimate. */
  get isExact(): boolean {
    return this.exact !== undefined;
  }
}
