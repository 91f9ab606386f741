import { Hash64, HashTag } from './hash64.js';
import { NumberShape, parseNumberBytes } from './parse-number-bytes.js';
import { parseDatetimeBytes, type DatetimeParse } from './parse-datetime-bytes.js';
import { PersonalDataShapes } from './personal-data.js';
import { ReservoirSample, type ReservoirSampleState } from './reservoir-sample.js';
import { compareBytes } from './utf8-text.js';
import { ValueCounter, ValueKind, type CountedValue, type ValueCounterState } from './value-counter.js';

/** How one cell was read; the row-level statistics (correlations, missingness) look at it. */
export const CellKind = { missing: 0, integer: 1, float: 2, boolean: 3, datetime: 4, string: 5 } as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

/** Numbers and datetimes wait in a block this long, then each statistic runs over the block in one tight loop. */
const BLOCK = 1024;
const EMPTY_BLOCK = new Float64Array(0);
const EMPTY_KINDS = new Uint8Array(0);

/** A column's statistics as plain data, to travel between threads or be stored as a step's partial result. */
export interface ColumnState {
  name: string;
  typeCounts: Float64Array;
  nulls: number;
  emptyStrings: number;
  numbers: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  sample: ReservoirSampleState;
  values: ValueCounterState;
  lengthMin: number;
  lengthMax: number;
  lengthSum: number;
  sawTime: boolean;
  sawZone: boolean;
  firstTime: number;
  lastTime: number;
  backwardSteps: number;
  largestForwardGapMs: number;
  forwardGaps: ReservoirSampleState;
  shapes: Uint8Array;
  lexMin: Uint8Array | undefined;
  lexMax: Uint8Array | undefined;
}

/**
 * Everything the profiler keeps about one column while the rows stream past, in memory that
 * does not grow with the row count: counts per inferred type, moments, extremes, a sample for
 * quantiles, distinct values and their frequencies, the lexicographic extremes and lengths of
 * the text, and for datetimes how they run in file order. The column's type is settled only at
 * the end, from the counts per type, so nothing is discarded while a column might still turn
 * out mixed.
 *
 * Text statistics are taken per cell (the bytes do not outlive the call). Numbers and
 * datetimes are parsed per cell but buffered, and the moments, extremes, sample, order and
 * value counts are updated a block at a time: a loop per statistic is several times cheaper
 * than a call per value, and the block's moments are two-pass exact before they are merged.
 */
export class ColumnAccumulator {
  readonly typeCounts = new Float64Array(6);
  nulls = 0;
  emptyStrings = 0;
  /** Over numbers only: count, mean, sum of squared deviations (merged per block, Chan et al.). */
  numbers = 0;
  mean = 0;
  private m2 = 0;
  /** Smallest and largest number or datetime (epoch ms). */
  min = Infinity;
  max = -Infinity;
  sample: ReservoirSample;
  values: ValueCounter;
  lengthMin = Infinity;
  lengthMax = 0;
  lengthSum = 0;
  sawTime = false;
  sawZone = false;
  backwardSteps = 0;
  largestForwardGapMs = 0;
  forwardGaps = new ReservoirSample(4096);
  /** The first values' shapes (e-mail, phone, national id, name), to tell personal data by more than the column's name. */
  shapes = new PersonalDataShapes();
  /** The first and the latest datetime in file order, so a later part of the file can be joined on. */
  private firstTime = NaN;
  private previousTime = NaN;

  /** Lexicographic (UTF-8 byte order) extremes of the text of every value, in reused buffers. */
  private lexMin: Uint8Array = new Uint8Array(16);
  private lexMinLength = -1;
  private lexMax: Uint8Array = new Uint8Array(16);
  private lexMaxLength = -1;
  private lexMinFirst = 0;
  private lexMaxFirst = 0;

  /** The last number or datetime read, for the row-level correlations. */
  lastNumber = 0;

  /** Allocated with the first number or datetime: a wide file's text columns never need one. */
  private block: Float64Array = EMPTY_BLOCK;
  private blockKinds: Uint8Array = EMPTY_KINDS;
  private blockSize = 0;
  private blockNumbers = 0;
  private blockTimes = 0;
  private readonly hash = new Hash64();
  private readonly parsedNumber = { value: 0 };
  private readonly parsedTime: DatetimeParse = { epochMs: 0, hasTime: false, hasZone: false };

