/**
 * Money as legacy systems write it. Accepted:
 *
 * - leading zeros: `0001250.00`
 * - an optional `$` and thousands separators in delimited files: `$1,250.00`
 * - a sign before the digits (`-250.00`) or, COBOL style, after them (`250.00-`)
 * - implied decimals, only where a fixed-width layout declares them (`premium:61-70:v2`): the
 *   field is then digits only and the last N are the fraction, so `0000125000` is 1250.00.
 *
 * Amounts are rounded to cents. Anything else (letters, two signs, a decimal point in an implied-decimal field, misplaced
 * separators) is not an amount.
 */
export function parseLegacyAmount(raw: string, impliedDecimals = 0): number | undefined {
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
  value = value.replace(/^\$/, '');
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(value) && !/^\.\d+$/.test(value)) return undefined;
  return signed(roundCents(Number(value.replace(/,/g, ''))), negative);
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function signed(amount: number, negative: boolean): number {
  return negative && amount !== 0 ? -amount : amount;
}
