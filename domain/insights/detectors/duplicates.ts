import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatPercent, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';

export function duplicateRowInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  if (profile.duplicateRows <= 0 || profile.rows === 0) return [];
  const share = profile.duplicateRows / profile.rows;
  const about = profile.duplicateRowsApproximate ? 'about ' : '';
  return [
    {
      id: 'duplicate_rows',
      kind: 'duplicate_rows',
      severity: share >= t.duplicateWarning ? 'warning' : 'info',
      columns: [],
      title: `${about}${formatCount(profile.duplicateRows)} duplicate rows`,
      evidence: `${about}${formatCount(profile.duplicateRows)} of ${formatCount(profile.rows)} rows (${formatPercent(share)}) repeat an earlier row exactly${profile.duplicateRowsApproximate ? ' (counted with a hash sketch)' : ''}: a double load or a missing key column.`,
      numbers: { duplicates: profile.duplicateRows, rows: profile.rows, share: roundTo(share), approximate: profile.duplicateRowsApproximate ? 'yes' : 'no' },
    },
  ];
}