  constructor(
    readonly name: string,
    exactDistinctLimit: number,
    frequentCapacity: number,
    sampleCapacity?: number,
  ) {
    this.sample = new ReservoirSample(sampleCapacity);
    // While every distinct value is counted exactly, quantiles come from the counts and the
    // sample stays empty; when counting turns approximate, the sample starts from the counts.
    this.values = new ValueCounter(exactDistinctLimit, frequentCapacity, (entries) => seedSample(this.sample, entries));
  }

  /**
   * Folds in the same column as read from the part of the file after this one. Counts, extremes
   * and lengths add up or compare; moments merge by Chan et al.'s update; the datetime order is
   * joined at the seam (the step from this part's last value to the other's first); the value
   * counters and samples merge as sketches do. Both must be flushed.
   */
  merge(other: ColumnAccumulator): void {
    for (let k = 0; k < this.typeCounts.length; k++) this.typeCounts[k]! += other.typeCounts[k]!;
    this.nulls += other.nulls;
    this.emptyStrings += other.emptyStrings;
    if (other.numbers > 0) {
      const total = this.numbers + other.numbers;
      const delta = other.mean - this.mean;
      this.mean += (delta * other.numbers) / total;
      this.m2 += other.m2 + (delta * delta * this.numbers * other.numbers) / total;
      this.numbers = total;
    }
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.mergeValues(other);
    this.lengthMin = Math.min(this.lengthMin, other.lengthMin);
    this.lengthMax = Math.max(this.lengthMax, other.lengthMax);
    this.lengthSum += other.lengthSum;
    this.sawTime ||= other.sawTime;
    this.sawZone ||= other.sawZone;
    this.mergeTimes(other);
    this.shapes.merge(other.shapes);
    const extremes = other.textExtremes();
    if (extremes) {
      this.noteExtreme(extremes.min, 'min');
      this.noteExtreme(extremes.max, 'max');
    }
  }

  toState(): ColumnState {
    this.flush();
    const extremes = this.textExtremes();
    return {
      name: this.name,
      typeCounts: this.typeCounts.slice(),
      nulls: this.nulls,
      emptyStrings: this.emptyStrings,
      numbers: this.numbers,
      mean: this.mean,
      m2: this.m2,
      min: this.min,
      max: this.max,
      sample: this.sample.toState(),
      values: this.values.toState(),
      lengthMin: this.lengthMin,
      lengthMax: this.lengthMax,
      lengthSum: this.lengthSum,
      sawTime: this.sawTime,
      sawZone: this.sawZone,
      firstTime: this.firstTime,
      lastTime: this.previousTime,
      backwardSteps: this.backwardSteps,
      largestForwardGapMs: this.largestForwardGapMs,
      forwardGaps: this.forwardGaps.toState(),
      shapes: this.shapes.toState(),
      lexMin: extremes?.min.slice(),
      lexMax: extremes?.max.slice(),
    };
  }

  static fromState(state: ColumnState): ColumnAccumulator {
    const column = new ColumnAccumulator(state.name, state.values.exactLimit, state.values.frequentCapacity, state.sample.capacity);
    column.typeCounts.set(state.typeCounts);
    column.nulls = state.nulls;
    column.emptyStrings = state.emptyStrings;
    column.numbers = state.numbers;
    column.mean = state.mean;
    column.m2 = state.m2;
    column.min = state.min;
    column.max = state.max;
    column.sample = ReservoirSample.fromState(state.sample);
    column.values = ValueCounter.fromState(state.values, (entries) => seedSample(column.sample, entries));
    column.lengthMin = state.lengthMin;
    column.lengthMax = state.lengthMax;
    column.lengthSum = state.lengthSum;
    column.sawTime = state.sawTime;
    column.sawZone = state.sawZone;
    column.firstTime = state.firstTime;
    column.previousTime = state.lastTime;
    column.backwardSteps = state.backwardSteps;
    column.largestForwardGapMs = state.largestForwardGapMs;
    column.forwardGaps = ReservoirSample.fromState(state.forwardGaps);
    column.shapes = PersonalDataShapes.fromState(state.shapes);
    if (state.lexMin && state.lexMax) {
      column.noteExtreme(state.lexMin, 'min');
      column.noteExtreme(state.lexMax, 'max');
    }
    return column;
  }

