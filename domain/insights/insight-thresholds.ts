/** The numbers that decide when a fact about the data becomes a finding, kept together to be argued with. */
export interface InsightThresholds {
  /** Missing share at which a column is reported (warning), and at which it is critical. */
  missingWarning: number;
  missingCritical: number;
  /** Share of the most common value above which a column is near-constant. */
  nearConstantShare: number;
  /** Rows needed before "every value is distinct" suggests an identifier. */
  identifierMinRows: number;
  /** |3 (mean − median) / stddev| at which a distribution is called skewed. */
  skewCoefficient: number;
  /** Values needed before a skew or an outlier rule says anything: on a handful, one value moves the mean past the median. */
  distributionMinValues: number;
  /** Tukey's fences: p25 − k·IQR and p75 + k·IQR; "far out" at the larger k. */
  iqrFence: number;
  iqrFarFence: number;
  /** The smallest |z| of the extreme value reported as an outlier. */
  zScore: number;
  /** |Pearson r| for a strong correlation, and for a near-duplicate column. */
  strongCorrelation: number;
  redundantCorrelation: number;
  /** Pairs needed for a correlation to be worth mentioning (or drawn): at ten, |r| ≥ 0.8 is already significant at 1%. */
  correlationMinPairs: number;
  /** Duplicate-row share at which duplicates are a warning rather than a note. */
  duplicateWarning: number;
  /** Share of forward steps a timestamp column needs to be read as a time series. */
  orderedShare: number;
}

export const DEFAULT_THRESHOLDS: InsightThresholds = {
  missingWarning: 0.2,
  missingCritical: 0.5,
  nearConstantShare: 0.95,
  identifierMinRows: 20,
  skewCoefficient: 0.9,
  distributionMinValues: 20,
  iqrFence: 1.5,
  iqrFarFence: 3,
  zScore: 4,
  strongCorrelation: 0.8,
  redundantCorrelation: 0.98,
  correlationMinPairs: 10,
  duplicateWarning: 0.01,
  orderedShare: 0.9,
};
