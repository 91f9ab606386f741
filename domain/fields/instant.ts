import { parseIsoTimestamp, type IsoTimestamp } from './iso-timestamp.js';
import type { InstantEncoding } from './units.js';

/** Epochs between 2001 and 2100: anything else in a time column is a counter, not an instant. */
const EPOCH_S_RANGE = [978_307_200, 4_102_444_800] as const;
const EPOCH_DIGITS = /^\d+(\.\d+)?$/;
const LOCAL_DATE_TIME = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;

/**
 * Reads one cell as an instant in the column's encoding. Epochs and zone-less local times are
 * UTC, so the result never depends on the machine's time zone; the local hour of an epoch is
 * therefore its UTC hour.
 */
export function parseInstant(text: string, encoding: InstantEncoding): IsoTimestamp | undefined {
  const value = text.trim();
  switch (encoding) {
    case 'iso':
      return parseIsoTimestamp(value);
    case 'epoch_s':
    case 'epoch_ms': {
      if (!EPOCH_DIGITS.test(value)) return undefined;
      const epochMs = Math.round(Number(value) * (encoding === 'epoch_s' ? 1000 : 1));
      if (epochMs < EPOCH_S_RANGE[0] * 1000 || epochMs > EPOCH_S_RANGE[1] * 1000) return undefined;
      const date = new Date(epochMs);
      return { epochMs, iso: date.toISOString(), localHour: date.getUTCHours() };
    }
    default:
      return parseLocalDateTime(value, encoding);
  }
}

function parseLocalDateTime(value: string, encoding: 'dmy' | 'mdy' | 'ymd'): IsoTimestamp | undefined {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return undefined;
  const [, a, , b, c, h = '0', mi = '0', s = '0', fraction] = m;
  const [year, month, day] = encoding === 'ymd' ? [a, b, c] : encoding === 'dmy' ? [c, b, a] : [c, a, b];
  if (year!.length !== 4) return undefined;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s}${fraction ?? ''}Z`;
  const parsed = parseIsoTimestamp(iso);
  return parsed && { ...parsed, localHour: Number(h) };
}

export interface DetectedEncoding {
  encoding: InstantEncoding;
  /** How sure the detection is, in words, for the mapping artifact. */
  evidence: string;
}

/**
 * The encoding a column's sample is written in, or undefined when the values fit none. Epoch
 * seconds and milliseconds differ by a factor of a thousand, so their magnitude tells them apart;
 * day-first and month-first dates are told apart by any first or second part above 12, and
 * otherwise by the separator's convention (`.` and `-` day-first, `/` month-first), said so.
 */
export function detectInstantEncoding(sample: readonly string[], hint?: InstantEncoding): DetectedEncoding | undefined {
  const values = sample.map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return hint ? { encoding: hint, evidence: 'no values to check; taken from the name' } : undefined;
  if (values.every((v) => EPOCH_DIGITS.test(v))) {
    const max = Math.max(...values.map(Number));
    const encoding: InstantEncoding = max > EPOCH_S_RANGE[1] ? 'epoch_ms' : 'epoch_s';
    if (values.every((v) => parseInstant(v, encoding)))
      return { encoding, evidence: `digits of ${encoding === 'epoch_ms' ? 'epoch milliseconds' : 'epoch seconds'} (2001-2100)` };
    return undefined;
  }
  if (values.every((v) => parseIsoTimestamp(v))) return { encoding: 'iso', evidence: 'ISO 8601 date-times' };
  const parts = values.map((v) => LOCAL_DATE_TIME.exec(v));
  if (parts.some((p) => !p)) return undefined;
  if (parts.every((p) => p![1]!.length === 4)) return all(values, 'ymd', 'year-first dates');
  if (parts.some((p) => Number(p![1]) > 12)) return all(values, 'dmy', 'day-first dates (a first part above 12)');
  if (parts.some((p) => Number(p![3]) > 12)) return all(values, 'mdy', 'month-first dates (a second part above 12)');
  if (hint === 'dmy' || hint === 'mdy') return all(values, hint, `${hint === 'dmy' ? 'day' : 'month'}-first dates (declared)`);
  const separator = parts[0]![2];
  return separator === '/'
    ? all(values, 'mdy', 'dates with "/" read month-first (no day above 12 to tell); declare :dmy if they are day-first')
    : all(values, 'dmy', `dates with "${separator}" read day-first (no day above 12 to tell); declare :mdy if they are month-first`);
}

function all(values: readonly string[], encoding: InstantEncoding, evidence: string): DetectedEncoding | undefined {
  return values.every((v) => parseInstant(v, encoding)) ? { encoding, evidence } : undefined;
}
