export { countBySeverity, deriveInsights, type DeriveInsightsOptions } from './derive-insights.js';
export { DEFAULT_THRESHOLDS, type InsightThresholds } from './insight-thresholds.js';
export { formatCount, formatDuration, formatNumber, formatPercent, roundTo } from './format.js';
export { parseTimestampMs } from './timestamps/parse-timestamp.js';
export { TimestampSequenceTracker, type TimestampSequenceState, type TimestampSequenceStats } from './timestamps/timestamp-sequence.js';
export { trackTimestampColumns } from './timestamps/track-timestamp-columns.js';
export { BinnedDistribution, type DistributionSummary } from './stats/binned-distribution.js';
export {
  decodeChunks,
  decodeText,
  plainBytes,
  recordBatchesFromBytes,
  recordsFromBytes,
  streamRecords,
  RecordStreamError,
  type TableRecord,
  type RecordValue,
} from './records/index.js';
