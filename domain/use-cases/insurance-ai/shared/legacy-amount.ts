/** How a delimited file writes its decimals: a semicolon-delimited export writes `1250,00`. */
export type AmountConvention = 'decimal-point' | 'decimal-comma';

/** The convention a file's delimiter implies: a comma-delimited file cannot hold an unquoted decimal comma. */
export function amountConventionOf(delimiter: string | null): AmountConvention {
  return delimiter === ';' ? 'decimal-comma' : 'decimal-point';
}

/**
 * Money as legacy systems write it. Accepted:
 *
 * - leading zeros: `0001250.00`
 * - an optional currency sign (`$`, `€`, `£`) and thousands separators in delimited files: `$1,250.00`
 * - a sign before the digits (`-250.00`) or, COBOL style, after them (`250.00-`)
 * - implied decimals, only where a fixed-width layout declares them (`premium:61-70:v2`): the
 *   field is then digits only and the last N are the fraction, so `0000125000` is 1250.00.
 * - decimal commas, only where the file's convention is `decimal-comma` (semicolon-delimited
 *   European exports): `1.250,00` and `1250,00` are 1250.00; a point followed by one or two
 *   digits (`1250.5`) is still a decimal point, since no thousands group is that short.
 *
 * Amounts are rounded to cents. Anything else (letters, two signs, a decimal point in an implied-decimal field, misplaced
 * separators) is not an amount.
 */

export function parseLegacyAmount(raw: string, impliedDecimals = 0, convention: AmountConvention = 'decimal-point'): number | undefined {
  let value = raw.trim();
  let negative = false;
  if (value.endsWith('-')) {
    negative = true;
    value = value.slice(0, -1).trimEnd();
  } else if (value.startsWith('-')) {
    negative = true;
    value = value.slice(1).trimStart();
  }
  if (impliedDecimals > 0) {
    if (!/^\d+$/.test(value)) return undefined;
    const amount = Number(value) / 10 ** impliedDecimals;
    return signed(roundCents(amount), negative);
  }
  value = value.replace(/^[$€£]/, '').trim();
  if (convention === 'decimal-comma') return decimalComma(value, negative);
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(value) && !/^\.\d+$/.test(value)) return undefined;
  return signed(roundCents(Number(value.replace(/,/g, ''))), negative);
}

function decimalComma(value: string, negative: boolean): number | undefined {
  if (/^\d+\.\d{1,2}$/.test(value)) return signed(roundCents(Number(value)), negative);
  if (!/^(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.test(value)) return undefined;
  return signed(roundCents(Number(value.replace(/\./g, '').replace(',', '.'))), negative);
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function signed(amount: number, negative: boolean): number {
  return negative && amount !== 0 ? -amount : amount;
}
