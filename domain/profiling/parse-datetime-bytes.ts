/** What {@link parseDatetimeBytes} found besides the instant. */
export interface DatetimeParse {
  /** Milliseconds since the epoch (UTC; a value without a zone is read as UTC). */
  epochMs: number;
  hasTime: boolean;
  hasZone: boolean;
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
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return false;
  let ms = daysFromCivil(year, month, day) * 86_400_000;
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

/** The value of `count` ASCII digits at `at`, or -1. */
function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
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
