import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatPercent, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';
import { missingTogetherGroups } from '../missing-together.js';
import { missingCount } from './column-facts.js';

/**
 * Columns with many missing values. Columns that go missing in the same rows are one finding
 * (one cause: an optional block of the form, a join that found nothing), not one per column.
 */
export function missingnessInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  if (profile.rows === 0) return [];
  const flagged = profile.columns.filter((column) => missingCount(column) / profile.rows >= t.missingWarning);
  const groups = missingTogetherGroups(profile, new Set(flagged.filter((c) => missingCount(c) < profile.rows).map((c) => c.name)));
  const groupOf = new Map(groups.flatMap((g) => g.columns.map((c) => [c, g] as const)));
  const reported = new Set<string>();
  return flagged.flatMap((column): Insight[] => {
    if (reported.has(column.name)) return [];
    const group = groupOf.get(column.name);
    if (group) {
      group.columns.forEach((c) => reported.add(c));
      const most = Math.max(...group.missing);
      const fewest = Math.min(...group.missing);
      const share = most / profile.rows;
      const names = group.columns.join(', ');
      return [
        {
          id: `high_missingness:${group.columns.join(',')}`,
          kind: 'high_missingness',
          severity: share >= t.missingCritical ? 'critical' : 'warning',
          columns: group.columns,
          title: `${group.columns.length} columns are missing together on ${formatPercent(share)} of rows`,
          evidence: `${names}: each is missing on ${fewest === most ? formatCount(most) : `${formatCount(fewest)} to ${formatCount(most)}`} of ${formatCount(profile.rows)} rows, and any two of them are missing together on at least ${formatCount(group.together)}: probably one cause.`,
          numbers: { missing: most, rows: profile.rows, share: roundTo(share), columns: group.columns.length, missingTogether: group.together },
        },
      ];
    }
    const missing = missingCount(column);
    const share = missing / profile.rows;
    // Missing mostly where another column is, though that one is missing more often.
    const partner = profile.missingCooccurrence
      .filter((pair) => pair.a === column.name || pair.b === column.name)
      .map((pair) => ({ other: pair.a === column.name ? pair.b : pair.a, both: pair.bothMissing }))
      .sort((x, y) => y.both - x.both)[0];
    const together =
      partner && partner.both >= 0.9 * missing && share < 1
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
        numbers: {
          missing,
          rows: profile.rows,
          share: roundTo(share),
          ...(partner && together ? { missingTogetherWith: partner.other, bothMissing: partner.both } : {}),
        },
      },
    ];
  });
}
