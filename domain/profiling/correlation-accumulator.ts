/** Column pairs whose Pearson correlation is tracked are among the first this many columns: pairs grow quadratically. */
export const MAX_CORRELATED_COLUMNS = 100;
const BLOCK_ROWS = 1024;

/** The co-moments as plain data, to travel between threads or be stored as a step's partial result. */
export interface CorrelationState {
  columns: number;
  /** Per pair (i < j), at 6·(i·MAX + j): n, mean x, mean y, Σ(x−x̄)², Σ(y−ȳ)², Σ(x−x̄)(y−ȳ). */
  totals: Float64Array;
}

/**
 * Pearson correlations between numeric columns over the rows where both are present, in one
 * pass. Values are buffered in blocks of rows; each block's co-moments are computed around the
 * block's own means (two passes over a block that fits in cache) and folded into the running
 * totals with Chan et al.'s pairwise update, which keeps the precision of a two-pass
 * computation however far the data sit from zero. NaN marks a value that is missing or not a
 * number: the block starts all NaN and only numbers are written into it.
 */
export class CorrelationAccumulator {
  private columns = 0;
  /** Room for this many columns; grown as columns appear. */
  private capacity = 0;
  private block = new Float64Array(0);
  private centered = new Float64Array(0);
  private readonly presentInBlock = new Int32Array(MAX_CORRELATED_COLUMNS);
  private rowInBlock = 0;
  /** Per pair (i < j), at 6·(i·MAX + j): n, mean x, mean y, Σ(x−x̄)², Σ(y−ȳ)², Σ(x−x̄)(y−ȳ). */
  private totals = new Float64Array(0);

  /** Columns from here on take part (up to {@link MAX_CORRELATED_COLUMNS}); earlier rows of the block had them missing. */
  setColumnCount(count: number): void {
    const next = Math.min(count, MAX_CORRELATED_COLUMNS);
    if (next > this.capacity) this.grow(Math.min(MAX_CORRELATED_COLUMNS, Math.max(next, this.capacity * 2, 8)));
    this.columns = Math.max(this.columns, next);
  }

  private grow(capacity: number): void {
    const block = new Float64Array(BLOCK_ROWS * capacity).fill(NaN);
    block.set(this.block);
    this.block = block;
    this.centered = new Float64Array(BLOCK_ROWS * capacity);
    // Pairs are laid out by the largest column count, so growing never moves a pair's totals.
    if (this.totals.length === 0) this.totals = new Float64Array(6 * MAX_CORRELATED_COLUMNS * capacity);
    else {
      const totals = new Float64Array(6 * MAX_CORRELATED_COLUMNS * capacity);
      totals.set(this.totals);
      this.totals = totals;
    }
    this.capacity = capacity;
  }

  /** Sets column c of the current row to a number; columns not set in a row are missing from it. Then {@link endRow}. */
  set(column: number, value: number): void {
    if (column >= this.columns) return;
    this.block[column * BLOCK_ROWS + this.rowInBlock] = value;
    this.presentInBlock[column]!++;
  }

  endRow(): void {
    if (++this.rowInBlock === BLOCK_ROWS) this.flush();
  }

  /** Folds in the co-moments of another part of the same table (same columns): Chan et al.'s update, pair by pair. */
  merge(other: CorrelationAccumulator): void {
    this.merged(other.toState());
  }

  toState(): CorrelationState {
    if (this.rowInBlock > 0) this.flush();
    return { columns: this.columns, totals: this.totals.slice(0, 6 * MAX_CORRELATED_COLUMNS * this.columns) };
  }

  static fromState(state: CorrelationState): CorrelationAccumulator {
    const correlations = new CorrelationAccumulator();
    correlations.setColumnCount(state.columns);
    correlations.totals.set(state.totals);
    return correlations;
  }

  private merged(state: CorrelationState): void {
    if (this.rowInBlock > 0) this.flush();
    this.setColumnCount(state.columns);
    const t = state.totals;
    for (let i = 0; i < state.columns; i++) {
      for (let j = i + 1; j < state.columns; j++) {
        const at = 6 * (i * MAX_CORRELATED_COLUMNS + j);
        if (t[at]! > 0) this.fold(i, j, t[at]!, t[at + 1]!, t[at + 2]!, t[at + 3]!, t[at + 4]!, t[at + 5]!);
      }
    }
  }

