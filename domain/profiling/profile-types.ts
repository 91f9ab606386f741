/**
 * The profile of a tabular dataset, as the streaming profiler produces it and as
 * `symphainy profile --json` prints it. Shared by the profiler, the insights and the report.
 */
import type { PersonalDataFinding } from './personal-data.js';

export type ProfiledType = 'integer' | 'float' | 'boolean' | 'datetime' | 'string' | 'empty';

export interface Quantiles {
  p1: number | null;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  p99: number | null;
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge (inclusive for the last bin). */
  to: number;
  count: number;
}

export interface TopValue {
  value: string;
  count: number;
}

export interface LengthStats {
  min: number;
  max: number;
  mean: number;
}

export interface ColumnProfile {
  name: string;
  type: ProfiledType;
  /** Non-missing values. */
  count: number;
  /** Missing values (absent, JSON null, or an empty cell in delimited text). */
  nulls: number;
  /** Empty strings seen in JSON inputs (delimited text cannot tell them from missing). */
  emptyStrings: number;
  distinct: number;
  /** True when `distinct` came from the sketch; `distinctErrorBound` is then its relative standard error. */
  distinctApproximate: boolean;
  distinctErrorBound: number;
  /** Numeric columns: numbers; datetime columns: ISO strings; strings: lexicographic. */
  min: number | string | null;
  max: number | string | null;
  mean: number | null;
  stddev: number | null;
  quantiles: Quantiles;
  /** The stated rank error of `quantiles` (e.g. 0.01 for 1%). */
  quantileRankError: number;
  histogram: HistogramBin[];
  topK: TopValue[];
  /** Whether topK counts are exact or bounded-error (space-saving). */
  topKApproximate: boolean;
  lengths: LengthStats | null;
  /** Values per inferred type before the column's type was settled, to spot mixed columns. */
  typeCounts: Partial<Record<Exclude<ProfiledType, 'empty'>, number>>;
  /** Datetime columns: quantiles and histogram edges are in this unit (milliseconds since the epoch, UTC). */
  valueUnit?: 'epoch_ms';
  /** True when histogram counts were estimated from the quantile sample (each edge within `quantileRankError` of n). */
  histogramApproximate?: boolean;
  /** When `topKApproximate`, the most any reported count can be below the true count. */
  topKErrorBound?: number;
  /** Set when the column holds personal data (by its name or its values' shape), and what kind. */
  personalData?: PersonalDataFinding;
  /** Set once the column's values (top values, extremes, quantiles, histogram) were withheld from the profile as personal data. */
  valuesWithheld?: true;
  /** Set when the column's name or values say it is a key (near-unique, or named like an id): no histogram, correlation or top-value chart. */
  identifier?: true;
  /** Set when the values are angles on a circle or coordinates on the globe: no skew, no Pearson correlation, no linear outlier rule. */
  scale?: 'circular' | 'geographic';
  /** Datetime columns: how the values run in file order, to spot disorder and gaps. */
  sequence?: {
    /** Values earlier than the value before them. */
    backwardSteps: number;
    largestForwardGapMs: number;
    /** Median step between consecutive increasing values (sampled beyond 4,096 steps). */
    medianForwardGapMs: number | null;
  };
}

export interface Correlation {
  a: string;
  b: string;
  pearson: number;
  /** Rows where both were present. */
  n: number;
}

export interface DatasetProfile {
  format: 'csv' | 'tsv' | 'json' | 'ndjson';
  compression: 'none' | 'gzip';
  bytes: number;
  rows: number;
  columns: ColumnProfile[];
  duplicateRows: number;
  duplicateRowsApproximate: boolean;
  correlations: Correlation[];
  /** For each pair of columns with missing values, how often both are missing in the same row. */
  missingCooccurrence: { a: string; b: string; bothMissing: number }[];
  /** Delimited text: the sniffed field delimiter. */
  delimiter?: string;
  /** Delimited text: rows whose field count differed from the header's (short rows are padded with missing values, extra fields ignored). */
  raggedRows?: number;
}

/** A finding about the data, each with the numbers behind it. */
export interface Insight {
  id: string;
  severity: 'info' | 'warning' | 'critical';
  kind:
    | 'high_missingness'
    | 'constant_column'
    | 'near_constant_column'
    | 'likely_identifier'
    | 'skew'
    | 'outliers_iqr'
    | 'outliers_zscore'
    | 'strong_correlation'
    | 'duplicate_rows'
    | 'mixed_types'
    | 'timestamp_gaps'
    | 'timestamp_disorder'
    | string;
  columns: string[];
  title: string;
  evidence: string;
  numbers: Record<string, number | string>;
}
