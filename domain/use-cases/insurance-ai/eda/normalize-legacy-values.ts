import { parseLegacyAmount, type AmountConvention } from '../shared/legacy-amount.js';
import { parseLegacyDate } from '../shared/legacy-date.js';

/** Fields by name: records reach here keyed by field (see field-records.ts), whatever the file calls its columns. */
export const DATE_COLUMNS = ['effective_date', 'claim_date', 'reported_date'] as const;
export const AMOUNT_COLUMNS = ['premium', 'claim_amount', 'reserve_amount'] as const;
export const CODE_COLUMNS = ['line_of_business', 'state', 'claim_status'] as const;

/** How the legacy values were written: the work a modernisation would have to automate. */
export interface LegacyFormatTally {
  dateFormats: Record<string, number>;
  /** All-zero dates read as "no date". */
  sentinelDates: number;
  unreadableDates: number;
  /** Amounts with a $, thousands commas, leading zeros or a trailing minus. */
  decoratedAmounts: number;
  unreadableAmounts: number;
  /** Codes that needed trimming or upper-casing. */
  unevenCodes: number;
}

export function emptyTally(): LegacyFormatTally {
  return { dateFormats: {}, sentinelDates: 0, unreadableDates: 0, decoratedAmounts: 0, unreadableAmounts: 0, unevenCodes: 0 };
}

/**
 * One record's values as the analysis reads them: dates as ISO, amounts as plain numbers, codes
 * upper-case. What cannot be read stays as written, so the profile shows it as a mixed column
 * instead of hiding it.
 */
export function normalizeLegacyValues(
  values: Readonly<Record<string, string | null>>,
  tally: LegacyFormatTally,
  amounts: AmountConvention = 'decimal-point',
): Record<string, string | null> {
  const out: Record<string, string | null> = { ...values };
  for (const column of DATE_COLUMNS) {
    const raw = values[column];
    if (raw === null || raw === undefined) continue;
    const parsed = parseLegacyDate(raw);
    if (parsed.kind === 'date') {
      tally.dateFormats[parsed.format] = (tally.dateFormats[parsed.format] ?? 0) + 1;
      out[column] = parsed.iso;
    } else if (parsed.kind === 'null') {
      tally.sentinelDates++;
      out[column] = null;
    } else tally.unreadableDates++;
  }
  for (const column of AMOUNT_COLUMNS) {
    const raw = values[column];
    if (raw === null || raw === undefined) continue;
    const amount = parseLegacyAmount(raw, 0, amounts);
    if (amount === undefined) tally.unreadableAmounts++;
    else {
      if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(raw.trim())) tally.decoratedAmounts++;
      out[column] = String(amount);
    }
  }
  for (const column of CODE_COLUMNS) {
    const raw = values[column];
    if (raw === null || raw === undefined) continue;
    const code = raw.trim().toUpperCase();
    if (code !== raw) tally.unevenCodes++;
    out[column] = code;
  }
  return out;
}
