import type { Sample } from './prometheus-text.js';

/** Seconds: steps range from milliseconds (small files) to minutes (large extracts). */
export const STEP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

interface Series {
  labels: Record<string, string>;
  counts: number[];
  sum: number;
  count: number;
}

/** A cumulative histogram keyed by its label set, rendered as Prometheus `_bucket`/`_sum`/`_count` samples. */
export class Histogram {
  private readonly series = new Map<string, Series>();

  constructor(private readonly buckets: readonly number[] = STEP_DURATION_BUCKETS) {}

  observe(labels: Record<string, string>, value: number): void {
    const id = JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
    let series = this.series.get(id);
    if (!series) {
      series = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(id, series);
    }
    this.buckets.forEach((bound, i) => {
      if (value <= bound) series.counts[i]!++;
    });
    series.sum += value;
    series.count++;
  }

  samples(): Sample[] {
    return [...this.series.values()].flatMap((s) => [
      ...this.buckets.map((bound, i) => ({ suffix: '_bucket', labels: { ...s.labels, le: String(bound) }, value: s.counts[i]! })),
      { suffix: '_bucket', labels: { ...s.labels, le: '+Inf' }, value: s.count },
      { suffix: '_sum', labels: s.labels, value: s.sum },
      { suffix: '_count', labels: s.labels, value: s.count },
    ]);
  }
}
