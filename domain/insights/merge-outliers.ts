import type { Insight } from '#domain/profiling/profile-types.js';

const SEVERITY_RANK: Record<Insight['severity'], number> = { critical: 0, warning: 1, info: 2 };

/**
 * The IQR fences and the z-score look at the same tail: when both flag a column, it is one
 * finding (the IQR one, which does not assume a normal distribution) carrying the z-score's
 * figures, at the more severe of the two levels.
 */
export function mergeOutlierFindings(insights: readonly Insight[]): Insight[] {
  const zByColumn = new Map(insights.filter((i) => i.kind === 'outliers_zscore').map((i) => [i.columns[0], i]));
  const iqrColumns = new Set(insights.filter((i) => i.kind === 'outliers_iqr').map((i) => i.columns[0]));
  return insights.flatMap((insight): Insight[] => {
    if (insight.kind === 'outliers_zscore') return iqrColumns.has(insight.columns[0]) ? [] : [insight];
    const z = insight.kind === 'outliers_iqr' ? zByColumn.get(insight.columns[0]) : undefined;
    if (!z) return [insight];
    return [
      {
        ...insight,
        severity: SEVERITY_RANK[z.severity] < SEVERITY_RANK[insight.severity] ? z.severity : insight.severity,
        evidence: `${insight.evidence} By z-score: ${z.evidence}`,
        numbers: { ...insight.numbers, mean: z.numbers['mean']!, stddev: z.numbers['stddev']!, maxAbsZ: z.numbers['maxAbsZ']! },
      },
    ];
  });
}