  /**
   * While both counters are exact their samples are empty; when the merged counter is not, an
   * exact side's sample is first drawn from its counts, as the counter does when it leaves exact.
   */
  private mergeValues(other: ColumnAccumulator): void {
    const mine = this.values.exact ? this.values.entries() : undefined;
    const theirs = other.values.exact ? other.values.entries() : undefined;
    this.values.merge(other.values);
    if (this.values.exact) return;
    if (mine) seedSample(this.sample, mine);
    let otherSample = other.sample;
    if (theirs) {
      otherSample = new ReservoirSample(this.sample.capacity);
      seedSample(otherSample, theirs);
    }
    this.sample.merge(otherSample);
  }

  private mergeTimes(other: ColumnAccumulator): void {
    if (other.firstTime !== other.firstTime) return;
    if (this.previousTime === this.previousTime) {
      const seam = other.firstTime - this.previousTime;
      if (seam < 0) this.backwardSteps++;
      else if (seam > 0) {
        if (seam > this.largestForwardGapMs) this.largestForwardGapMs = seam;
        this.forwardGaps.add(seam);
      }
    } else this.firstTime = other.firstTime;
    this.backwardSteps += other.backwardSteps;
    this.largestForwardGapMs = Math.max(this.largestForwardGapMs, other.largestForwardGapMs);
    this.forwardGaps.merge(other.forwardGaps);
    this.previousTime = other.previousTime;
  }

  /** Takes `text` as the smallest or largest text when it is beyond the one held. */
  private noteExtreme(text: Uint8Array, which: 'min' | 'max'): void {
    const first = text.length === 0 ? -1 : text[0]!;
    if (which === 'min' && (this.lexMinLength < 0 || compareBytes(text, 0, text.length, this.lexMin, 0, this.lexMinLength) < 0)) {
      this.lexMin = copyInto(this.lexMin, text, 0, text.length);
      this.lexMinLength = text.length;
      this.lexMinFirst = first;
    }
    if (which === 'max' && (this.lexMaxLength < 0 || compareBytes(text, 0, text.length, this.lexMax, 0, this.lexMaxLength) > 0)) {
      this.lexMax = copyInto(this.lexMax, text, 0, text.length);
      this.lexMaxLength = text.length;
      this.lexMaxFirst = first;
    }
  }

  /** Non-missing values. */
  get count(): number {
    const t = this.typeCounts;
    return t[1]! + t[2]! + t[3]! + t[4]! + t[5]!;
  }

  /** Sample standard deviation (n − 1) of the numbers, as DuckDB's stddev and SUMMARIZE report it. */
  get stddev(): number | null {
    return this.numbers < 2 ? null : Math.sqrt(this.m2 / (this.numbers - 1));
  }

  /** Memory held by the column's sketches, in items: bounded whatever the row count. */
  get retainedItems(): number {
    return this.sample.retainedItems + this.values.retainedItems + this.forwardGaps.retainedItems + this.blockSize;
  }

  addMissing(): void {
    this.nulls++;
  }

  /**
   * Reads a cell of delimited text: blank means missing; then a number, a datetime, a boolean
   * (true/false in any case), else a string. Surrounding blanks do not change the type.
   */
  addCell(bytes: Uint8Array, start: number, end: number): CellKind {
    let s = start;
    let e = end;
    while (s < e && (bytes[s] === 0x20 || bytes[s] === 0x09)) s++;
    while (e > s && (bytes[e - 1] === 0x20 || bytes[e - 1] === 0x09)) e--;
    if (s === e) {
      this.nulls++;
      return CellKind.missing;
    }
    const first = bytes[s]!;
    if ((first >= 0x30 && first <= 0x39) || first === 0x2d || first === 0x2b || first === 0x2e) {
      const shape = parseNumberBytes(bytes, s, e, this.parsedNumber);
      if (shape !== NumberShape.none) {
        return this.addNumber(this.parsedNumber.value, shape === NumberShape.integer, bytes, start, end);
      }
      if (first <= 0x39 && parseDatetimeBytes(bytes, s, e, this.parsedTime)) return this.addDatetime(this.parsedTime, bytes, start, end);
    } else if (e - s === 4 || e - s === 5) {
      const flag = booleanAt(bytes, s, e);
      if (flag !== -1) return this.addBoolean(flag === 1, bytes, start, end);
    }
    return this.addString(bytes, start, end);
  }

