import { CellKind, ColumnAccumulator, type ColumnState } from './column-accumulator.js';
import { columnProfile } from './column-profile.js';
import { isIdentifier, isLinearMeasure, scaleOf } from './column-semantics.js';
import { CorrelationAccumulator, MAX_CORRELATED_COLUMNS, type CorrelationState } from './correlation-accumulator.js';
import { DuplicateRowCounter, type DuplicateRowCounterState } from './duplicate-row-counter.js';
import { MAX_COOCCURRENCE_COLUMNS, MissingCooccurrence, type MissingCooccurrenceState } from './missing-cooccurrence.js';
import { ProfileError } from './profile-error.js';
import type { ResolvedProfileOptions } from './profile-options.js';
import type { Correlation, DatasetProfile } from './profile-types.js';

/** Misra–Gries counters per column once its distinct values pass the exact limit. */
const FREQUENT_CAPACITY = 1024;
/** Every column holds its own sketches, so the column count is bounded too (a few KiB each to start). */
export const MAX_COLUMNS = 16_384;

/**
 * What the profiler holds about part of a table, as plain data: a shard's partial result, small
 * (sketches, not rows) whatever the shard's size.
 */
export interface DatasetState {
  rows: number;
  raggedRows: number;
  columns: ColumnState[];
  correlations: CorrelationState;
  missing: MissingCooccurrenceState;
  duplicates: DuplicateRowCounterState;
}

/**
 * The dataset-level half of the profiler: columns (known up front for delimited text,
 * discovered as they appear in JSON), and the statistics that need a whole row at a time —
 * correlations, missing-value co-occurrence and duplicate rows. A row is fed cell by cell
 * ({@link noteCell}) and closed by {@link endRow}; a column not fed in a row is missing from it.
 * Duplicate rows are rows whose text is identical (the caller hashes the row's bytes).
 */
export class DatasetAccumulator {
  readonly columns: ColumnAccumulator[] = [];
  rows = 0;
  raggedRows = 0;
  private correlations = new CorrelationAccumulator();
  private missing = new MissingCooccurrence();
  private duplicates = new DuplicateRowCounter();
  /** This row's missing columns so far, and how many cells it has fed. */
  private missingInRow = new Int32Array(16);
  private missingCount = 0;
  private fedCount = 0;
  /** Per column, the number (rows + 1) of the last row that fed it: a column without this row's stamp is missing from it. */
  private fedStamp = new Float64Array(16);

  constructor(
    private readonly options: ResolvedProfileOptions,
    /** For tests: a smaller quantile sample. */
    private readonly sampleCapacity?: number,
  ) {}

  /** Adds a column; rows already seen had it missing. Returns its index. */
  addColumn(name: string): number {
    const index = this.columns.length;
    if (index === MAX_COLUMNS) {
      throw new ProfileError('too_many_columns', `the table has more than ${MAX_COLUMNS} columns; the profiler reads at most ${MAX_COLUMNS}`, [
        `column ${index + 1}: "${name.slice(0, 80)}"`,
      ]);
    }
    const column = new ColumnAccumulator(name, this.options.exactDistinctLimit, FREQUENT_CAPACITY, this.sampleCapacity);
    column.nulls = this.rows;
    if (this.rows > 0) this.missing.addColumnAfterRows(index, (a) => this.columns[a]!.nulls);
    this.columns.push(column);
    if (this.missingInRow.length < this.columns.length) {
      const missing = new Int32Array(this.columns.length * 2);
      missing.set(this.missingInRow);
      this.missingInRow = missing;
      const stamps = new Float64Array(this.columns.length * 2);
      stamps.set(this.fedStamp);
      this.fedStamp = stamps;
    }
    this.correlations.setColumnCount(this.columns.length);
    return index;
  }

  /** Records how a cell of column `index` was read in this row (after the column accumulated it). */
  noteCell(index: number, kind: CellKind): void {
    this.fedStamp[index] = this.rows + 1;
    this.fedCount++;
    if (kind === CellKind.missing) this.missingInRow[this.missingCount++] = index;
    else if (kind === CellKind.integer || kind === CellKind.float) this.correlations.set(index, this.columns[index]!.lastNumber);
  }

