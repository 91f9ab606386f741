import type { ColumnAccumulator } from './column-accumulator.js';
import type { ResolvedProfileOptions } from './profile-options.js';
import type { ColumnProfile, ProfiledType, TopValue } from './profile-types.js';
import { classifyColumn, PersonalDataShapes } from './personal-data.js';
import { decodeUtf8 } from './utf8-text.js';
import { distributionFromCounts, distributionFromSample, histogramOf, quantilesOf, type ValueDistribution } from './value-distribution.js';
import { FREQUENT_SAMPLE_EVERY, ValueKind, type CountedValue } from './value-counter.js';

/**
 * The column's type from what its values looked like: one kind is that kind; integers and
 * floats together are floats; any other mixture is text, and `typeCounts` shows the mix.
 */
export function settleType(typeCounts: Float64Array): ProfiledType {
  const [, integer, float, boolean, datetime, string] = Array.from(typeCounts, (n) => n > 0);
  const kinds = [integer || float, boolean, datetime, string].filter(Boolean).length;
  if (kinds === 0) return 'empty';
  if (kinds > 1 || string) return 'string';
  if (boolean) return 'boolean';
  if (datetime) return 'datetime';
  return float ? 'float' : 'integer';
}

export function columnProfile(column: ColumnAccumulator, options: ResolvedProfileOptions): ColumnProfile {
  const type = settleType(column.typeCounts);
  const ordered = type === 'integer' || type === 'float' || type === 'datetime';
  const numeric = type === 'integer' || type === 'float';
  const distribution = ordered ? orderedDistribution(column) : undefined;
  const counts = column.typeCounts;
  const typeCounts: ColumnProfile['typeCounts'] = {};
  (['integer', 'float', 'boolean', 'datetime', 'string'] as const).forEach((name, i) => {
    if (counts[i + 1]! > 0) typeCounts[name] = counts[i + 1]!;
  });
  const exactOrder = !distribution || distribution.exact;
  const profile: ColumnProfile = {
    name: column.name,
    type,
    count: column.count,
    nulls: column.nulls,
    emptyStrings: column.emptyStrings,
    distinct: column.values.distinct,
    distinctApproximate: !column.values.exact,
    distinctErrorBound: column.values.distinctRelativeError,
    min: extreme(column, type, 'min'),
    max: extreme(column, type, 'max'),
    mean: numeric ? column.mean : null,
    stddev: numeric ? column.stddev : null,
    // Dates and times take the order statistic below: a median date is a date that occurs, not noon between two.
    quantiles: quantilesOf(distribution?.distribution, type !== 'datetime'),
    quantileRankError: exactOrder ? 0 : column.sample.rankError,
    histogram: distribution ? histogramOf(distribution.distribution, column.min, column.max, options.histogramBins, type === 'integer') : [],
    topK: topValues(column, options.topK, column.sawTime, column.sawZone),
    topKApproximate: !column.values.exact,
    lengths: type === 'string' && column.count > 0 ? { min: column.lengthMin, max: column.lengthMax, mean: column.lengthSum / column.count } : null,
    typeCounts,
  };
  // Numbers are judged by the column's name only: ten-digit order numbers have a phone's shape.
  const personal = classifyColumn(
    column.name,
    numeric ? new PersonalDataShapes() : column.shapes,
    column.count > 0 ? column.values.distinct / column.count : 0,
  );
  if (personal && type !== 'boolean' && type !== 'empty') profile.personalData = personal;
  if (distribution) profile.histogramApproximate = !distribution.exact;
  if (!column.values.exact) profile.topKErrorBound = column.values.countErrorBound;
  if (type === 'datetime') {
    profile.valueUnit = 'epoch_ms';
    profile.sequence = {
      backwardSteps: column.backwardSteps,
      largestForwardGapMs: column.largestForwardGapMs,
      medianForwardGapMs: column.forwardGaps.quantile(0.5),
    };
  }
  return profile;
}

/** Exact from the value counts while every distinct value is known (or the sample is the whole column); else the sample. */
function orderedDistribution(column: ColumnAccumulator): { distribution: ValueDistribution; exact: boolean } {
  if (column.values.exact) {
    const entries = column.values.entries();
    return {
      distribution: distributionFromCounts(
        Float64Array.from(entries, (e) => e.number),
        Float64Array.from(entries, (e) => e.count),
      ),
      exact: true,
    };
  }
  return { distribution: distributionFromSample(column.sample), exact: column.sample.exact };
}

function extreme(column: ColumnAccumulator, type: ProfiledType, which: 'min' | 'max'): number | string | null {
  if (column.count === 0) return null;
  switch (type) {
    case 'integer':
    case 'float':
      return column[which];
    case 'datetime':
      return formatDatetime(column[which], column.sawTime, column.sawZone);
    default: {
      const extremes = column.textExtremes();
      if (!extremes) return null;
      return decodeUtf8(extremes[which], 0, extremes[which].length, false);
    }
  }
}

/** ISO 8601 as the values were written: a date alone, or a date-time with `Z` only if the input had zones. */
export function formatDatetime(epochMs: number, sawTime: boolean, sawZone: boolean): string {
  const iso = new Date(epochMs).toISOString();
  if (!sawTime) return iso.slice(0, 10);
  return sawZone ? iso : iso.slice(0, -1);
}

function topValues(column: ColumnAccumulator, k: number, sawTime: boolean, sawZone: boolean): TopValue[] {
  const text = (value: CountedValue): string => {
    switch (value.kind) {
      case ValueKind.string:
        return value.text ?? '';
      case ValueKind.boolean:
        return value.number === 1 ? 'true' : 'false';
      case ValueKind.datetime:
        return formatDatetime(value.number, sawTime, sawZone);
      default:
        return String(value.number);
    }
  };
  const values = column.values;
  // Past the exact limit, a count is only worth showing once it is clear of the summary's
  // undercount and of the sampling noise (seen at least four times in the 1-in-16 sample).
  const credible = values.exact ? 0 : Math.max(values.countErrorBound, 4 * FREQUENT_SAMPLE_EVERY);
  return values
    .entries()
    .filter((value) => value.count > credible)
    .map((value) => ({ value: text(value), count: value.count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, k);
}