  /** A JSON string: a datetime if it reads as one, otherwise text ("42" in quotes stays text). */
  addJsonString(bytes: Uint8Array, start: number, end: number): CellKind {
    if (start === end) this.emptyStrings++;
    else if (parseDatetimeBytes(bytes, start, end, this.parsedTime)) return this.addDatetime(this.parsedTime, bytes, start, end);
    return this.addString(bytes, start, end);
  }

  /** A number, with the text it was written as (for the lexicographic extremes of a mixed column). */
  addNumber(value: number, integer: boolean, bytes: Uint8Array, start: number, end: number): CellKind {
    const kind = integer ? CellKind.integer : CellKind.float;
    this.typeCounts[kind]!++;
    this.lastNumber = value;
    this.blockNumbers++;
    this.push(value, kind);
    this.noteText(bytes, start, end, end - start);
    return kind;
  }

  addDatetime(time: DatetimeParse, bytes: Uint8Array, start: number, end: number): CellKind {
    this.typeCounts[CellKind.datetime]!++;
    if (time.hasTime) this.sawTime = true;
    if (time.hasZone) this.sawZone = true;
    this.lastNumber = time.epochMs;
    this.blockTimes++;
    this.push(time.epochMs, CellKind.datetime);
    this.noteText(bytes, start, end, end - start);
    return CellKind.datetime;
  }

  addBoolean(value: boolean, bytes: Uint8Array, start: number, end: number): CellKind {
    this.typeCounts[CellKind.boolean]!++;
    this.hash.number(value ? 1 : 0, HashTag.boolean);
    this.values.add(this.hash.h1, this.hash.h2, ValueKind.boolean, value ? 1 : 0, undefined, 0, 0, true);
    this.noteText(bytes, start, end, end - start);
    return CellKind.boolean;
  }

  addString(bytes: Uint8Array, start: number, end: number): CellKind {
    this.typeCounts[CellKind.string]!++;
    const hash = this.hash;
    hash.bytes(bytes, start, end, HashTag.string);
    this.values.add(hash.h1, hash.h2, ValueKind.string, 0, bytes, start, end, !hash.nonAscii);
    this.noteText(bytes, start, end, hash.codePoints);
    return CellKind.string;
  }