  /** Pearson r and the rows it rests on, for i < j; undefined when either side has no spread. */
  pearson(i: number, j: number): { r: number; n: number } | undefined {
    if (this.rowInBlock > 0) this.flush();
    if (j >= this.columns) return undefined;
    const at = 6 * (i * MAX_CORRELATED_COLUMNS + j);
    const t = this.totals;
    const n = t[at]!;
    if (n < 2 || t[at + 3]! <= 0 || t[at + 4]! <= 0) return undefined;
    const r = t[at + 5]! / Math.sqrt(t[at + 3]! * t[at + 4]!);
    return { r: Math.max(-1, Math.min(1, r)), n };
  }

  private flush(): void {
    const rows = this.rowInBlock;
    const { block, centered, presentInBlock } = this;
    const complete: number[] = [];
    const partial: number[] = [];
    for (let c = 0; c < this.columns; c++) {
      if (presentInBlock[c] === rows) complete.push(c);
      else if (presentInBlock[c]! > 0) partial.push(c);
    }
    const means = new Float64Array(this.columns);
    for (const c of complete) {
      const base = c * BLOCK_ROWS;
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += block[base + r]!;
      const mean = sum / rows;
      means[c] = mean;
      for (let r = 0; r < rows; r++) centered[base + r] = block[base + r]! - mean;
    }
    const squares = new Float64Array(this.columns);
    for (const c of complete) squares[c] = dot(centered, c * BLOCK_ROWS, c * BLOCK_ROWS, rows);
    for (let a = 0; a < complete.length; a++) {
      const i = complete[a]!;
      for (let b = a + 1; b < complete.length; b++) {
        const j = complete[b]!;
        this.fold(i, j, rows, means[i]!, means[j]!, squares[i]!, squares[j]!, dot(centered, i * BLOCK_ROWS, j * BLOCK_ROWS, rows));
      }
    }
    if (partial.length > 0) {
      const involved = [...complete, ...partial].sort((x, y) => x - y);
      for (let a = 0; a < involved.length; a++) {
        for (let b = a + 1; b < involved.length; b++) {
          const i = involved[a]!;
          const j = involved[b]!;
          if (presentInBlock[i] !== rows || presentInBlock[j] !== rows) this.foldSparse(i, j, rows);
        }
      }
    }
    // Back to all-missing for the next block: only columns that held numbers need it.
    for (let c = 0; c < this.columns; c++) if (presentInBlock[c]! > 0) block.fill(NaN, c * BLOCK_ROWS, c * BLOCK_ROWS + rows);
    presentInBlock.fill(0);
    this.rowInBlock = 0;
  }

  /** A pair where some rows lack one side: two passes over the rows where both are present. */
  private foldSparse(i: number, j: number, rows: number): void {
    const x = i * BLOCK_ROWS;
    const y = j * BLOCK_ROWS;
    const block = this.block;
    let n = 0;
    let sx = 0;
    let sy = 0;
    for (let r = 0; r < rows; r++) {
      const u = block[x + r]!;
      const v = block[y + r]!;
      if (u === u && v === v) {
        n++;
        sx += u;
        sy += v;
      }
    }
    if (n === 0) return;
    const mx = sx / n;
    const my = sy / n;
    let xx = 0;
    let yy = 0;
    let xy = 0;
    for (let r = 0; r < rows; r++) {
      const u = block[x + r]!;
      const v = block[y + r]!;
      if (u === u && v === v) {
        xx += (u - mx) * (u - mx);
        yy += (v - my) * (v - my);
        xy += (u - mx) * (v - my);
      }
    }
    this.fold(i, j, n, mx, my, xx, yy, xy);
  }

  /** Chan et al.: combines a block's co-moments with the running totals. */
  private fold(i: number, j: number, nb: number, mx: number, my: number, xx: number, yy: number, xy: number): void {
    const t = this.totals;
    const at = 6 * (i * MAX_CORRELATED_COLUMNS + j);
    const na = t[at]!;
    const n = na + nb;
    const dx = mx - t[at + 1]!;
    const dy = my - t[at + 2]!;
    const w = (na * nb) / n;
    t[at] = n;
    t[at + 1] = t[at + 1]! + (dx * nb) / n;
    t[at + 2] = t[at + 2]! + (dy * nb) / n;
    t[at + 3] = t[at + 3]! + xx + dx * dx * w;
    t[at + 4] = t[at + 4]! + yy + dy * dy * w;
    t[at + 5] = t[at + 5]! + xy + dx * dy * w;
  }
}

function dot(values: Float64Array, a: number, b: number, n: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) sum += values[a + r]! * values[b + r]!;
  return sum;
}
