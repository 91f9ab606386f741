/** Pairs are tracked among the first this many columns: the matrix (and the report) grow with its square. */
export const MAX_COOCCURRENCE_COLUMNS = 256;

/**
 * How often two columns are missing in the same row. Only rows with two or more missing cells
 * touch the counts, and only their pairs, so complete rows cost nothing.
 */
export class MissingCooccurrence {
  private capacity = 16;
  private counts = new Float64Array(16 * 16);

  /** Counts the pairs among the first `n` column indexes of `missing` (in any order). */
  addRow(missing: Int32Array, n: number): void {
    if (n < 2) return;
    let top = 0;
    for (let i = 0; i < n; i++) if (missing[i]! > top && missing[i]! < MAX_COOCCURRENCE_COLUMNS) top = missing[i]!;
    if (top >= this.capacity) this.grow(top + 1);
    const cap = this.capacity;
    for (let a = 0; a < n; a++) {
      const x = missing[a]!;
      if (x >= MAX_COOCCURRENCE_COLUMNS) continue;
      for (let b = a + 1; b < n; b++) {
        const y = missing[b]!;
        if (y < MAX_COOCCURRENCE_COLUMNS) this.counts[x < y ? x * cap + y : y * cap + x]!++;
      }
    }
  }

  /** Adds `times` to the pair (a < b): for a column that appeared after rows where it was absent. */
  addPair(a: number, b: number, times: number): void {
    if (b >= MAX_COOCCURRENCE_COLUMNS) return;
    if (b >= this.capacity) this.grow(b + 1);
    this.counts[a * this.capacity + b]! += times;
  }

  bothMissing(a: number, b: number): number {
    return b < this.capacity ? this.counts[a * this.capacity + b]! : 0;
  }

  private grow(columns: number): void {
    let capacity = this.capacity;
    while (capacity < columns) capacity *= 2;
    const counts = new Float64Array(capacity * capacity);
    for (let a = 0; a < this.capacity; a++) counts.set(this.counts.subarray(a * this.capacity, (a + 1) * this.capacity), a * capacity);
    this.capacity = capacity;
    this.counts = counts;
  }
}
