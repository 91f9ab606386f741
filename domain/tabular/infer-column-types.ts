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
const LEADING_ZERO = /^[-+]?0\d/;
const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

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
    // Most cells fit the type the column already has: checking that first skips the other tests.
    if (type !== 'string' && !fits(value, type)) type = widen(type, typeOfValue(value));
  }
  return { type, nulls };
}

function fits(value: string, type: ColumnType): boolean {
  switch (type) {
    case 'integer':
      return !LEADING_ZERO.test(value) && INTEGER.test(value) && Number.isSafeInteger(Number(value));
    case 'datetime':
      return !LEADING_ZERO.test(value) && isDatetime(value);
    default:
      return false;
  }
}

export function typeOfValue(value: string): Exclude<ColumnType, 'empty'> {
  // Codes such as zip "02134" and ids past 2^53 would not survive a trip through a JSON number.
  if (LEADING_ZERO.test(value)) return 'string';
  if (INTEGER.test(value)) return Number.isSafeInteger(Number(value)) ? 'integer' : 'string';
  if (FLOAT.test(value)) return Number.isFinite(Number(value)) ? 'float' : 'string';
  if (BOOLEAN.test(value)) return 'boolean';
  if (DATE.test(value) && isCalendarDate(value)) return 'date';
  if (isDatetime(value)) return 'datetime';
  return 'string';
}

function isDatetime(value: string): boolean {
  if (!DATETIME.test(value) || !isCalendarDate(value.slice(0, 10))) return false;
  return isCanonicalUtc(value) || !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}

/** The shape toISOString writes: a calendar date in it needs no second parse. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:[0-5]\d:[0-5]\d\.\d{3}Z$/;
const isCanonicalUtc = (value: string) =>
  CANONICAL_UTC.test(value) && (value.charCodeAt(11) < 0x32 || (value.charCodeAt(11) === 0x32 && value.charCodeAt(12) < 0x34));

/** Days seen so far: a column of timestamps repeats the same few days thousands of times. */
const calendarDates = new Map<string, boolean>();

/** Date.parse rolls "2024-02-30" over to March 1st; a real date reads back unchanged. */
function isCalendarDate(yyyyMmDd: string): boolean {
  const known = calendarDates.get(yyyyMmDd);
  if (known !== undefined) return known;
  const time = Date.parse(`${yyyyMmDd}T00:00:00Z`);
  const real = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === yyyyMmDd;
  if (calendarDates.size >= 100_000) calendarDates.clear();
  calendarDates.set(yyyyMmDd, real);
  return real;
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
  const tally = new ColumnTypeTally();
  tally.add(columns.length, rows);
  return tally.schema(columns);
}

/**
 * The same inference over rows that arrive in batches, holding one type and one count per column:
 * a file of any size is typed in the pass that reads it. A column first seen in a later batch
 * (a JSON key that appears late) was missing, so null, in every row before.
 */
export interface ColumnTypeTallyState {
  types: ColumnType[];
  nulls: number[];
  rows: number;
}

export class ColumnTypeTally {
  private readonly types: ColumnType[] = [];
  private readonly nulls: number[] = [];
  private rows = 0;

  add(columns: number, rows: readonly (readonly Cell[])[]): void {
    while (this.types.length < columns) {
      this.types.push('empty');
      this.nulls.push(this.rows);
    }
    for (let c = 0; c < columns; c++) {
      let type = this.types[c]!;
      let nulls = this.nulls[c]!;
      for (const row of rows) {
        const cell = row[c] ?? null;
        if (isMissing(cell)) {
          nulls++;
          continue;
        }
        if (type === 'string') continue;
        const value = cell!.trim();
        if (!fits(value, type)) type = widen(type, typeOfValue(value));
      }
      this.types[c] = type;
      this.nulls[c] = nulls;
    }
    this.rows += rows.length;
  }

  /** What it has seen, as plain data: a shard's tally crosses threads and queues as this. */
  toState(): ColumnTypeTallyState {
    return { types: [...this.types], nulls: [...this.nulls], rows: this.rows };
  }

  /**
   * Adds a tally of the rows that follow: the result is the tally of both reads as one. The
   * types only ever widen, and widening is a join, so the order of the parts does not change it.
   */
  merge(other: ColumnTypeTallyState): void {
    const columns = Math.max(this.types.length, other.types.length);
    for (let c = 0; c < columns; c++) {
      const theirs = other.types[c] ?? 'empty';
      this.types[c] = theirs === 'empty' ? (this.types[c] ?? 'empty') : widen(this.types[c] ?? 'empty', theirs);
      this.nulls[c] = (this.nulls[c] ?? this.rows) + (other.nulls[c] ?? other.rows);
    }
    this.rows += other.rows;
  }

  schema(names: readonly string[]): ColumnSchema[] {
    return names.map((name, c) => {
      const nulls = this.nulls[c] ?? this.rows;
      return { name, type: this.types[c] ?? 'empty', nullable: nulls > 0, nulls };
    });
  }
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
      return isoDatetime(value);
    default:
      return cell;
  }
}

/**
 * A datetime with a zone becomes UTC ISO 8601. One without a zone stays local to whoever wrote
 * it: reading it in the machine's zone would make the output depend on where the code runs, so
 * it is written in the same ISO shape without the `Z`.
 */
function isoDatetime(value: string): string {
  if (isCanonicalUtc(value)) return value;
  const iso = value.replace(' ', 'T');
  if (ZONE.test(iso)) return new Date(iso).toISOString();
  const asUtc = new Date(`${iso}Z`);
  return Number.isNaN(asUtc.getTime()) ? value : asUtc.toISOString().slice(0, -1);
}
