import type { TopLevelSpec } from 'vega-lite';
import type { Correlation } from '#domain/profiling/profile-types.js';

/** Beyond this many columns the cells get too small to read; the most correlated columns are kept. */
export const MAX_HEATMAP_COLUMNS = 20;

/** Pearson r for every pair of numeric columns, as a symmetric matrix coloured from −1 to 1. */
export function correlationHeatmapSpec(correlations: readonly Correlation[]): TopLevelSpec | undefined {
  const columns = heatmapColumns(correlations);
  if (columns.length < 2) return undefined;
  const kept = new Set(columns);
  const cells: { a: string; b: string; r: number | null }[] = [];
  for (const c of correlations) {
    if (!kept.has(c.a) || !kept.has(c.b)) continue;
    const r = Number.isFinite(c.pearson) ? c.pearson : null;
    cells.push({ a: c.a, b: c.b, r }, { a: c.b, b: c.a, r });
  }
  for (const name of columns) cells.push({ a: name, b: name, r: 1 });
  const step = columns.length > 12 ? 24 : columns.length > 6 ? 34 : 48;
  return {
    width: { step },
    height: { step },
    data: { values: cells },
    encoding: {
      x: { field: 'a', type: 'nominal', sort: columns, title: null, axis: { labelAngle: -40, labelLimit: 160 } },
      y: { field: 'b', type: 'nominal', sort: columns, title: null, axis: { labelLimit: 160 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: { color: { field: 'r', type: 'quantitative', title: 'Pearson r', scale: { scheme: 'blueorange', domain: [-1, 1], reverse: true } } },
      },
      {
        mark: { type: 'text', fontSize: step > 30 ? 10 : 8 },
        encoding: {
          text: { field: 'r', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'datum.r !== null && abs(datum.r) > 0.6', value: 'white' }, value: '#1f2a33' },
        },
      },
    ],
  };
}

/** Every column in the correlations or, when there are too many, those with the most correlation in total (sum of |r|). */
export function heatmapColumns(correlations: readonly Correlation[]): string[] {
  const strongest = new Map<string, number>();
  for (const c of correlations) {
    const r = Number.isFinite(c.pearson) ? Math.abs(c.pearson) : 0;
    for (const name of [c.a, c.b]) strongest.set(name, (strongest.get(name) ?? 0) + r);
  }
  const order = [...strongest.keys()];
  if (order.length <= MAX_HEATMAP_COLUMNS) return order;
  const kept = new Set(
    [...strongest.entries()]
      .sort((x, y) => y[1] - x[1] || order.indexOf(x[0]) - order.indexOf(y[0]))
      .slice(0, MAX_HEATMAP_COLUMNS)
      .map(([name]) => name),
  );
  return order.filter((name) => kept.has(name));
}
