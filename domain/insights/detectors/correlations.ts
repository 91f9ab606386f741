import { isLinearMeasure } from '#domain/profiling/column-semantics.js';
import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';

/** Pairs of numeric columns that move together; near ±1 one of them is probably redundant. */
export function correlationInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  // Profiles written before columns were told apart carry correlations of ids and headings too.
  const notLinear = new Set(profile.columns.filter((c) => !isLinearMeasure(c)).map((c) => c.name));
  return profile.correlations
    .filter(
      (c) =>
        !notLinear.has(c.a) && !notLinear.has(c.b) && c.n >= t.correlationMinPairs && Number.isFinite(c.pearson) && Math.abs(c.pearson) >= t.strongCorrelation,
    )
    .sort((x, y) => Math.abs(y.pearson) - Math.abs(x.pearson) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .map((c): Insight => {
      const redundant = Math.abs(c.pearson) >= t.redundantCorrelation;
      const direction = c.pearson > 0 ? 'rises with' : 'falls as';
      return {
        id: `strong_correlation:${c.a},${c.b}`,
        kind: 'strong_correlation',
        severity: redundant ? 'warning' : 'info',
        columns: [c.a, c.b],
        title: `${c.a} and ${c.b} are ${redundant ? 'almost the same signal' : 'strongly correlated'} (r = ${c.pearson.toFixed(2)}, n = ${formatCount(c.n)})`,
        evidence: `${c.b} ${direction} ${c.a} over ${formatCount(c.n)} rows where both are present.${redundant ? ' One is probably derived from the other; keep one in a model.' : ''}`,
        numbers: { pearson: roundTo(c.pearson), n: c.n },
      };
    });
}
