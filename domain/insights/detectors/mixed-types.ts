import type { ColumnProfile, DatasetProfile, Insight, ProfiledType } from '#domain/profiling/profile-types.js';
import { formatCount, formatPercent, roundTo } from '../format.js';

type Family = 'number' | 'boolean' | 'datetime' | 'string';

/** Integers and decimals mix without harm; what matters is values a cast to the column's type would lose. */
const FAMILY: Record<Exclude<ProfiledType, 'empty'>, Family> = {
  integer: 'number',
  float: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  string: 'string',
};
const FAMILY_WORD: Record<Family, string> = { number: 'numbers', boolean: 'booleans', datetime: 'dates/times', string: 'text' };

export function mixedTypeInsights(profile: DatasetProfile): Insight[] {
  return profile.columns.flatMap((column): Insight[] => {
    const families = familyCounts(column);
    if (families.length < 2) return [];
    const total = families.reduce((sum, [, n]) => sum + n, 0);
    const [major, ...minor] = families;
    const minority = total - major![1];
    const share = minority / total;
    const lossy = column.type !== 'string' || share >= 0.001;
    return [
      {
        id: `mixed_types:${column.name}`,
        kind: 'mixed_types',
        severity: lossy ? 'warning' : 'info',
        columns: [column.name],
        title: `${column.name} mixes ${families.map(([f]) => FAMILY_WORD[f]).join(' and ')}`,
        evidence: `${families.map(([f, n]) => `${formatCount(n)} ${FAMILY_WORD[f]}`).join(', ')}: ${formatCount(minority)} values (${formatPercent(share)}) are not ${FAMILY_WORD[major![0]]}, and a cast to ${column.type} would lose or reject ${minor.length > 1 ? 'them' : 'those'}.`,
        numbers: { ...Object.fromEntries(families.map(([f, n]) => [f, n])), minorityShare: roundTo(share) },
      },
    ];
  });
}

function familyCounts(column: ColumnProfile): [Family, number][] {
  const counts = new Map<Family, number>();
  for (const [type, n] of Object.entries(column.typeCounts) as [Exclude<ProfiledType, 'empty'>, number][]) {
    if (!n) continue;
    const family = FAMILY[type];
    counts.set(family, (counts.get(family) ?? 0) + n);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
