import type { Cell } from './parse-table.js';

export type ColumnType = 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'string' | 'empty';

export interface ColumnSchema {
  name: string;
  type: ColumnType;
  nullable: boolean;
  nulls: number;
}

const INTEGER = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isMissing(cell: Cell): boolean {
  return cell === null || cell.trim() === '';
}

/** The narrowest type every non-missing value fits; integers widen to floats, anything else to string. */
export function inferColumnType(values: Iterable<Cell>): { type: ColumnType; nulls: number } {
  let type: ColumnType = 'empty';
  let nulls = 0;
  for (const cell of values) {
    if (isMissing(cell)) {
      nulls++;
      continue;
    }
    const value = cell!.trim();
    if (type !== 'string') type = widen(type, typeOfValue(value));
  }
  return { type, nulls };
}

export function typeOfValue(value: string): Exclude<ColumnType, 'empty'> {
  if (INTEGER.test(value)) return 'integer';
  if (FLOAT.test(value)) return 'float';
  if (BOOLEAN.test(value)) return 'boolean';
  if (DATE.test(value) && !Number.isNaN(Date.parse(value))) return 'date';
  if (DATETIME.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')))) return 'datetime';
  return 'string';
}

function widen(current: ColumnType, next: Exclude<ColumnType, 'empty'>): ColumnType {
  if (current === 'empty' || current === next) return next;
  const numeric = new Set<ColumnType>(['integer', 'float']);
  if (numeric.has(current) && numeric.has(next)) return 'float';
  const temporal = new Set<ColumnType>(['date', 'datetime']);
  if (temporal.has(current) && temporal.has(next)) return 'datetime';
  return 'string';
}

export function inferSchema(columns: readonly string[], rows: readonly Cell[][]): ColumnSchema[] {
  return columns.map((name, index) => {
    const { type, nulls } = inferColumnType(rows.map((row) => row[index] ?? null));
    return { name, type, nullable: nulls > 0, nulls };
  });
}

/** A cell as a typed JSON value under its column's type; missing cells become null. */
export function typedValue(cell: Cell, type: ColumnType): string | number | boolean | null {
  if (isMissing(cell)) return null;
  const value = cell!.trim();
  switch (type) {
    case 'integer':
    case 'float':
      return Number(value);
    case 'boolean':
      return value.toLowerCase() === 'true';
    case 'date':
      return value;
    case 'datetime':
      return new Date(value.replace(' ', 'T')).toISOString();
    default:
      return cell;
  }
}
