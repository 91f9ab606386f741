import type { ColumnProfile, DatasetProfile } from '#domain/profiling/profile-types.js';

const NO_QUANTILES = { p1: null, p5: null, p25: null, p50: null, p75: null, p95: null, p99: null };

/** A column profile with quiet defaults: only what a test sets can trigger a finding. */
export function column(name: string, fields: Partial<ColumnProfile> = {}): ColumnProfile {
  return {
    name,
    type: 'string',
    count: 100,
    nulls: 0,
    emptyStrings: 0,
    distinct: 10,
    distinctApproximate: false,
    distinctErrorBound: 0,
    min: null,
    max: null,
    mean: null,
    stddev: null,
    quantiles: NO_QUANTILES,
    quantileRankError: 0.01,
    histogram: [],
    topK: [{ value: 'a', count: 10 }],
    topKApproximate: false,
    lengths: null,
    typeCounts: { string: fields.count ?? 100 },
    ...fields,
  };
}

/** A numeric column whose quantiles come from the given values, as the profiler would report them. */
export function numericColumn(name: string, values: number[], fields: Partial<ColumnProfile> = {}): ColumnProfile {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const stddev = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const bins = 20;
  const width = (max - min) / bins || 1;
  const histogram = Array.from({ length: bins }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
  for (const v of values) histogram[Math.min(bins - 1, Math.floor((v - min) / width))]!.count++;
  return column(name, {
    type: values.every(Number.isInteger) ? 'integer' : 'float',
    count: values.length,
    distinct: new Set(values).size,
    min,
    max,
    mean,
    stddev,
    quantiles: { p1: q(0.01), p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) },
    histogram,
    topK: [{ value: String(sorted[0]), count: 1 }],
    typeCounts: values.every(Number.isInteger) ? { integer: values.length } : { float: values.length },
    ...fields,
  });
}

export function dataset(columns: ColumnProfile[], fields: Partial<DatasetProfile> = {}): DatasetProfile {
  return {
    format: 'csv',
    compression: 'none',
    bytes: 1000,
    rows: 100,
    columns,
    duplicateRows: 0,
    duplicateRowsApproximate: false,
    correlations: [],
    missingCooccurrence: [],
    ...fields,
  };
}