  /** Ends the row; `h1`/`h2` hash its content, for duplicate detection. */
  endRow(h1: number, h2: number): void {
    const columns = this.columns;
    // Delimited rows feed every column; only short rows and JSON records need the search for absent ones.
    if (this.fedCount < columns.length) {
      const stamp = this.rows + 1;
      for (let c = 0; c < columns.length; c++) {
        if (this.fedStamp[c] === stamp) continue;
        columns[c]!.addMissing();
        this.missingInRow[this.missingCount++] = c;
      }
    }
    this.rows++;
    this.correlations.endRow();
    this.missing.addRow(this.missingInRow, this.missingCount, columns.length);
    this.duplicates.add(h1, h2);
    this.missingCount = 0;
    this.fedCount = 0;
  }

  /**
   * Folds in the same table's next part (the rows after these, with the same columns: a shard
   * of delimited text). Every statistic of the whole comes out as one read would give it:
   * counts exactly, sketches within their stated error.
   */
  merge(other: DatasetAccumulator): void {
    const names = this.columns.map((c) => c.name).join('\u0000');
    if (names !== other.columns.map((c) => c.name).join('\u0000')) throw new Error('only parts of one table, with the same columns, merge');
    for (const column of other.columns) column.flush();
    this.columns.forEach((column, c) => {
      column.flush();
      column.merge(other.columns[c]!);
    });
    this.rows += other.rows;
    this.raggedRows += other.raggedRows;
    this.correlations.merge(other.correlations);
    this.missing.merge(other.missing);
    this.duplicates.merge(other.duplicates);
  }

  toState(): DatasetState {
    return {
      rows: this.rows,
      raggedRows: this.raggedRows,
      columns: this.columns.map((c) => c.toState()),
      correlations: this.correlations.toState(),
      missing: this.missing.toState(),
      duplicates: this.duplicates.toState(),
    };
  }

  static fromState(state: DatasetState, options: ResolvedProfileOptions): DatasetAccumulator {
    const dataset = new DatasetAccumulator(options);
    state.columns.forEach((column, c) => {
      dataset.addColumn(column.name);
      dataset.columns[c] = ColumnAccumulator.fromState(column);
    });
    dataset.rows = state.rows;
    dataset.raggedRows = state.raggedRows;
    dataset.correlations = CorrelationAccumulator.fromState(state.correlations);
    dataset.missing = MissingCooccurrence.fromState(state.missing);
    dataset.duplicates = DuplicateRowCounter.fromState(state.duplicates);
    return dataset;
  }

  /** Items held by every sketch and table: what the memory bound is about. */
  get retainedItems(): number {
    return this.columns.reduce((sum, c) => sum + c.retainedItems, 0) + this.duplicates.retainedItems;
  }

  profile(base: Pick<DatasetProfile, 'format' | 'compression' | 'bytes'>): DatasetProfile {
    for (const column of this.columns) column.flush();
    const columns = this.columns.map((c) => columnProfile(c, this.options));
    for (const column of columns) {
      if (isIdentifier(column)) column.identifier = true;
      const scale = scaleOf(column);
      if (scale) column.scale = scale;
    }
    const correlations: Correlation[] = [];
    // Pearson r only between linear quantities: not ids, headings, coordinates or personal data.
    const numeric = columns.map((c, i) => ({ c, i })).filter(({ c, i }) => isLinearMeasure(c) && i < MAX_CORRELATED_COLUMNS);
    for (let a = 0; a < numeric.length; a++) {
      for (let b = a + 1; b < numeric.length; b++) {
        const result = this.correlations.pearson(numeric[a]!.i, numeric[b]!.i);
        if (result) correlations.push({ a: numeric[a]!.c.name, b: numeric[b]!.c.name, pearson: result.r, n: result.n });
      }
    }
    const missingCooccurrence: DatasetProfile['missingCooccurrence'] = [];
    const paired = Math.min(columns.length, MAX_COOCCURRENCE_COLUMNS);
    for (let a = 0; a < paired; a++) {
      if (columns[a]!.nulls === 0) continue;
      for (let b = a + 1; b < paired; b++) {
        if (columns[b]!.nulls === 0) continue;
        missingCooccurrence.push({ a: columns[a]!.name, b: columns[b]!.name, bothMissing: this.missing.bothMissing(a, b) });
      }
    }
    return {
      ...base,
      rows: this.rows,
      columns,
      duplicateRows: this.duplicates.duplicates(),
      duplicateRowsApproximate: this.duplicates.approximate,
      correlations,
      missingCooccurrence,
    };
  }
}
