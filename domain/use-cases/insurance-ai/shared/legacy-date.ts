/**
 * Dates as legacy systems write them. Accepted, and reported by name:
 *
 * - `YYYYMMDD`     mainframe packed dates, e.g. `20240315`
 * - `MM/DD/YY`     US agency systems, e.g. `03/15/24`; two-digit years pivot at 50:
 *                  00-49 -> 2000-2049, 50-99 -> 1950-1999 (a fixed rule, not a sliding window,
 *                  so the same file always reads the same way)
 * - `MM/DD/YYYY`   the same with a full year
 * - `DD-MON-YYYY`  Oracle exports, e.g. `15-MAR-2024` (month names in any case; `DD-MON-YY`
 *                  pivots like `MM/DD/YY`)
 * - `DD.MM.YYYY`   European exports, e.g. `15.03.2024`: dots always mean day first
 * - `ISO`          `YYYY-MM-DD`
 *
 * All-zero dates (`00000000`, `00/00/00`) are how mainframes write "no date" and read as missing.
 * Years outside 1900-2099 are refused: they are sentinels such as `99991231`, not dates.
 */
export type LegacyDateFormat = 'YYYYMMDD' | 'MM/DD/YY' | 'MM/DD/YYYY' | 'DD-MON-YYYY' | 'DD-MON-YY' | 'DD.MM.YYYY' | 'ISO';

export const ACCEPTED_DATE_FORMATS = 'YYYYMMDD, MM/DD/YY, MM/DD/YYYY, DD-MON-YYYY, DD-MON-YY, DD.MM.YYYY, YYYY-MM-DD';
export const TWO_DIGIT_YEAR_RULE = 'two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999';

export type ParsedLegacyDate = { kind: 'date'; iso: string; format: LegacyDateFormat } | { kind: 'null' } | { kind: 'invalid' };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function pivotTwoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

/**
 * An extract repeats a few thousand dates over millions of lines, so each distinct spelling is
 * parsed once. The results are frozen because they are shared; the memo is emptied when it holds
 * {@link DATE_MEMO_LIMIT} spellings, so a file of all-distinct values costs bounded memory.
 */
const DATE_MEMO_LIMIT = 20_000;
const parsedDates = new Map<string, ParsedLegacyDate>();

export function parseLegacyDate(raw: string): ParsedLegacyDate {
  let parsed = parsedDates.get(raw);
  if (parsed === undefined) {
    if (parsedDates.size >= DATE_MEMO_LIMIT) parsedDates.clear();
    parsed = Object.freeze(parseDate(raw));
    parsedDates.set(raw, parsed);
  }
  return parsed;
}

function parseDate(raw: string): ParsedLegacyDate {
  const value = raw.trim();
  if (/^0+$/.test(value.replace(/[/.-]/g, ''))) return { kind: 'null' };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(value))) return calendarDate(+m[1]!, +m[2]!, +m[3]!, 'YYYYMMDD');
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return calendarDate(+m[1]!, +m[2]!, +m[3]!, 'ISO');
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(value))) return calendarDate(pivotTwoDigitYear(+m[3]!), +m[1]!, +m[2]!, 'MM/DD/YY');
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value))) return calendarDate(+m[3]!, +m[1]!, +m[2]!, 'MM/DD/YYYY');
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value))) return calendarDate(+m[3]!, +m[2]!, +m[1]!, 'DD.MM.YYYY');
  if ((m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4}|\d{2})$/.exec(value))) {
    const month = MONTHS.indexOf(m[2]!.toUpperCase()) + 1;
    if (month === 0) return { kind: 'invalid' };
    const twoDigit = m[3]!.length === 2;
    return calendarDate(twoDigit ? pivotTwoDigitYear(+m[3]!) : +m[3]!, month, +m[1]!, twoDigit ? 'DD-MON-YY' : 'DD-MON-YYYY');
  }
  return { kind: 'invalid' };
}

function calendarDate(year: number, month: number, day: number, format: LegacyDateFormat): ParsedLegacyDate {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'invalid' };
  return { kind: 'date', iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, format };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}
