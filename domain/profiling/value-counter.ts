import { HyperLogLog, type HyperLogLogState } from './hyperloglog.js';
import { selectKth } from './select-kth.js';
import { decodeUtf8 } from './utf8-text.js';

/** Past the exact limit, one value in this many (at random) updates the frequent-items counters. */
export const FREQUENT_SAMPLE_EVERY = 16;

/** What a counted value is; strings keep their text, the rest their number (booleans 0/1, datetimes epoch ms). */
export const ValueKind = { number: 1, boolean: 2, datetime: 3, string: 4 } as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

export interface CountedValue {
  kind: ValueKind;
  number: number;
  text: string | undefined;
  count: number;
}

/** A counter as plain data (its values, hashes and counts side by side), to travel between threads or be stored. */
export interface ValueCounterState {
  exactLimit: number;
  frequentCapacity: number;
  keys1: Int32Array;
  keys2: Int32Array;
  counts: Float64Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  texts: (string | undefined)[];
  sketch: HyperLogLogState | undefined;
  countErrorBound: number;
  coin: number;
}

/**
 * Distinct values and their frequencies for one column, in bounded memory. Values arrive as
 * 64-bit hashes (two 32-bit halves) in an open-addressing table, so counts are exact (numbers
 * hash injectively; text could collide with probability 2⁻⁶⁴) up to `exactLimit` distinct
 * values. Past it, the distinct count moves to a HyperLogLog (fed every hash the table held, so
 * nothing seen is lost, then every later value) and the table becomes a Misra–Gries
 * frequent-items summary of `frequentCapacity` counters, fed a 1-in-16 random sample of the
 * later values, each counting 16: when full, the median weight is subtracted from every counter
 * and the emptied ones dropped. A reported count is then an estimate, low by at most
 * `countErrorBound` plus sampling noise of about 4·√count. The sample keeps a column of
 * unique values (timestamps, coordinates) from paying for a counter update per value.
 */
export class ValueCounter {
  private slots = 16;
  private mask = 15;
  private keys1: Int32Array = new Int32Array(16);
  private keys2: Int32Array = new Int32Array(16);
  private counts: Float64Array = new Float64Array(16);
  private kinds: Uint8Array = new Uint8Array(16);
  private numbers: Float64Array = new Float64Array(16);
  private texts: (string | undefined)[] = new Array<string | undefined>(16);
  private size = 0;
  private hll: HyperLogLog | undefined;
  private scratch: Float64Array | undefined;
  private held: Float64Array | undefined;
  private coin = 0x6a09e667;
  private spare:
    { keys1: Int32Array; keys2: Int32Array; counts: Float64Array; kinds: Uint8Array; numbers: Float64Array; texts: (string | undefined)[] } | undefined;
  /** The most any reported count can be below the truth (0 while exact). */
  countErrorBound = 0;

  constructor(
    readonly exactLimit: number,
    readonly frequentCapacity = 1024,
    /** Hears every exact count once, just before the counts become estimates. */
    private readonly onLeavingExact?: (entries: CountedValue[]) => void,
  ) {}

  get exact(): boolean {
    return this.hll === undefined;
  }

  /** Table entries held: memory is a few dozen bytes each, at most max(exactLimit, frequentCapacity). */
  get retainedItems(): number {
    return this.size;
  }

  get distinct(): number {
    return this.hll ? Math.max(this.hll.estimate(), this.size) : this.size;
  }

  get distinctRelativeError(): number {
    return this.hll ? this.hll.relativeStandardError : 0;
  }

  /**
   * Counts one value. `text` bytes are decoded only when a string value is new to the table.
   */
  add(h1: number, h2: number, kind: ValueKind, number: number, bytes: Uint8Array | undefined, start: number, end: number, ascii: boolean): void {
    let weight = 1;
    if (this.hll !== undefined) {
      this.hll.add(h1, h2);
      let coin = this.coin;
      coin ^= coin << 13;
      coin ^= coin >>> 17;
      coin ^= coin << 5;
      this.coin = coin;
      if ((coin & (FREQUENT_SAMPLE_EVERY - 1)) !== 0) return;
      weight = FREQUENT_SAMPLE_EVERY;
    }
    let index = h1 & this.mask;
    for (;;) {
      const count = this.counts[index]!;
      if (count === 0) break;
      if (this.keys1[index] === h1 && this.keys2[index] === h2) {
        this.counts[index] = count + weight;
        return;
      }
      index = (index + 1) & this.mask;
    }
    if (this.hll === undefined ? this.size >= this.exactLimit : this.size >= this.frequentCapacity) {
      if (this.hll === undefined) this.switchToSketch();
      this.hll!.add(h1, h2);
      this.purge();
      index = this.freeSlot(h1);
    } else if (this.hll === undefined && this.size + 1 > (this.slots >>> 2) * 3) {
      // Linear probing stays quick up to three quarters full; exact tables are the largest memory here.
      this.rehash(this.slots * 2);
      index = this.freeSlot(h1);
    }
    this.keys1[index] = h1;
    this.keys2[index] = h2;
    this.counts[index] = weight;
    this.kinds[index] = kind;
    this.numbers[index] = number;
    this.texts[index] = kind === ValueKind.string && bytes ? decodeUtf8(bytes, start, end, ascii) : undefined;
    this.size++;
  }

