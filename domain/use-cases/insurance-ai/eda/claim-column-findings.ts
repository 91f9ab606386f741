import type { Insight } from '#domain/profiling/profile-types.js';
import { formatCount } from '#domain/insights/index.js';
import { CLAIM_COLUMNS } from '../extract-columns.js';

/**
 * The generic findings read a claim column that is empty on every policy line without a claim
 * as "mostly missing". In this extract's shape that is by design, so such findings become a
 * note; claim columns missing on lines that do carry a claim stay as they were.
 */
export function contextualiseClaimColumns(insights: readonly Insight[], policyOnlyLines: number): Insight[] {
  return insights.map((insight) => {
    const column = insight.columns[0];
    if (insight.kind !== 'high_missingness' || !column || !(CLAIM_COLUMNS as readonly string[]).includes(column)) return insight;
    const missing = Number(insight.numbers['missing'] ?? 0);
    if (missing > policyOnlyLines) return insight;
    return {
      ...insight,
      severity: 'info',
      title: `${column} is empty on the ${formatCount(policyOnlyLines)} policy lines without a claim`,
      evidence: `${insight.evidence} That is the extract's shape, not a gap: one line per claim, and a policy without claims has one line with the claim columns empty.`,
      numbers: { ...insight.numbers, policyOnlyLines },
    };
  });
}
