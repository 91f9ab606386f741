import type { Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatDuration, formatPercent, roundTo } from '../format.js';
import type { InsightThresholds } from '../insight-thresholds.js';
import type { TimestampSequenceStats } from '../timestamps/timestamp-sequence.js';

/**
 * Order and gaps of timestamp columns in file order. A column that mostly moves forward is read
 * as a time series, so going back is disorder and a long silence is a gap; a column in no
 * particular order (birth dates, say) is not a series and yields nothing.
 */
export function timestampInsights(sequences: readonly TimestampSequenceStats[], t: InsightThresholds): Insight[] {
  return sequences.flatMap((s): Insight[] => {
    if (s.steps < 2) return [];
    const forwardShare = (s.steps - s.backwardSteps) / s.steps;
    // A random order steps forward about half the time; three in four is already a partial order.
    if (forwardShare < 0.75) return [];
    const series = forwardShare >= t.orderedShare;
    const insights: Insight[] = [];
    if (s.backwardSteps > 0) {
      const first = s.firstBackward!;
      insights.push({
        id: `timestamp_disorder:${s.column}`,
        kind: 'timestamp_disorder',
        severity: series ? 'warning' : 'info',
        columns: [s.column],
        title: series
          ? `${s.column} goes back in time ${s.backwardSteps === 1 ? 'once' : `${formatCount(s.backwardSteps)} times`}`
          : `${s.column} is only partly in time order`,
        evidence: `${formatCount(s.backwardSteps)} of ${formatCount(s.steps)} consecutive rows (${formatPercent(s.backwardSteps / s.steps)}) step backwards; the first at row ${formatCount(first.row)} (${first.from} → ${first.to}). ${series ? 'If the file holds several series one after another (per device or vehicle) that is expected; otherwise sort before any time-series work.' : 'Sort by it before reading it as a time series.'}`,
        numbers: { backwardSteps: s.backwardSteps, steps: s.steps, repeatedSteps: s.repeatedSteps, firstBackwardRow: first.row },
      });
    }
    if (series && s.gaps > 0 && s.medianIntervalMs !== null && s.gapThresholdMs !== null) {
      const longest = s.largestGaps[0];
      insights.push({
        id: `timestamp_gaps:${s.column}`,
        kind: 'timestamp_gaps',
        severity: s.gaps / s.steps >= 0.01 ? 'warning' : 'info',
        columns: [s.column],
        title: `${formatCount(s.gaps)} gaps in ${s.column}`,
        evidence: `Rows usually follow each other by about ${formatDuration(s.medianIntervalMs)}; ${formatCount(s.gaps)} intervals are ${formatDuration(s.gapThresholdMs)} or longer.${longest ? ` The longest, ${formatDuration(longest.intervalMs)}, ends at row ${formatCount(longest.row)} (${longest.from} → ${longest.to}).` : ''}`,
        numbers: {
          gaps: s.gaps,
          medianIntervalMs: s.medianIntervalMs,
          gapThresholdMs: s.gapThresholdMs,
          ...(longest ? { longestGapMs: longest.intervalMs, longestGapRow: longest.row } : {}),
          gapShare: roundTo(s.gaps / s.steps),
        },
      });
    }
    return insights;
  });
}
