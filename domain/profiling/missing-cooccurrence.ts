/** Pairs are tracked among the first this many columns: the matrices (and the report) grow with its square. */
export const MAX_COOCCURRENCE_COLUMNS = 256;

/** The counts as plain data, to travel between threads or be stored as a step's partial result. */
export interface MissingCooccurrenceState {
  capacity: number;
  bothMissingCounted: Float64Array;
  bothPresentCounted: Float64Array;
  rowsByPresence: number;
  presentByPresence: Float64Array;
}

/**
 * How often two columns are missing in the same row, among the first 256 columns. A row
 * updates the pairs of whichever is fewer, its missing or its present cells: "both missing"
 * for rows counted by their present cells is rows − present(a) − present(b) + both present.
 * So a dense table costs nothing for complete rows and a sparse one (JSON records that each
 * hold a few of many keys) costs little for its mostly-missing rows.
 */
export class MissingCooccurrence {
  private capacity = 16;
  private bothMissingCounted = new Float64Array(16 * 16);
  private bothPresentCounted = new Float64Array(16 * 16);
  /** Rows counted by their present cells, and each column's presence among them. */
  private rowsByPresence = 0;
  private presentByPresence = new Float64Array(16);
  private readonly tracked = new Int32Array(MAX_COOCCURRENCE_COLUMNS);
  private readonly isMissing = new Uint8Array(MAX_COOCCURRENCE_COLUMNS);

  /** Counts one row: `missing` holds its first `n` missing column indexes (any order) out of `columns`. */
  addRow(missing: Int32Array, n: number, columns: number): void {
    if (n < 2 && columns - n >= n) return;
    const width = Math.min(columns, MAX_COOCCURRENCE_COLUMNS);
    if (width > this.capacity) this.grow(width);
    let m = 0;
    for (let i = 0; i < n; i++) if (missing[i]! < width) this.tracked[m++] = missing[i]!;
    if (m <= width - m) {
      this.countPairs(this.bothMissingCounted, this.tracked, m);
      return;
    }
    for (let i = 0; i < m; i++) this.isMissing[this.tracked[i]!] = 1;
    let p = 0;
    for (let c = 0; c < width; c++) {
      if (this.isMissing[c] === 1) this.isMissing[c] = 0;
      else this.tracked[p++] = c;
    }
    this.rowsByPresence++;
    for (let i = 0; i < p; i++) this.presentByPresence[this.tracked[i]!]!++;
    this.countPairs(this.bothPresentCounted, this.tracked, p);
  }

  /**
   * Column `b` appears after rows where it was absent: with every earlier column a, it was
   * missing in each of those rows where a was. Rows counted by presence already read b as
   * missing; the rows counted by their missing cells get a's missing count among them.
   */
  addColumnAfterRows(b: number, nullsOf: (a: number) => number): void {
    if (b >= MAX_COOCCURRENCE_COLUMNS) return;
    if (b >= this.capacity) this.grow(b + 1);
    for (let a = 0; a < b; a++) {
      const missingAmongPresenceRows = this.rowsByPresence - this.presentByPresence[a]!;
      this.bothMissingCounted[a * this.capacity + b]! += nullsOf(a) - missingAmongPresenceRows;
    }
  }

  /** Folds in the counts of another part of the same table (same columns): every count is a sum over rows. */
  merge(other: MissingCooccurrence): void {
    if (other.capacity > this.capacity) this.grow(other.capacity);
    const cap = this.capacity;
    const theirs = other.capacity;
    for (let a = 0; a < theirs; a++) {
      for (let b = a + 1; b < theirs; b++) {
        this.bothMissingCounted[a * cap + b]! += other.bothMissingCounted[a * theirs + b]!;
        this.bothPresentCounted[a * cap + b]! += other.bothPresentCounted[a * theirs + b]!;
      }
      this.presentByPresence[a]! += other.presentByPresence[a]!;
    }
    this.rowsByPresence += other.rowsByPresence;
  }

  toState(): MissingCooccurrenceState {
    return {
      capacity: this.capacity,
      bothMissingCounted: this.bothMissingCounted.slice(),
      bothPresentCounted: this.bothPresentCounted.slice(),
      rowsByPresence: this.rowsByPresence,
      presentByPresence: this.presentByPresence.slice(),
    };
  }

  static fromState(state: MissingCooccurrenceState): MissingCooccurrence {
    const counts = new MissingCooccurrence();
    counts.capacity = state.capacity;
    counts.bothMissingCounted = state.bothMissingCounted.slice();
    counts.bothPresentCounted = state.bothPresentCounted.slice();
    counts.rowsByPresence = state.rowsByPresence;
    counts.presentByPresence = state.presentByPresence.slice();
    return counts;
  }

  /** Rows where both a and b (a < b) are missing. */
  bothMissing(a: number, b: number): number {
    if (b >= this.capacity) return 0;
    const at = a * this.capacity + b;
    const byPresence = this.rowsByPresence - this.presentByPresence[a]! - this.presentByPresence[b]! + this.bothPresentCounted[at]!;
    return this.bothMissingCounted[at]! + byPresence;
  }

  private countPairs(counts: Float64Array, columns: Int32Array, n: number): void {
    const cap = this.capacity;
    for (let i = 0; i < n; i++) {
      const x = columns[i]!;
      for (let j = i + 1; j < n; j++) {
        const y = columns[j]!;
        counts[x < y ? x * cap + y : y * cap + x]!++;
      }
    }
  }

  private grow(columns: number): void {
    let capacity = this.capacity;
    while (capacity < columns) capacity *= 2;
    const regrid = (old: Float64Array) => {
      const counts = new Float64Array(capacity * capacity);
      for (let a = 0; a < this.capacity; a++) counts.set(old.subarray(a * this.capacity, (a + 1) * this.capacity), a * capacity);
      return counts;
    };
    this.bothMissingCounted = regrid(this.bothMissingCounted);
    this.bothPresentCounted = regrid(this.bothPresentCounted);
    const present = new Float64Array(capacity);
    present.set(this.presentByPresence);
    this.presentByPresence = present;
    this.capacity = capacity;
  }
}