  /** Folds the buffered numbers and datetimes into the statistics; the profile calls it before reading them. */
  flush(): void {
    const n = this.blockSize;
    if (n === 0) return;
    const block = this.block;
    let min = this.min;
    let max = this.max;
    for (let i = 0; i < n; i++) {
      const v = block[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.min = min;
    this.max = max;
    if (this.blockNumbers === n) this.foldMoments(n);
    if (this.blockTimes > 0) this.followTimes(n);
    const hash = this.hash;
    const values = this.values;
    const kinds = this.blockKinds;
    const sampledFrom = values.exact ? -1 : 0;
    let switchedAt = -1;
    for (let i = 0; i < n; i++) {
      const v = block[i]!;
      const datetime = kinds[i] === CellKind.datetime;
      hash.number(v, datetime ? HashTag.datetime : HashTag.number);
      values.add(hash.h1, hash.h2, datetime ? ValueKind.datetime : ValueKind.number, v, undefined, 0, 0, true);
      if (sampledFrom < 0 && switchedAt < 0 && !values.exact) switchedAt = i;
    }
    // The sample started from the counts as they were before value `switchedAt`: it and the values after it are added here.
    if (sampledFrom === 0) this.sample.addBlock(block, n);
    else if (switchedAt >= 0) this.sample.addBlock(block.subarray(switchedAt), n - switchedAt);
    this.blockSize = 0;
    this.blockNumbers = 0;
    this.blockTimes = 0;
  }

  private push(value: number, kind: CellKind): void {
    const at = this.blockSize;
    if (at === 0 && this.block === EMPTY_BLOCK) {
      this.block = new Float64Array(BLOCK);
      this.blockKinds = new Uint8Array(BLOCK);
    }
    this.block[at] = value;
    this.blockKinds[at] = kind;
    this.blockSize = at + 1;
    if (at + 1 === BLOCK) this.flush();
  }

  /** The block's own mean and squared deviations (two passes), merged into the running ones. */
  private foldMoments(n: number): void {
    const block = this.block;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += block[i]!;
    const blockMean = sum / n;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const d = block[i]! - blockMean;
      m2 += d * d;
    }
    const before = this.numbers;
    const total = before + n;
    const delta = blockMean - this.mean;
    this.mean += (delta * n) / total;
    this.m2 += m2 + (delta * delta * before * n) / total;
    this.numbers = total;
  }

  /** Datetimes in file order: steps back, and the forward gaps between consecutive values. */
  private followTimes(n: number): void {
    const block = this.block;
    const kinds = this.blockKinds;
    let previous = this.previousTime;
    for (let i = 0; i < n; i++) {
      if (kinds[i] !== CellKind.datetime) continue;
      const ms = block[i]!;
      if (previous !== previous) this.firstTime = ms;
      if (ms < previous) this.backwardSteps++;
      else if (ms > previous) {
        const gap = ms - previous;
        if (gap > this.largestForwardGapMs) this.largestForwardGapMs = gap;
        this.forwardGaps.add(gap);
      }
      previous = ms;
    }
    this.previousTime = previous;
  }

  /** The smallest and largest text in byte order, or undefined before any value. */
  textExtremes(): { min: Uint8Array; max: Uint8Array } | undefined {
    if (this.lexMinLength < 0) return undefined;
    return { min: this.lexMin.subarray(0, this.lexMinLength), max: this.lexMax.subarray(0, this.lexMaxLength) };
  }

  private noteText(bytes: Uint8Array, start: number, end: number, length: number): void {
    if (this.shapes.open) this.shapes.offerBytes(bytes, start, end);
    if (length < this.lengthMin) this.lengthMin = length;
    if (length > this.lengthMax) this.lengthMax = length;
    this.lengthSum += length;
    // An empty text sorts before every byte: -1 keeps the first-byte shortcut honest.
    const first = start === end ? -1 : bytes[start]!;
    // Most values differ from both extremes in their first byte; only ties need a full comparison.
    if (first > this.lexMinFirst && first < this.lexMaxFirst) return;
    if (this.lexMinLength < 0) {
      this.lexMin = copyInto(this.lexMin, bytes, start, end);
      this.lexMinLength = end - start;
      this.lexMinFirst = first;
      this.lexMax = copyInto(this.lexMax, bytes, start, end);
      this.lexMaxLength = end - start;
      this.lexMaxFirst = first;
      return;
    }
    if (first <= this.lexMinFirst && compareBytes(bytes, start, end, this.lexMin, 0, this.lexMinLength) < 0) {
      this.lexMin = copyInto(this.lexMin, bytes, start, end);
      this.lexMinLength = end - start;
      this.lexMinFirst = first;
    } else if (first >= this.lexMaxFirst && compareBytes(bytes, start, end, this.lexMax, 0, this.lexMaxLength) > 0) {
      this.lexMax = copyInto(this.lexMax, bytes, start, end);
      this.lexMaxLength = end - start;
      this.lexMaxFirst = first;
    }
  }
}

/** Starts a sample from exact counts of numbers and datetimes, as if each copy had been offered. */
function seedSample(sample: ReservoirSample, entries: CountedValue[]): void {
  const ordered = entries.filter((e) => e.kind === ValueKind.number || e.kind === ValueKind.datetime);
  sample.seedFromCounts(
    Float64Array.from(ordered, (e) => e.number),
    Float64Array.from(ordered, (e) => e.count),
  );
}

/** bytes[start, end) copied to the front of `buffer`, or of a bigger one when it does not fit. */
function copyInto(buffer: Uint8Array, bytes: Uint8Array, start: number, end: number): Uint8Array {
  const target = buffer.length >= end - start ? buffer : new Uint8Array((end - start) * 2);
  for (let i = start; i < end; i++) target[i - start] = bytes[i]!;
  return target;
}

/** 1 for true, 0 for false (any letter case), -1 for anything else. */
function booleanAt(bytes: Uint8Array, start: number, end: number): number {
  // OR 0x20 lower-cases ASCII letters; no closures here, this runs for every short cell.
  if (end - start === 4) {
    return (bytes[start]! | 0x20) === 0x74 && (bytes[start + 1]! | 0x20) === 0x72 && (bytes[start + 2]! | 0x20) === 0x75 && (bytes[start + 3]! | 0x20) === 0x65
      ? 1
      : -1;
  }
  if (end - start === 5) {
    return (bytes[start]! | 0x20) === 0x66 &&
      (bytes[start + 1]! | 0x20) === 0x61 &&
      (bytes[start + 2]! | 0x20) === 0x6c &&
      (bytes[start + 3]! | 0x20) === 0x73 &&
      (bytes[start + 4]! | 0x20) === 0x65
      ? 0
      : -1;
  }
  return -1;
}
