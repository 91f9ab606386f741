/** What {@link parseDatetimeBytes} found besides the instant. */
export interface DatetimeParse {
  /** Milliseconds since the epoch (UTC; a value without a zone is read as UTC). */
  epochMs: number;
  hasTime: boolean;
  hasZone: boolean;
  /** The last calendar date read and its day number: a column's dates repeat, so the calendar work is done once per date. */
  lastDateKey?: number;
  lastDays?: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads an ISO 8601 date or date-time from bytes: `YYYY-MM-DD`, then optionally `T` or a space,
 * `HH:MM`, `:SS`, a fraction, and `Z` or `±HH[:]MM`. Calendar-checked (no February 30th).
 * Returns false when the bytes are anything else.
 */
export function parseDatetimeBytes(bytes: Uint8Array, start: number, end: number, result: DatetimeParse): boolean {
  if (end - start < 10 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return false;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  if (year < 0 || month < 0 || day < 0) return false;
  const key = year * 10_000 + month * 100 + day;
  let days: number;
  if (key === result.lastDateKey) days = result.lastDays!;
  else {
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return false;
    days = daysFromCivil(year, month, day);
    result.lastDateKey = key;
    result.lastDays = days;
  }
  let ms = days * 86_400_000;
  let i = start + 10;
  result.hasTime = false;
  result.hasZone = false;
  if (i < end) {
    const separator = bytes[i];
    if ((separator !== 0x54 && separator !== 0x20) || end - i < 6 || bytes[i + 3] !== 0x3a) return false;
    const hour = digits(bytes, i + 1, 2);
    const minute = digits(bytes, i + 4, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
    ms += hour * 3_600_000 + minute * 60_000;
    i += 6;
    result.hasTime = true;
    if (i < end && bytes[i] === 0x3a) {
      const second = end - i >= 3 ? digits(bytes, i + 1, 2) : -1;
      if (second < 0 || second > 59) return false;
      ms += second * 1000;
      i += 3;
      if (i < end && bytes[i] === 0x2e) {
        i++;
        let scale = 100;
        const fractionStart = i;
        for (; i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39; i++, scale /= 10) ms += (bytes[i]! - 0x30) * scale;
        if (i === fractionStart) return false;
      }
    }
    if (i < end) {
      const zone = bytes[i];
      if (zone === 0x5a && i + 1 === end) {
        result.hasZone = true;
        i++;
      } else if (zone === 0x2b || zone === 0x2d) {
        const hours = end - i >= 3 ? digits(bytes, i + 1, 2) : -1;
        const minutesAt = bytes[i + 3] === 0x3a ? i + 4 : i + 3;
        const minutes = end - minutesAt === 2 ? digits(bytes, minutesAt, 2) : -1;
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
        ms -= (zone === 0x2b ? 1 : -1) * (hours * 3_600_000 + minutes * 60_000);
        result.hasZone = true;
        i = end;
      } else return false;
    }
  }
  if (i !== end) return false;
  result.epochMs = ms;
  return true;
}

/** The value of 2 or 4 ASCII digits at `at`, or -1. */
function digits(bytes: Uint8Array, at: number, count: 2 | 4): number {
  const a = bytes[at]! - 0x30;
  const b = bytes[at + 1]! - 0x30;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  if (count === 2) return a * 10 + b;
  const c = bytes[at + 2]! - 0x30;
  const d = bytes[at + 3]! - 0x30;
  if (c < 0 || c > 9 || d < 0 || d > 9) return -1;
  return a * 1000 + b * 100 + c * 10 + d;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
