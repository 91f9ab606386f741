import { PERSONAL_DATA_LABELS, withholdEmbedded } from './personal-data.js';
import type { ColumnProfile, DatasetProfile } from './profile-types.js';

/**
 * What a use case lets its EDA artifacts carry: by default no raw personal data, since a report
 * is a portable file; a use case whose data is cleared for it may allow them.
 */
export type PersonalDataPolicy = 'withhold' | 'allow';

const NO_QUANTILES = { p1: null, p5: null, p25: null, p50: null, p75: null, p95: null, p99: null };

/**
 * The profile with no value of a personal-data column left in it (top values become numbered
 * placeholders with their counts; extremes, quantiles and histogram go), and any e-mail address,
 * national id or phone number inside the text of other columns replaced. Counts, missingness and
 * lengths stay: they describe the column without telling anyone's details.
 */
export function withholdPersonalData(profile: DatasetProfile, policy: PersonalDataPolicy = 'withhold'): DatasetProfile {
  if (policy === 'allow') return profile;
  return { ...profile, columns: profile.columns.map(withheldColumn) };
}

function withheldColumn(column: ColumnProfile): ColumnProfile {
  if (column.personalData) {
    const label = PERSONAL_DATA_LABELS[column.personalData.kind];
    const { sequence: _sequence, ...rest } = column;
    return {
      ...rest,
      min: null,
      max: null,
      mean: null,
      stddev: null,
      quantiles: NO_QUANTILES,
      histogram: [],
      topK: column.topK.map((top, rank) => ({ value: `[${label} ${rank + 1}, withheld]`, count: top.count })),
      valuesWithheld: true,
    };
  }
  if (column.type !== 'string') return column;
  const text = (value: number | string | null) => (typeof value === 'string' ? withholdEmbedded(value) : value);
  return {
    ...column,
    min: text(column.min),
    max: text(column.max),
    topK: column.topK.map((top) => ({ value: withholdEmbedded(top.value), count: top.count })),
  };
}
