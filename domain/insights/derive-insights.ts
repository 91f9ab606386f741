import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { constantColumnInsights } from './detectors/constant-columns.js';
import { correlationInsights } from './detectors/correlations.js';
import { duplicateRowInsights } from './detectors/duplicates.js';
import { identifierInsights } from './detectors/identifiers.js';
import { missingnessInsights } from './detectors/missingness.js';
import { mixedTypeInsights } from './detectors/mixed-types.js';
import { iqrOutlierInsights, zScoreOutlierInsights } from './detectors/outliers.js';
import { skewInsights } from './detectors/skew.js';
import { timestampInsights } from './detectors/timestamps.js';
import { mergeOutlierFindings } from './merge-outliers.js';
import { DEFAULT_THRESHOLDS, type InsightThresholds } from './insight-thresholds.js';
import type { TimestampSequenceStats } from './timestamps/timestamp-sequence.js';

export interface DeriveInsightsOptions {
  /** Time-order facts from a pass over the rows (the profile alone cannot tell order). */
  timestampSequences?: readonly TimestampSequenceStats[];
  thresholds?: Partial<InsightThresholds>;
}

const SEVERITY_RANK: Record<Insight['severity'], number> = { critical: 0, warning: 1, info: 2 };

/**
 * Findings about a profiled dataset, most severe first; within a severity, in the order a data
 * engineer would fix them (data quality before shape). Pure: the same profile gives the same list.
 */
export function deriveInsights(profile: DatasetProfile, options: DeriveInsightsOptions = {}): Insight[] {
  const t = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const found = mergeOutlierFindings([
    ...missingnessInsights(profile, t),
    ...duplicateRowInsights(profile, t),
    ...mixedTypeInsights(profile),
    ...timestampInsights(options.timestampSequences ?? [], t),
    ...constantColumnInsights(profile, t),
    ...iqrOutlierInsights(profile, t),
    ...zScoreOutlierInsights(profile, t),
    ...correlationInsights(profile, t),
    ...skewInsights(profile, t),
    ...identifierInsights(profile, t),
  ]);
  return found
    .map((insight, order) => ({ insight, order }))
    .sort((a, b) => SEVERITY_RANK[a.insight.severity] - SEVERITY_RANK[b.insight.severity] || a.order - b.order)
    .map(({ insight }) => insight);
}

/** How many findings of each severity, for summaries and headlines. */
export function countBySeverity(insights: readonly Insight[]): Record<Insight['severity'], number> {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const insight of insights) counts[insight.severity]++;
  return counts;
}
