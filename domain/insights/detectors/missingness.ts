import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatPercent, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';
import { missingCount } from './column-facts.js';

/** Columns with many missing values; those missing together with another column say so. */
export function missingnessInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  if (profile.rows === 0) return [];
  return profile.columns.flatMap((column): Insight[] => {
    const missing = missingCount(column);
    const share = missing / profile.rows;
    if (share < t.missingWarning) return [];
    const partner = profile.missingCooccurrence
      .filter((pair) => pair.a === column.name || pair.b === column.name)
      .map((pair) => ({ other: pair.a === column.name ? pair.b : pair.a, both: pair.bothMissing }))
      .sort((x, y) => y.both - x.both)[0];
    const together = partner && partner.both >= 0.9 * missing && share < 1
      ? ` It is missing together with ${partner.other} in ${formatCount(partner.both)} rows: probably one cause.`
      : '';
    const empties = column.emptyStrings > 0 ? ` (${formatCount(column.emptyStrings)} of them empty strings)` : '';
    return [
      {
        id: `high_missingness:${column.name}`,
        kind: 'high_missingness',
        severity: share >= t.missingCritical ? 'critical' : 'warning',
        columns: [column.name],
        title: share === 1 ? `${column.name} is entirely empty` : `${column.name} is ${formatPercent(share)} missing`,
        evidence: `${formatCount(missing)} of ${formatCount(profile.rows)} rows have no ${column.name}${empties}.${together}`,
        numbers: { missing, rows: profile.rows, share: roundTo(share), ...(partner && together ? { missingTogetherWith: partner.other, bothMissing: partner.both } : {}) },
      },
    ];
  });
}
