import { describe, expect, it } from 'vitest';
import { BinnedDistribution } from '#domain/insights/index.js';

describe('BinnedDistribution', () => {
  it('gives exact moments and percentiles within one bin of the truth, in constant memory', () => {
    const d = new BinnedDistribution(0, 100, 1);
    for (let i = 0; i < 1000; i++) d.add(i / 10); // 0.0 … 99.9, uniform
    const s = d.summary(2);
    expect(s).toMatchObject({ count: 1000, min: 0, max: 99.9 });
    expect(s.mean).toBeCloseTo(49.95, 6);
    expect(s.stddev).toBeCloseTo(28.88, 1);
    for (const [p, truth] of [
      ['p5', 5],
      ['p25', 25],
      ['p50', 50],
      ['p75', 75],
      ['p95', 95],
    ] as const)
      expect(Math.abs(s[p]! - truth)).toBeLessThanOrEqual(1);
  });

  it('keeps out-of-range values in the edge bins but never reports a percentile beyond min or max', () => {
    const d = new BinnedDistribution(0, 10, 1);
    for (const v of [-50, 5, 5, 5, 500]) d.add(v);
    const s = d.summary();
    expect(s).toMatchObject({ min: -50, max: 500, count: 5 });
    expect(s.p5).toBeGreaterThanOrEqual(-50);
    expect(s.p95).toBeLessThanOrEqual(500);
    expect(new BinnedDistribution(0, 1, 0.1).summary()).toMatchObject({ count: 0, mean: null, p50: null });
  });
});
