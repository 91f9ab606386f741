const CAPACITY = 1 << 17;

/** The counter as plain data, to travel between threads or be stored as a step's partial result. */
export interface DuplicateRowCounterState {
  level: number;
  keys1: Int32Array;
  keys2: Int32Array;
  counts: Uint32Array;
}

/**
 * Duplicate rows (rows equal to an earlier row) from 64-bit row hashes. Exact while at most
 * 2^17 distinct rows have been seen; beyond that it keeps only the hashes whose top `level`
 * bits are zero (raising the level, and dropping the others, each time the table fills), so
 * it watches a fixed 1/2^level of all distinct rows, every copy of a watched row included. The
 * duplicates among watched rows, scaled by 2^level, estimate the total: unbiased, with a
 * relative standard error of about 1/√(duplicates watched).
 */
export class DuplicateRowCounter {
  private level = 0;
  private slots = 1024;
  private keys1 = new Int32Array(1024);
  private keys2 = new Int32Array(1024);
  private counts = new Uint32Array(1024);
  private size = 0;

  get approximate(): boolean {
    return this.level > 0;
  }

  get retainedItems(): number {
    return this.size;
  }

  add(h1: number, h2: number): void {
    if (this.level > 0 && h2 >>> (32 - this.level) !== 0) return;
    const mask = this.slots - 1;
    let index = h1 & mask;
    for (;;) {
      const count = this.counts[index]!;
      if (count === 0) break;
      if (this.keys1[index] === h1 && this.keys2[index] === h2) {
        this.counts[index] = count + 1;
        return;
      }
      index = (index + 1) & mask;
    }
    this.keys1[index] = h1;
    this.keys2[index] = h2;
    this.counts[index] = 1;
    this.grewByOne();
  }

  /** After a new row hash: the table doubles at half full and, at capacity, watches half as many rows. */
  private grewByOne(): void {
    if (++this.size >= CAPACITY) {
      while (this.size >= CAPACITY >>> 1 && this.level < 31) {
        this.level++;
        this.dropUnwatched();
      }
    } else if (this.size > this.slots >>> 1) this.rehash(this.slots * 2);
  }

  /**
   * Folds in the rows of another part of the file. Rows are counted by hash, so a row that
   * repeats one from the other part is a duplicate as it would be in one pass; the result
   * watches the higher of the two levels, and drops what that level does not watch.
   */
  merge(other: DuplicateRowCounter): void {
    while (this.level < other.level) {
      this.level++;
      this.dropUnwatched();
    }
    for (let i = 0; i < other.slots; i++) if (other.counts[i]! > 0) this.addCount(other.keys1[i]!, other.keys2[i]!, other.counts[i]!);
  }

  toState(): DuplicateRowCounterState {
    const state = { level: this.level, keys1: new Int32Array(this.size), keys2: new Int32Array(this.size), counts: new Uint32Array(this.size) };
    let n = 0;
    for (let i = 0; i < this.slots; i++) {
      if (this.counts[i] === 0) continue;
      state.keys1[n] = this.keys1[i]!;
      state.keys2[n] = this.keys2[i]!;
      state.counts[n++] = this.counts[i]!;
    }
    return state;
  }

  static fromState(state: DuplicateRowCounterState): DuplicateRowCounter {
    const counter = new DuplicateRowCounter();
    counter.level = state.level;
    // Sized for every row at once: growing by doubling would rebuild the table over and over.
    let slots = counter.slots;
    while (slots >>> 1 <= state.counts.length) slots *= 2;
    if (slots > counter.slots) counter.rehash(slots);
    for (let i = 0; i < state.counts.length; i++) counter.addCount(state.keys1[i]!, state.keys2[i]!, state.counts[i]!);
    return counter;
  }

  /** {@link add} for a row seen `count` times. */
  private addCount(h1: number, h2: number, count: number): void {
    if (this.level > 0 && h2 >>> (32 - this.level) !== 0) return;
    const mask = this.slots - 1;
    let index = h1 & mask;
    for (;;) {
      const held = this.counts[index]!;
      if (held === 0) break;
      if (this.keys1[index] === h1 && this.keys2[index] === h2) {
        this.counts[index] = held + count;
        return;
      }
      index = (index + 1) & mask;
    }
    this.keys1[index] = h1;
    this.keys2[index] = h2;
    this.counts[index] = count;
    this.grewByOne();
  }

  /** Rows that repeat an earlier row (estimated once the level is above zero). */
  duplicates(): number {
    let repeats = 0;
    for (let i = 0; i < this.slots; i++) if (this.counts[i]! > 1) repeats += this.counts[i]! - 1;
    return Math.round(repeats * 2 ** this.level);
  }

  /** After a level rise: keeps the watched entries in the same arrays (a compact copy of the survivors is all it allocates). */
  private dropUnwatched(): void {
    const survivors = new Int32Array(this.size * 3);
    let n = 0;
    for (let i = 0; i < this.slots; i++) {
      if (this.counts[i] === 0 || this.keys2[i]! >>> (32 - this.level) !== 0) continue;
      survivors[n++] = this.keys1[i]!;
      survivors[n++] = this.keys2[i]!;
      survivors[n++] = this.counts[i]!;
    }
    this.counts.fill(0);
    this.size = 0;
    const mask = this.slots - 1;
    for (let k = 0; k < n; k += 3) {
      let index = survivors[k]! & mask;
      while (this.counts[index] !== 0) index = (index + 1) & mask;
      this.keys1[index] = survivors[k]!;
      this.keys2[index] = survivors[k + 1]!;
      this.counts[index] = survivors[k + 2]!;
      this.size++;
    }
  }

  /** Rebuilds the table with `slots` slots. */
  private rehash(slots: number): void {
    const { keys1, keys2, counts } = this;
    this.slots = slots;
    this.keys1 = new Int32Array(slots);
    this.keys2 = new Int32Array(slots);
    this.counts = new Uint32Array(slots);
    this.size = 0;
    const mask = slots - 1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      let index = keys1[i]! & mask;
      while (this.counts[index] !== 0) index = (index + 1) & mask;
      this.keys1[index] = keys1[i]!;
      this.keys2[index] = keys2[i]!;
      this.counts[index] = counts[i]!;
      this.size++;
    }
  }
}
