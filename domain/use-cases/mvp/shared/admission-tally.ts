import { ColumnTypeTally, FormulaLikeTally, type ColumnTypeTallyState, type FormulaLikeCells, type TableBatch } from '#domain/tabular/index.js';
import { DecimalCommaTally, type DecimalCommaTallyState } from './decimal-comma.js';

/** What admission found in some rows, as plain data: one shard's part. Lines count from the part's first. */
export interface AdmissionPart {
  types: ColumnTypeTallyState;
  decimalCommas: DecimalCommaTallyState;
  formulaLikeCells: FormulaLikeCells;
  firstRowLine?: number;
}

/**
 * Everything admission learns from the rows as they pass (column types, decimal commas, cells a
 * spreadsheet would run), whether the rows come in one read or as shards merged in file order.
 */
export class AdmissionTally {
  readonly types = new ColumnTypeTally();
  readonly decimalCommas = new DecimalCommaTally();
  readonly cells = new FormulaLikeTally([]);
  firstRowLine: number | undefined;

  add(batch: TableBatch): void {
    this.firstRowLine ??= batch.lines[0];
    this.types.add(batch.columns.length, batch.rows);
    this.decimalCommas.add(batch.columns.length, batch.rows);
    this.cells.add(batch.columns, batch.rows, batch.lines);
  }

  toPart(): AdmissionPart {
    return {
      types: this.types.toState(),
      decimalCommas: this.decimalCommas.toState(),
      formulaLikeCells: this.cells.found,
      ...(this.firstRowLine !== undefined ? { firstRowLine: this.firstRowLine } : {}),
    };
  }

  /** Adds the part of the rows that follow, whose first line is `firstLine` of the file. */
  merge(part: AdmissionPart, firstLine: number): void {
    const shift = firstLine - 1;
    if (part.firstRowLine !== undefined) this.firstRowLine ??= part.firstRowLine + shift;
    this.types.merge(part.types);
    this.decimalCommas.merge(part.decimalCommas);
    this.cells.merge(part.formulaLikeCells, shift);
  }
}
