import type { TopLevelSpec } from 'vega-lite';
import { labelPadding } from './chart-theme.js';

export interface BarDatum {
  label: string;
  value: number;
  /** Bars in one group share a colour; a legend appears when there are several groups. */
  group?: string;
}

export interface BarChartOptions {
  valueTitle: string;
  /** d3-format string for the axis, e.g. ".0%" or "~s". */
  format?: string;
  width?: number;
  /** The values are counts: ticks at whole numbers only (no 0.5 events). */
  counts?: boolean;
  /** Draw a reference line at this value (a target, a break-even). */
  reference?: { value: number; label: string };
}

/** Labelled horizontal bars in the given order; grouped bars sit side by side within a label. */
export function barChartSpec(data: readonly BarDatum[], options: BarChartOptions): TopLevelSpec {
  const grouped = new Set(data.map((d) => d.group ?? '')).size > 1;
  const values = data.map((d, order) => ({ ...d, group: d.group ?? '', order }));
  const labels = [...new Set(values.map((v) => v.label))];
  const bars = {
    mark: { type: 'bar' as const, cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'label', type: 'nominal' as const, sort: labels, title: null, axis: { labelLimit: 240 } },
      x: {
        field: 'value',
        type: 'quantitative' as const,
        title: options.valueTitle,
        axis: { tickCount: 5, ...(options.counts ? { tickMinStep: 1, format: 'd' } : {}), ...(options.format ? { format: options.format } : {}) },
      },
      ...(grouped
        ? {
            yOffset: { field: 'group', type: 'nominal' as const },
            color: {
              field: 'group',
              type: 'nominal' as const,
              title: null,
              legend: { orient: 'bottom' as const, direction: 'vertical' as const, labelLimit: 320 },
            },
          }
        : {}),
    },
  };
  const reference = options.reference;
  return {
    padding: labelPadding(labels),
    width: options.width ?? 420,
    height: { step: grouped ? 12 : 18 },
    data: { values },
    layer: reference
      ? [
          bars,
          {
            data: { values: [reference] },
            mark: { type: 'rule', strokeDash: [4, 3], color: '#1f2a33' },
            encoding: { x: { field: 'value', type: 'quantitative' } },
          },
          {
            data: { values: [reference] },
            mark: { type: 'text', align: 'left', dx: 3, dy: -4, baseline: 'bottom', color: '#1f2a33', fontSize: 10 },
            encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
          },
        ]
      : [bars],
  } as TopLevelSpec;
}
