import type { TopLevelSpec } from 'vega-lite';
import type { TopValue } from '#domain/profiling/profile-types.js';
import { ACCENT, labelPadding, MUTED } from './chart-theme.js';

const LABEL_CHARS = 28;

/** The most frequent values as horizontal bars, with everything else as one grey "other" bar. */
export function topValuesSpec(top: readonly TopValue[], presentCount: number, options: { width?: number } = {}): TopLevelSpec {
  const rest = presentCount - top.reduce((sum, t) => sum + t.count, 0);
  const rows = top.map((t, rank) => ({ label: labelOf(t.value, rank), count: t.count, other: false, rank }));
  if (rest > 0) rows.push({ label: '(all other values)', count: rest, other: true, rank: rows.length });
  return {
    padding: labelPadding(rows.map((r) => r.label)),
    width: options.width ?? 320,
    height: { step: 16 },
    data: { values: rows },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 190 } },
      x: { field: 'count', type: 'quantitative', title: 'rows', axis: { tickCount: 4, tickMinStep: 1, format: '~s' } },
      color: { field: 'other', type: 'nominal', scale: { domain: [false, true], range: [ACCENT, MUTED] }, legend: null },
    },
  };
}

/** Labels must be unique for the axis; a long value keeps its rank so truncation cannot merge two. */
function labelOf(value: string, rank: number): string {
  const shown = value === '' ? '(empty)' : value.length > LABEL_CHARS ? `${[...value].slice(0, LABEL_CHARS - 1).join('')}…` : value;
  return value.length > LABEL_CHARS ? `${shown} #${rank + 1}` : shown;
}
