import { PERSONAL_DATA_PLURALS } from '#domain/profiling/personal-data.js';
import type { ColumnProfile, DatasetProfile } from '#domain/profiling/profile-types.js';

/** What a column is for, as far as its profile tells: the first question of any analysis. */
export type ColumnRole = 'personal' | 'identifier' | 'measure' | 'category' | 'timestamp' | 'flag' | 'text' | 'constant' | 'empty';

/** At most this many distinct values, or this share of the rows, makes a column a category. */
const CATEGORY_MAX_DISTINCT = 50;
const CATEGORY_MAX_SHARE = 0.05;
/** Strings this long on average are prose (notes, descriptions), not labels. */
const TEXT_MIN_MEAN_LENGTH = 40;

export interface ColumnRoleEntry {
  name: string;
  type: ColumnProfile['type'];
  role: ColumnRole;
  why: string;
}

export function columnRoles(profile: DatasetProfile): ColumnRoleEntry[] {
  return profile.columns.map((column) => ({ name: column.name, type: column.type, ...roleOf(column, profile.rows) }));
}

function roleOf(column: ColumnProfile, rows: number): { role: ColumnRole; why: string } {
  if (column.count === 0) return { role: 'empty', why: 'no value in any row' };
  if (column.personalData)
    return {
      role: 'personal',
      why: `${PERSONAL_DATA_PLURALS[column.personalData.kind]} (told by ${column.personalData.by}): handle under the data-protection rules, values withheld here`,
    };
  if (column.distinct <= 1) return { role: 'constant', why: 'one value throughout' };
  if (column.type === 'datetime') return { role: 'timestamp', why: 'dates or date-times' };
  if (column.type === 'boolean') return { role: 'flag', why: 'true/false values' };
  const allDistinct = column.count === rows && column.distinct >= column.count * (1 - 3 * column.distinctErrorBound);
  if (column.identifier)
    return { role: 'identifier', why: allDistinct && rows >= 20 ? 'every row has its own value' : 'named like a key, or nearly every value distinct' };
  if ((column.type === 'integer' || column.type === 'string') && allDistinct && rows >= 20) return { role: 'identifier', why: 'every row has its own value' };
  if (column.scale)
    return {
      role: 'measure',
      why:
        column.scale === 'circular'
          ? 'angles on a circle (degrees): average them as vectors, not as numbers'
          : 'coordinates on the globe: map them, do not average them',
    };
  const fewValues = column.distinct <= CATEGORY_MAX_DISTINCT || column.distinct <= rows * CATEGORY_MAX_SHARE;
  if (column.type === 'string') {
    if (column.lengths && column.lengths.mean >= TEXT_MIN_MEAN_LENGTH && !fewValues)
      return { role: 'text', why: `free text, ${Math.round(column.lengths.mean)} characters on average` };
    return fewValues ? { role: 'category', why: `${column.distinct} distinct labels` } : { role: 'text', why: `${column.distinct} distinct strings` };
  }
  if (column.type === 'integer' && column.distinct <= 12)
    return { role: 'category', why: `only ${column.distinct} distinct numbers: codes or levels rather than amounts` };
  return { role: 'measure', why: 'numbers spread over a range' };
}
