import type { TopLevelSpec } from 'vega-lite';
import type { ColumnProfile } from '#domain/profiling/profile-types.js';
import { ACCENT, ALERT, WARN } from './chart-theme.js';

/** Share of rows missing each column, for the columns that miss anything, worst first. */
export function missingnessSpec(columns: readonly ColumnProfile[], rows: number): TopLevelSpec | undefined {
  const values = columns
    .map((c, order) => ({ column: c.name, share: rows === 0 ? 0 : (c.nulls + c.emptyStrings) / rows, missing: c.nulls + c.emptyStrings, order }))
    .filter((v) => v.missing > 0)
    .sort((a, b) => b.share - a.share || a.order - b.order)
    .slice(0, 40);
  if (values.length === 0) return undefined;
  return {
    width: 520,
    height: { step: 16 },
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'column', type: 'nominal', sort: { field: 'share', order: 'descending' }, title: null, axis: { labelLimit: 200 } },
      x: { field: 'share', type: 'quantitative', title: 'share of rows missing', scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } },
      color: {
        condition: [
          { test: 'datum.share >= 0.5', value: ALERT },
          { test: 'datum.share >= 0.2', value: WARN },
        ],
        value: ACCENT,
      },
      tooltip: [{ field: 'missing', title: 'rows missing' }],
    },
  };
}
