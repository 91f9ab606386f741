import type { TopLevelSpec } from 'vega-lite';

export interface RangeDatum {
  label: string;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/**
 * A box per category from precomputed percentiles: whiskers p5–p95, box p25–p75, a tick at the
 * median. Comparing many distributions side by side is what a grid of histograms does badly.
 */
export function rangeChartSpec(data: readonly RangeDatum[], options: { valueTitle: string; width?: number }): TopLevelSpec {
  const labels = data.map((d) => d.label);
  const y = { field: 'label', type: 'nominal' as const, sort: labels, title: null, axis: { labelLimit: 160 } };
  return {
    width: options.width ?? 420,
    height: { step: 18 },
    data: { values: data },
    encoding: { y },
    layer: [
      { mark: { type: 'rule' }, encoding: { x: { field: 'p5', type: 'quantitative', title: options.valueTitle }, x2: { field: 'p95' } } },
      { mark: { type: 'bar', size: 10, opacity: 0.85 }, encoding: { x: { field: 'p25', type: 'quantitative' }, x2: { field: 'p75' } } },
      { mark: { type: 'tick', color: 'white', size: 10, thickness: 2 }, encoding: { x: { field: 'p50', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}