  /**
   * Folds in the counter of another part of the same column (another shard of the file). Two
   * exact counters stay exact while their union fits the exact limit, with the counts an exact
   * count of the whole would give. Otherwise the result is a sketch: the HyperLogLogs merge (an
   * exact side gives its hashes), the frequent-items counters are summed per value and, past
   * their capacity, purged as they are while reading; the undercount bounds add up (Agarwal et
   * al., "Mergeable summaries", 2012). The caller seeds its quantile sample when an exact side
   * turns into a sketch here: this does not call `onLeavingExact`.
   */
  merge(other: ValueCounter): void {
    const wasSketch = this.hll !== undefined || other.hll !== undefined;
    const sketch = wasSketch ? (this.hll ?? this.sketchOfKeys()) : undefined;
    if (sketch) sketch.merge(other.hll ?? other.sketchOfKeys());
    this.rehash(slotsFor(this.size + other.size));
    for (let i = 0; i < other.slots; i++) {
      const count = other.counts[i]!;
      if (count > 0) this.insert(other.keys1[i]!, other.keys2[i]!, count, other.kinds[i]!, other.numbers[i]!, other.texts[i]);
    }
    this.countErrorBound += other.countErrorBound;
    if (!sketch && this.size <= this.exactLimit) return;
    this.hll = sketch ?? this.sketchOfKeys();
    if (this.size > this.frequentCapacity) this.purge();
    else this.rehash(this.frequentCapacity * 2);
  }

  toState(): ValueCounterState {
    const held = this.size;
    const state: ValueCounterState = {
      exactLimit: this.exactLimit,
      frequentCapacity: this.frequentCapacity,
      keys1: new Int32Array(held),
      keys2: new Int32Array(held),
      counts: new Float64Array(held),
      kinds: new Uint8Array(held),
      numbers: new Float64Array(held),
      texts: new Array<string | undefined>(held),
      sketch: this.hll?.toState(),
      countErrorBound: this.countErrorBound,
      coin: this.coin,
    };
    let n = 0;
    for (let i = 0; i < this.slots; i++) {
      if (this.counts[i]! <= 0) continue;
      state.keys1[n] = this.keys1[i]!;
      state.keys2[n] = this.keys2[i]!;
      state.counts[n] = this.counts[i]!;
      state.kinds[n] = this.kinds[i]!;
      state.numbers[n] = this.numbers[i]!;
      state.texts[n] = this.texts[i];
      n++;
    }
    return state;
  }

  static fromState(state: ValueCounterState, onLeavingExact?: (entries: CountedValue[]) => void): ValueCounter {
    const counter = new ValueCounter(state.exactLimit, state.frequentCapacity, onLeavingExact);
    counter.rehash(state.sketch ? state.frequentCapacity * 2 : slotsFor(state.counts.length));
    for (let i = 0; i < state.counts.length; i++) {
      counter.insert(state.keys1[i]!, state.keys2[i]!, state.counts[i]!, state.kinds[i]! as ValueKind, state.numbers[i]!, state.texts[i]);
    }
    if (state.sketch) counter.hll = HyperLogLog.fromState(state.sketch);
    counter.countErrorBound = state.countErrorBound;
    counter.coin = state.coin;
    return counter;
  }

  /** Adds `count` to a value's counter, making one when it has none; the table must have room. */
  private insert(h1: number, h2: number, count: number, kind: number, number: number, text: string | undefined): void {
    let index = h1 & this.mask;
    for (;;) {
      const held = this.counts[index]!;
      if (held === 0) break;
      if (this.keys1[index] === h1 && this.keys2[index] === h2) {
        this.counts[index] = held + count;
        return;
      }
      index = (index + 1) & this.mask;
    }
    this.keys1[index] = h1;
    this.keys2[index] = h2;
    this.counts[index] = count;
    this.kinds[index] = kind;
    this.numbers[index] = number;
    this.texts[index] = text;
    this.size++;
  }

