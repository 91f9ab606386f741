import type { TopLevelSpec } from 'vega-lite';

export interface YearDatum {
  year: number;
  value: number;
  /** Too few items behind the figure to compare it with the others: drawn faint. */
  thin: boolean;
  /** The year is still running: drawn faint and outlined. */
  partial: boolean;
}

export interface YearChartOptions {
  valueTitle: string;
  format?: string;
  width?: number;
  reference?: { value: number; label: string };
}

/**
 * One bar per year on a year axis that is a number line, so a year without data is a visible
 * gap rather than a neighbour. Years with too little behind them and the running year are drawn
 * faint, as the caption next to the chart says.
 */
export function yearChartSpec(data: readonly YearDatum[], options: YearChartOptions): TopLevelSpec {
  const years = data.map((d) => d.year);
  const values = data.map((d) => ({ ...d, from: d.year - 0.45, to: d.year + 0.45, faint: d.thin || d.partial }));
  const bars = {
    mark: { type: 'bar' as const },
    encoding: {
      x: {
        field: 'from',
        type: 'quantitative' as const,
        title: 'year',
        scale: { domain: [Math.min(...years) - 0.6, Math.max(...years) + 0.6], nice: false, zero: false },
        axis: { format: 'd', tickMinStep: 1, labelOverlap: true },
      },
      x2: { field: 'to' },
      y: {
        field: 'value',
        type: 'quantitative' as const,
        title: options.valueTitle,
        axis: { tickCount: 5, ...(options.format ? { format: options.format } : {}) },
      },
      y2: { datum: 0 },
      opacity: { condition: { test: 'datum.faint', value: 0.35 }, value: 1 },
      strokeDash: { condition: { test: 'datum.partial', value: [3, 2] }, value: [] },
      stroke: { condition: { test: 'datum.partial', value: '#1f2a33' }, value: null },
    },
  };
  const reference = options.reference;
  return {
    width: options.width ?? 420,
    height: 160,
    data: { values },
    layer: reference
      ? [
          bars,
          {
            data: { values: [reference] },
            mark: { type: 'rule', strokeDash: [4, 3], color: '#1f2a33' },
            encoding: { y: { field: 'value', type: 'quantitative' } },
          },
          {
            data: { values: [reference] },
            mark: { type: 'text', align: 'left', dx: 3, dy: -4, color: '#1f2a33', fontSize: 10 },
            encoding: { y: { field: 'value', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
          },
        ]
      : [bars],
  } as TopLevelSpec;
}
