import type { ColumnProfile, DatasetProfile } from '#domain/profiling/profile-types.js';

export function isNumeric(column: ColumnProfile): boolean {
  return column.type === 'integer' || column.type === 'float';
}

/** Missing cells: absent or null values, plus empty strings (which no analysis can use either). */
export function missingCount(column: ColumnProfile): number {
  return column.nulls + column.emptyStrings;
}

export function rowsOf(profile: DatasetProfile): number {
  return profile.rows;
}

/** The present values of a numeric column that the histogram places at or beyond `limit` on one side, at least. */
export function countBeyond(column: ColumnProfile, side: 'above' | 'below', limit: number): number {
  return column.histogram.filter((bin) => (side === 'above' ? bin.from > limit : bin.to < limit)).reduce((sum, bin) => sum + bin.count, 0);
}

export function quoteValue(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${shown}"`;
}
