export interface ProfileOptions {
  /** Called now and then with bytes consumed so far (compressed bytes for gzip) — for progress lines. */
  onProgress?(bytesRead: number): void;
  /** Total size if known, for progress percentages. */
  totalBytes?: number;
  /**
   * Set when the caller has already taken the content out of its container (the journeys'
   * step context does, under its limits): the profile reports this compression and these bytes.
   */
  decompressedFrom?: { compression: 'gzip' | 'none'; storedBytes: number };
  /** Distinct values are counted exactly up to this many per column, then by a HyperLogLog sketch. */
  exactDistinctLimit?: number;
  /** How many of the most frequent values each column reports. */
  topK?: number;
  /** Equal-width bins from min to max for numeric and datetime columns. */
  histogramBins?: number;
}

export interface ResolvedProfileOptions {
  onProgress: (bytesRead: number) => void;
  exactDistinctLimit: number;
  topK: number;
  histogramBins: number;
}

export const DEFAULT_EXACT_DISTINCT_LIMIT = 10_000;
export const DEFAULT_TOP_K = 10;
export const DEFAULT_HISTOGRAM_BINS = 20;

export function resolveProfileOptions(options: ProfileOptions = {}): ResolvedProfileOptions {
  const positive = (value: number | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
    return value;
  };
  return {
    onProgress: options.onProgress ?? (() => {}),
    exactDistinctLimit: positive(options.exactDistinctLimit, DEFAULT_EXACT_DISTINCT_LIMIT, 'exactDistinctLimit'),
    topK: positive(options.topK, DEFAULT_TOP_K, 'topK'),
    histogramBins: positive(options.histogramBins, DEFAULT_HISTOGRAM_BINS, 'histogramBins'),
  };
}
