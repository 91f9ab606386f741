import type { Cell } from './parse-table.js';
import { typedValue, type ColumnType } from './infer-column-types.js';

/** A cell's JSON text under one column type. */
export type JsonCell = (cell: Cell) => string;

/**
 * One serializer per column type, picked once per column rather than per cell: the NDJSON copy
 * of a large upload writes every cell, and the generic typedValue-then-stringify path spent most
 * of its time re-deciding the type and trimming twice. Output is exactly JSON.stringify(typedValue(cell, type)).
 */
export function jsonCellOf(type: ColumnType): JsonCell {
  switch (type) {
    case 'integer':
    case 'float':
      return (cell) => {
        if (isBlank(cell)) return 'null';
        const value = Number(cell!.trim());
        return Number.isFinite(value) ? String(value) : 'null';
      };
    case 'string':
      return (cell) => (isBlank(cell) ? 'null' : JSON.stringify(cell));
    default:
      return (cell) => JSON.stringify(typedValue(cell, type));
  }
}

/** The same answer as isMissing, without trimming a cell that starts with a printable ASCII character. */
function isBlank(cell: Cell): boolean {
  if (cell === null || cell.length === 0) return true;
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === '';
}
