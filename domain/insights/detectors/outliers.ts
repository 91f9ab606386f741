import type { ColumnProfile, DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatNumber, formatPercent, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';
import { isLinearMeasure } from '#domain/profiling/column-semantics.js';
import { countBeyond } from './column-facts.js';

/**
 * Tukey's fences from the quartiles. The profile has no per-value list, so how many values lie
 * beyond is counted from histogram bins wholly outside the fences: a lower bound, said as such.
 */
export function iqrOutlierInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  return profile.columns.flatMap((column): Insight[] => {
    const { p25, p75 } = column.quantiles;
    const range = numericRange(column, t);
    if (!range || p25 === null || p75 === null || p75 <= p25) return [];
    const iqr = p75 - p25;
    const lowerFence = p25 - t.iqrFence * iqr;
    const upperFence = p75 + t.iqrFence * iqr;
    const above = range.max > upperFence;
    const below = range.min < lowerFence;
    if (!above && !below) return [];
    const beyond = countBeyond(column, 'above', upperFence) + countBeyond(column, 'below', lowerFence);
    const reach = Math.max(above ? (range.max - p75) / iqr : 0, below ? (p25 - range.min) / iqr : 0);
    const extreme =
      (range.max - p75) / iqr >= (p25 - range.min) / iqr
        ? `the maximum ${formatNumber(range.max)} lies ${formatNumber(reach)} IQRs above p75`
        : `the minimum ${formatNumber(range.min)} lies ${formatNumber(reach)} IQRs below p25`;
    const counted = beyond > 0 ? ` At least ${formatCount(beyond)} values (${formatPercent(beyond / column.count)}) fall beyond the fences.` : '';
    return [
      {
        id: `outliers_iqr:${column.name}`,
        kind: 'outliers_iqr',
        severity: reach >= t.iqrFarFence ? 'warning' : 'info',
        columns: [column.name],
        title: `${column.name} has ${reach >= t.iqrFarFence ? 'far-out ' : ''}outliers beyond the IQR fences`,
        evidence: `Fences ${formatNumber(lowerFence)} to ${formatNumber(upperFence)} (quartiles ${formatNumber(p25)} and ${formatNumber(p75)}); ${extreme}.${counted}`,
        numbers: {
          p25,
          p75,
          iqr: roundTo(iqr, 6),
          lowerFence: roundTo(lowerFence, 6),
          upperFence: roundTo(upperFence, 6),
          min: range.min,
          max: range.max,
          atLeastBeyond: beyond,
        },
      },
    ];
  });
}

/** The extreme value's distance from the mean in standard deviations. */
export function zScoreOutlierInsights(profile: DatasetProfile, t: InsightThresholds): Insight[] {
  return profile.columns.flatMap((column): Insight[] => {
    const range = numericRange(column, t);
    const { mean, stddev } = column;
    if (!range || mean === null || stddev === null || stddev === 0) return [];
    const zMax = (range.max - mean) / stddev;
    const zMin = (mean - range.min) / stddev;
    const z = Math.max(zMax, zMin);
    if (z < t.zScore) return [];
    const beyond3 = countBeyond(column, 'above', mean + 3 * stddev) + countBeyond(column, 'below', mean - 3 * stddev);
    const which = zMax >= zMin ? `the maximum ${formatNumber(range.max)}` : `the minimum ${formatNumber(range.min)}`;
    return [
      {
        id: `outliers_zscore:${column.name}`,
        kind: 'outliers_zscore',
        severity: z >= 2 * t.zScore ? 'warning' : 'info',
        columns: [column.name],
        title: `${column.name} has values ${formatNumber(z)} standard deviations from the mean`,
        evidence: `Mean ${formatNumber(mean)}, standard deviation ${formatNumber(stddev)}: ${which} has |z| = ${formatNumber(z)}.${beyond3 > 0 ? ` At least ${formatCount(beyond3)} values lie beyond 3σ.` : ''}`,
        numbers: { mean: roundTo(mean, 6), stddev: roundTo(stddev, 6), maxAbsZ: roundTo(z, 3), min: range.min, max: range.max, atLeastBeyond3Sigma: beyond3 },
      },
    ];
  });
}

/** A linear quantity with enough values for a rule about its tails; headings, coordinates and ids have none. */
function numericRange(column: ColumnProfile, t: InsightThresholds): { min: number; max: number } | undefined {
  if (
    !isLinearMeasure(column) ||
    column.count < t.distributionMinValues ||
    typeof column.min !== 'number' ||
    typeof column.max !== 'number' ||
    column.count === 0
  )
    return undefined;
  return { min: column.min, max: column.max };
}
