import type { TopLevelSpec } from 'vega-lite';
import type { HistogramBin } from '#domain/profiling/profile-types.js';

export interface HistogramChartOptions {
  xTitle: string;
  /** Bin edges are epoch milliseconds: draw a time axis. */
  temporal?: boolean;
  width?: number;
  height?: number;
}

/** Pre-binned counts as adjoining bars; the profiler already did the binning, the chart only draws. */
export function histogramSpec(bins: readonly HistogramBin[], options: HistogramChartOptions): TopLevelSpec {
  return {
    width: options.width ?? 320,
    height: options.height ?? 120,
    data: { values: bins.map((b) => ({ from: b.from, to: b.to, count: b.count })) },
    mark: { type: 'bar', binSpacing: 1 },
    encoding: {
      x: {
        field: 'from',
        type: options.temporal ? 'temporal' : 'quantitative',
        bin: { binned: true },
        title: options.xTitle,
        axis: { tickCount: 5, labelOverlap: true },
      },
      x2: { field: 'to' },
      y: { field: 'count', type: 'quantitative', title: 'rows', axis: { tickCount: 4, tickMinStep: 1, format: '~s' } },
    },
  };
}
