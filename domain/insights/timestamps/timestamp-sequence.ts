import { parseTimestampMs } from './parse-timestamp.js';

/** What one pass over a timestamp column, in file order, found about its order and its gaps. */
export interface TimestampSequenceStats {
  column: string;
  /** Values that parsed as timestamps. */
  values: number;
  /** Present values that did not parse. */
  unparsed: number;
  /** Consecutive pairs of parsed values. */
  steps: number;
  /** Steps where time went backwards. */
  backwardSteps: number;
  /** Steps where the timestamp repeated. */
  repeatedSteps: number;
  firstBackward: { row: number; from: string; to: string } | null;
  /** The median forward interval: exact while the column has few distinct intervals (regular sampling), else within a histogram bucket (about 9%). */
  medianIntervalMs: number | null;
  /** Forward intervals at least this long count as gaps: ten times the median (snapped to a bucket edge when the median is estimated). */
  gapThresholdMs: number | null;
  gaps: number;
  /** Gaps whose step the caller flagged (e.g. "the vehicle was moving at both ends"). */
  flaggedGaps: number;
  /** The longest forward intervals, longest first. */
  largestGaps: { row: number; from: string; to: string; intervalMs: number }[];
}

/** Eight buckets per doubling: bucket edges are 2^(i/8) ms apart, i.e. about 9% wide. */
const BUCKETS_PER_DOUBLING = 8;
const GAP_FACTOR = 10;
const LARGEST_KEPT = 5;
/** Regularly sampled data has a handful of distinct intervals; past this many, only the buckets are kept. */
const MAX_EXACT_INTERVALS = 256;

/** Longest first; of equal ones the earliest, as they were met in file order. */
const byLongestFirst = (a: { intervalMs: number; row: number }, b: { intervalMs: number; row: number }) => b.intervalMs - a.intervalMs || a.row - b.row;

interface FirstTimestamp {
  row: number;
  ms: number;
  text: string;
  /** Whether the step ending here was flagged: the seam step is, when a part before it is joined on. */
  flagged: boolean;
}

/** A tracker's part of a column as plain data ({@link TimestampSequenceTracker.toState}). */
export interface TimestampSequenceState extends Pick<
  TimestampSequenceStats,
  'column' | 'values' | 'unparsed' | 'steps' | 'backwardSteps' | 'repeatedSteps' | 'firstBackward'
> {
  first: FirstTimestamp | null;
  last: { ms: number; text: string } | null;
  intervalBuckets: [number, number][];
  flaggedBuckets: [number, number][];
  /** [interval, steps, flagged steps], or null once past the limit of distinct intervals. */
  exactIntervals: [number, number, number][] | null;
  largest: TimestampSequenceStats['largestGaps'];
}

const bucketOf = (ms: number): number => Math.floor(Math.log2(ms) * BUCKETS_PER_DOUBLING);
const lowerEdgeOf = (bucket: number): number => 2 ** (bucket / BUCKETS_PER_DOUBLING);

/**
 * Follows one timestamp column through the rows in memory bounded by the number of histogram
 * buckets (a few hundred), so it can ride along any streaming pass.
 */
export class TimestampSequenceTracker {
  private values = 0;
  private unparsed = 0;
  private steps = 0;
  private backwardSteps = 0;
  private repeatedSteps = 0;
  private firstBackward: TimestampSequenceStats['firstBackward'] = null;
  /** The first parsed value, for the step that joins it to an earlier part of the file. */
  private first: FirstTimestamp | undefined;
  private previous: { ms: number; text: string } | undefined;
  private readonly intervalBuckets = new Map<number, number>();
  private readonly flaggedBuckets = new Map<number, number>();
  private exactIntervals: Map<number, { all: number; flagged: number }> | undefined = new Map();
  private largest: TimestampSequenceStats['largestGaps'] = [];

  constructor(readonly column: string) {}

  /** What the state and the result both carry as they are. */
  private counts() {
    return {
      column: this.column,
      values: this.values,
      unparsed: this.unparsed,
      steps: this.steps,
      backwardSteps: this.backwardSteps,
      repeatedSteps: this.repeatedSteps,
      firstBackward: this.firstBackward,
    };
  }

  /** Everything the tracker holds, as plain data: a shard's part crosses threads and queues as it is. */
  toState(): TimestampSequenceState {
    return {
      ...this.counts(),
      first: this.first ?? null,
      last: this.previous ?? null,
      intervalBuckets: [...this.intervalBuckets],
      flaggedBuckets: [...this.flaggedBuckets],
      exactIntervals: this.exactIntervals ? [...this.exactIntervals].map(([interval, n]) => [interval, n.all, n.flagged]) : null,
      largest: this.largest,
    };
  }

  static fromState(state: TimestampSequenceState): TimestampSequenceTracker {
    const tracker = new TimestampSequenceTracker(state.column);
    tracker.values = state.values;
    tracker.unparsed = state.unparsed;
    tracker.steps = state.steps;
    tracker.backwardSteps = state.backwardSteps;
    tracker.repeatedSteps = state.repeatedSteps;
    tracker.firstBackward = state.firstBackward;
    tracker.first = state.first ?? undefined;
    tracker.previous = state.last ?? undefined;
    for (const [bucket, count] of state.intervalBuckets) tracker.intervalBuckets.set(bucket, count);
    for (const [bucket, count] of state.flaggedBuckets) tracker.flaggedBuckets.set(bucket, count);
    tracker.exactIntervals = state.exactIntervals ? new Map(state.exactIntervals.map(([interval, all, flagged]) => [interval, { all, flagged }])) : undefined;
    tracker.largest = state.largest.map((gap) => ({ ...gap }));
    return tracker;
  }

