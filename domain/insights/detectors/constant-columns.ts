import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatPercent, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';
import { quoteValue } from './column-facts.js';

/** Columns that carry (almost) no information: one value everywhere, or one value nearly everywhere. */
export function constantColumnInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  return profile.columns.flatMap((column): Insight[] => {
    const top = column.topK[0];
    if (column.count === 0 || !top) return [];
    if (column.distinct <= 1) {
      return [
        {
          id: `constant_column:${column.name}`,
          kind: 'constant_column',
          severity: 'warning',
          columns: [column.name],
          title: `${column.name} holds a single value`,
          evidence: `All ${formatCount(column.count)} present values are ${quoteValue(top.value)}${column.nulls > 0 ? ` (${formatCount(column.nulls)} rows are missing it)` : ''}: the column tells rows apart in no way.`,
          numbers: { value: top.value, count: column.count },
        },
      ];
    }
    const share = top.count / column.count;
    if (share < t.nearConstantShare) return [];
    return [
      {
        id: `near_constant_column:${column.name}`,
        kind: 'near_constant_column',
        severity: 'info',
        columns: [column.name],
        title: `${column.name} is nearly constant`,
        evidence: `${quoteValue(top.value)} makes up ${formatPercent(share)} of ${formatCount(column.count)} values; the other ${formatCount(column.distinct - 1)} distinct values share the remaining ${formatCount(column.count - top.count)}.`,
        numbers: { value: top.value, share: roundTo(share), distinct: column.distinct, count: column.count },
      },
    ];
  });
}
