import { Hash64, HashTag } from './hash64.js';
import { NumberShape, parseNumberBytes } from './parse-number-bytes.js';
import { parseDatetimeBytes, type DatetimeParse } from './parse-datetime-bytes.js';
import { ReservoirSample } from './reservoir-sample.js';
import { RunningMoments } from './running-moments.js';
import { compareBytes } from './utf8-text.js';
import { ValueCounter, ValueKind } from './value-counter.js';

/** How one cell was read; the row-level statistics (correlations, duplicates, missingness) look at it. */
export const CellKind = { missing: 0, integer: 1, float: 2, boolean: 3, datetime: 4, string: 5 } as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

/**
 * Everything the profiler keeps about one column while the rows stream past, in memory that
 * does not grow with the row count: counts per inferred type, moments, extremes, a sample for
 * quantiles, distinct values and their frequencies, the lexicographic extremes and lengths of
 * the text, and for datetimes how they run in file order. The column's type is settled only at
 * the end, from the counts per type, so nothing is discarded while a column might still turn
 * out mixed.
 */
export class ColumnAccumulator {
  readonly typeCounts = new Float64Array(6);
  nulls = 0;
  emptyStrings = 0;
  readonly moments = new RunningMoments();
  /** Smallest and largest number or datetime (epoch ms). */
  min = Infinity;
  max = -Infinity;
  readonly sample: ReservoirSample;
  readonly values: ValueCounter;
  lengthMin = Infinity;
  lengthMax = 0;
  lengthSum = 0;
  sawTime = false;
  sawZone = false;
  backwardSteps = 0;
  largestForwardGapMs = 0;
  readonly forwardGaps = new ReservoirSample(4096);
  private previousTime = NaN;

  /** Lexicographic (UTF-8 byte order) extremes of the text of every value. */
  lexMin: Uint8Array | undefined;
  lexMax: Uint8Array | undefined;

  /** The last cell's hash and, for numbers and datetimes, its value. */
  lastNumber = 0;
  readonly hash = new Hash64();

  private readonly parsedNumber = { value: 0 };
  private readonly parsedTime: DatetimeParse = { epochMs: 0, hasTime: false, hasZone: false };

  constructor(
    readonly name: string,
    exactDistinctLimit: number,
    frequentCapacity: number,
    sampleCapacity?: number,
  ) {
    this.values = new ValueCounter(exactDistinctLimit, frequentCapacity);
    this.sample = new ReservoirSample(sampleCapacity);
  }

  /** Non-missing values. */
  get count(): number {
    const t = this.typeCounts;
    return t[1]! + t[2]! + t[3]! + t[4]! + t[5]!;
  }

  /** Memory held by the column's sketches, in items: bounded whatever the row count. */
  get retainedItems(): number {
    return this.sample.retainedItems + this.values.retainedItems + this.forwardGaps.retainedItems;
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
    this.moments.add(value);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.sample.add(value);
    this.hash.number(value, HashTag.number);
    this.values.add(this.hash.h1, this.hash.h2, ValueKind.number, value, undefined, 0, 0, true);
    this.lastNumber = value;
    this.noteText(bytes, start, end, end - start);
    return kind;
  }

  addDatetime(time: DatetimeParse, bytes: Uint8Array, start: number, end: number): CellKind {
    const ms = time.epochMs;
    this.typeCounts[CellKind.datetime]!++;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
    this.sample.add(ms);
    this.sawTime ||= time.hasTime;
    this.sawZone ||= time.hasZone;
    const previous = this.previousTime;
    if (ms < previous) this.backwardSteps++;
    else if (ms > previous) {
      const gap = ms - previous;
      if (gap > this.largestForwardGapMs) this.largestForwardGapMs = gap;
      this.forwardGaps.add(gap);
    }
    this.previousTime = ms;
    this.hash.number(ms, HashTag.datetime);
    this.values.add(this.hash.h1, this.hash.h2, ValueKind.datetime, ms, undefined, 0, 0, true);
    this.lastNumber = ms;
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

  private noteText(bytes: Uint8Array, start: number, end: number, length: number): void {
    if (length < this.lengthMin) this.lengthMin = length;
    if (length > this.lengthMax) this.lengthMax = length;
    this.lengthSum += length;
    const lexMin = this.lexMin;
    if (lexMin === undefined) {
      this.lexMin = bytes.slice(start, end);
      this.lexMax = this.lexMin;
      return;
    }
    if (compareBytes(bytes, start, end, lexMin, 0, lexMin.length) < 0) this.lexMin = bytes.slice(start, end);
    else {
      const lexMax = this.lexMax!;
      if (compareBytes(bytes, start, end, lexMax, 0, lexMax.length) > 0) this.lexMax = bytes.slice(start, end);
    }
  }
}

/** 1 for true, 0 for false (any letter case), -1 for anything else. */
function booleanAt(bytes: Uint8Array, start: number, end: number): number {
  const lower = (i: number) => bytes[start + i]! | 0x20;
  if (end - start === 4 && lower(0) === 0x74 && lower(1) === 0x72 && lower(2) === 0x75 && lower(3) === 0x65) return 1;
  if (end - start === 5 && lower(0) === 0x66 && lower(1) === 0x61 && lower(2) === 0x6c && lower(3) === 0x73 && lower(4) === 0x65) return 0;
  return -1;
}