  /**
   * Folds in the same column as followed through the part of the file right after this one,
   * whose rows are numbered from 1 again: `rowsBefore` is how many rows came before that part.
   * The step across the seam (this part's last value to the other's first) is taken as one pass
   * takes it, so the result is the one pass's exactly.
   */
  append(later: TimestampSequenceState, rowsBefore: number): void {
    const shift = <T extends { row: number }>(at: T): T => ({ ...at, row: at.row + rowsBefore });
    this.values += later.values;
    this.unparsed += later.unparsed;
    if (later.first) {
      if (this.previous) this.step(later.first.row + rowsBefore, this.previous, later.first, later.first.flagged);
      this.first ??= shift(later.first);
      this.previous = later.last ?? undefined;
    }
    this.steps += later.steps;
    this.backwardSteps += later.backwardSteps;
    this.repeatedSteps += later.repeatedSteps;
    this.firstBackward ??= later.firstBackward && shift(later.firstBackward);
    for (const [bucket, count] of later.intervalBuckets) this.intervalBuckets.set(bucket, (this.intervalBuckets.get(bucket) ?? 0) + count);
    for (const [bucket, count] of later.flaggedBuckets) this.flaggedBuckets.set(bucket, (this.flaggedBuckets.get(bucket) ?? 0) + count);
    if (this.exactIntervals && later.exactIntervals) {
      for (const [interval, all, flagged] of later.exactIntervals) {
        const exact = this.exactIntervals.get(interval) ?? { all: 0, flagged: 0 };
        exact.all += all;
        exact.flagged += flagged;
        this.exactIntervals.set(interval, exact);
      }
      // The distinct intervals only grow, so the whole file passes the limit exactly when its parts together do.
      if (this.exactIntervals.size > MAX_EXACT_INTERVALS) this.exactIntervals = undefined;
    } else this.exactIntervals = undefined;
    this.largest = [...this.largest, ...later.largest.map(shift)].sort(byLongestFirst).slice(0, LARGEST_KEPT);
  }

  /** For callers that report each step back as it happens. */
  get backwardStepsSoFar(): number {
    return this.backwardSteps;
  }

  /** `flagged` marks the step ending at this row, for {@link TimestampSequenceStats.flaggedGaps}. */
  add(row: number, text: string | null, flagged = false): void {
    if (text === null) return;
    const ms = parseTimestampMs(text);
    if (ms === undefined) {
      this.unparsed++;
      return;
    }
    this.values++;
    const previous = this.previous;
    this.previous = { ms, text };
    this.first ??= { row, ms, text, flagged };
    if (previous) this.step(row, previous, this.previous, flagged);
  }

  private step(row: number, previous: { ms: number; text: string }, current: { ms: number; text: string }, flagged: boolean): void {
    const { ms, text } = current;
    this.steps++;
    const interval = ms - previous.ms;
    if (interval < 0) {
      this.backwardSteps++;
      this.firstBackward ??= { row, from: previous.text, to: text };
      return;
    }
    if (interval === 0) {
      this.repeatedSteps++;
      return;
    }
    const bucket = bucketOf(interval);
    this.intervalBuckets.set(bucket, (this.intervalBuckets.get(bucket) ?? 0) + 1);
    if (flagged) this.flaggedBuckets.set(bucket, (this.flaggedBuckets.get(bucket) ?? 0) + 1);
    if (this.exactIntervals) {
      const exact = this.exactIntervals.get(interval) ?? { all: 0, flagged: 0 };
      exact.all++;
      if (flagged) exact.flagged++;
      this.exactIntervals.set(interval, exact);
      if (this.exactIntervals.size > MAX_EXACT_INTERVALS) this.exactIntervals = undefined;
    }
    if (this.largest.length < LARGEST_KEPT || interval > this.largest[this.largest.length - 1]!.intervalMs) {
      this.largest.push({ row, from: previous.text, to: text, intervalMs: interval });
      this.largest.sort(byLongestFirst);
      this.largest.length = Math.min(this.largest.length, LARGEST_KEPT);
    }
  }

  result(): TimestampSequenceStats {
    const buckets = [...this.intervalBuckets.entries()].sort((a, b) => a[0] - b[0]);
    const forward = buckets.reduce((sum, [, count]) => sum + count, 0);
    let median: number | null = null;
    let threshold: number | null = null;
    let gaps = 0;
    let flaggedGaps = 0;
    if (forward > 0 && this.exactIntervals) {
      const exact = [...this.exactIntervals.entries()].sort((a, b) => a[0] - b[0]);
      let seen = 0;
      median = exact.find(([, n]) => (seen += n.all) >= forward / 2)![0];
      threshold = median * GAP_FACTOR;
      for (const [interval, n] of exact) {
        if (interval < threshold) continue;
        gaps += n.all;
        flaggedGaps += n.flagged;
      }
    } else if (forward > 0) {
      let seen = 0;
      const medianBucket = buckets.find(([, count]) => (seen += count) >= forward / 2)![0];
      // The bucket's geometric middle: the true median lies within half a bucket of it.
      median = Math.round(lowerEdgeOf(medianBucket + 0.5));
      const thresholdBucket = bucketOf(median * GAP_FACTOR);
      threshold = Math.round(lowerEdgeOf(thresholdBucket));
      gaps = buckets.filter(([bucket]) => bucket >= thresholdBucket).reduce((sum, [, count]) => sum + count, 0);
      flaggedGaps = [...this.flaggedBuckets.entries()].filter(([bucket]) => bucket >= thresholdBucket).reduce((sum, [, count]) => sum + count, 0);
    }
    return {
      ...this.counts(),
      medianIntervalMs: median,
      gapThresholdMs: threshold,
      gaps,
      flaggedGaps,
      largestGaps: this.largest.filter((gap) => threshold !== null && gap.intervalMs >= threshold),
    };
  }
}
