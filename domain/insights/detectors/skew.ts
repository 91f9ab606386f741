import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatNumber, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';
import { isLinearMeasure } from '#domain/profiling/column-semantics.js';
import { formatCount } from '../format.js';

/**
 * Skew from Pearson's second coefficient, 3 (mean − median) / stddev: it needs only what the
 * profile has and, unlike the moment coefficient, one extreme value cannot blow it up.
 */
export function skewInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  return profile.columns.flatMap((column): Insight[] => {
    const { mean, stddev } = column;
    const median = column.quantiles.p50;
    // Headings, coordinates and ids have no skew to speak of; a few values have no shape yet.
    if (!isLinearMeasure(column) || column.count < t.distributionMinValues || mean === null || stddev === null || median === null || stddev === 0) return [];
    const coefficient = (3 * (mean - median)) / stddev;
    if (Math.abs(coefficient) < t.skewCoefficient) return [];
    const right = coefficient > 0;
    const advice =
      right && typeof column.min === 'number' && column.min > 0
        ? ' All values are positive: a log scale (or log transform) will show the bulk of them.'
        : ' Report the median rather than the mean, and use quantile bins in charts.';
    return [
      {
        id: `skew:${column.name}`,
        kind: 'skew',
        severity: 'info',
        columns: [column.name],
        title: `${column.name} is ${right ? 'right' : 'left'}-skewed`,
        evidence: `The mean (${formatNumber(mean)}) sits ${formatNumber(Math.abs(coefficient) / 3)} standard deviations ${right ? 'above' : 'below'} the median (${formatNumber(median)}): a long tail ${right ? `of large values, up to ${formatNumber(Number(column.max))}` : `of small values, down to ${formatNumber(Number(column.min))}`}, over ${formatCount(column.count)} values.${advice}`,
        numbers: {
          n: column.count,
          coefficient: roundTo(coefficient, 3),
          mean: roundTo(mean, 6),
          median,
          stddev: roundTo(stddev, 6),
          ...(column.quantiles.p99 !== null ? { p99: column.quantiles.p99 } : {}),
        },
      },
    ];
  });
}