  /** A HyperLogLog of the values an exact counter holds. */
  private sketchOfKeys(): HyperLogLog {
    const sketch = new HyperLogLog();
    for (let i = 0; i < this.slots; i++) if (this.counts[i]! > 0) sketch.add(this.keys1[i]!, this.keys2[i]!);
    return sketch;
  }

  /** Every value held with its count (all of them while exact). */
  entries(): CountedValue[] {
    const entries: CountedValue[] = [];
    for (let i = 0; i < this.slots; i++) {
      const count = this.counts[i]!;
      if (count > 0) entries.push({ kind: this.kinds[i]! as ValueKind, number: this.numbers[i]!, text: this.texts[i], count });
    }
    return entries;
  }

  private freeSlot(h1: number): number {
    let index = h1 & this.mask;
    while (this.counts[index] !== 0) index = (index + 1) & this.mask;
    return index;
  }

  private switchToSketch(): void {
    this.onLeavingExact?.(this.entries());
    this.hll = new HyperLogLog();
    for (let i = 0; i < this.slots; i++) if (this.counts[i]! > 0) this.hll.add(this.keys1[i]!, this.keys2[i]!);
  }

  /** Misra–Gries: subtract the median count from all counters so at least half of them empty. */
  private purge(): void {
    // A merge can hold more than the exact limit for a moment: both sides' values.
    if (!this.held || this.held.length <= this.size) this.held = new Float64Array(Math.max(this.exactLimit, this.frequentCapacity, this.size) + 1);
    const held = this.held;
    let n = 0;
    for (let i = 0; i < this.slots; i++) if (this.counts[i]! > 0) held[n++] = this.counts[i]!;
    if (!this.scratch || this.scratch.length < this.size) this.scratch = new Float64Array(Math.max(this.frequentCapacity, this.size));
    const keepAtMost = this.frequentCapacity >>> 1;
    // Subtracting the (n - keepAtMost)-th smallest count leaves at most keepAtMost counters.
    const threshold = selectKth(held, n, Math.max(0, n - keepAtMost - 1), this.scratch);
    for (let i = 0; i < this.slots; i++) if (this.counts[i]! > 0) this.counts[i] = Math.max(0, this.counts[i]! - threshold);
    this.countErrorBound += threshold;
    this.rehash(this.frequentCapacity * 2);
  }

  /**
   * Moves the live entries into a table of `slots` slots. Once the summary has settled at its
   * fixed size, the previous arrays are kept and reused for the next purge, so the steady state
   * allocates nothing (a purge every few hundred values would otherwise churn garbage).
   */
  private rehash(slots: number): void {
    const { keys1, keys2, counts, kinds, numbers, texts } = this;
    const old = this.slots;
    const spare = this.spare;
    this.slots = slots;
    this.mask = slots - 1;
    if (spare && spare.counts.length === slots) {
      ({ keys1: this.keys1, keys2: this.keys2, counts: this.counts, kinds: this.kinds, numbers: this.numbers, texts: this.texts } = spare);
      this.counts.fill(0);
      this.texts.fill(undefined);
    } else {
      this.keys1 = new Int32Array(slots);
      this.keys2 = new Int32Array(slots);
      this.counts = new Float64Array(slots);
      this.kinds = new Uint8Array(slots);
      this.numbers = new Float64Array(slots);
      this.texts = new Array<string | undefined>(slots);
    }
    this.spare = old === slots ? { keys1, keys2, counts, kinds, numbers, texts } : undefined;
    this.size = 0;
    for (let i = 0; i < old; i++) {
      if (counts[i]! <= 0) continue;
      const index = this.freeSlot(keys1[i]!);
      this.keys1[index] = keys1[i]!;
      this.keys2[index] = keys2[i]!;
      this.counts[index] = counts[i]!;
      this.kinds[index] = kinds[i]!;
      this.numbers[index] = numbers[i]!;
      this.texts[index] = texts[i];
      this.size++;
    }
  }
}

/** A power-of-two table size that holds `entries` at most three quarters full, as the exact table keeps itself. */
function slotsFor(entries: number): number {
  let slots = 16;
  while ((slots >>> 2) * 3 < entries + 1) slots *= 2;
  return slots;
}
