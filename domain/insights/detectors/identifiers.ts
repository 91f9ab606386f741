import { isIdentifier } from '#domain/profiling/column-semantics.js';
import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';

const ID_LIKE_NAME = /(^|[_\s-])(id|key|uuid|guid|code|number|no|nr|ref)$|Id$/i;

/**
 * Columns whose every value is distinct and present: keys to join on, not features to average.
 * With a distinct-count sketch, "distinct" means within three of its stated errors.
 */
export function identifierInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  if (profile.rows < t.identifierMinRows) return [];
  return profile.columns.flatMap((column): Insight[] => {
    if (column.type !== 'integer' && column.type !== 'string') return [];
    // Personal data has its own note; an integer measure whose values happen to differ (amounts) is no key.
    if (column.personalData || (column.type === 'integer' && !isIdentifier(column))) return [];
    if (column.count !== profile.rows) return [];
    const tolerance = column.distinctApproximate ? 3 * column.distinctErrorBound * column.count : 0;
    if (column.distinct < column.count - tolerance) return [];
    const named = ID_LIKE_NAME.test(column.name);
    const sequential =
      column.type === 'integer' && typeof column.min === 'number' && typeof column.max === 'number' && column.max - column.min + 1 === column.count;
    const clues = [
      `${column.distinctApproximate ? 'about ' : ''}all ${formatCount(column.count)} values are distinct`,
      ...(named ? ['its name says so'] : []),
      ...(sequential ? [`it runs without a hole from ${column.min} to ${column.max}`] : []),
    ];
    return [
      {
        id: `likely_identifier:${column.name}`,
        kind: 'likely_identifier',
        severity: 'info',
        columns: [column.name],
        title: `${column.name} looks like an identifier`,
        evidence: `${clues.join('; ')}. Use it to join or deduplicate, not as a feature or a measure.`,
        numbers: { distinct: column.distinct, count: column.count, ...(sequential ? { sequential: 'yes' } : {}) },
      },
    ];
  });
}
