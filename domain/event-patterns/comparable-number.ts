/**
 * EventBridge documents numeric matching as limited to -5.0e9..+5.0e9 with at most six digits
 * right of the decimal point. Pattern operands outside that are rejected; event values outside it
 * simply never satisfy a `numeric` condition (event-ruler falls back to comparing them as text).
 *
 * event-ruler itself has compared any float64 since 1.8 (1.7 had already widened the range), but
 * the guide still states these limits. The project follows the guide: a pattern it accepts then
 * deploys whichever ruler the service runs, whereas following event-ruler could let a rule work
 * here and be refused at deploy. The cost falls on events instead: a value past the limits never
 * matches here, even where the service may already match it.
 */
export const NUMERIC_LIMIT = 5e9;
export const MAX_DECIMAL_PLACES = 6;

export const OUT_OF_RANGE_REASON = 'Value must be between -5.0E9 and 5.0E9, inclusive';
export const TOO_PRECISE_REASON = 'Only values upto 6 decimals are supported';

/** Why `value` cannot take part in numeric comparison, or undefined when it can. */
export function numericProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return OUT_OF_RANGE_REASON;
  // event-ruler checks the precision before the range.
  if (!Number.isInteger(value) && decimalPlaces(value) > MAX_DECIMAL_PLACES) return TOO_PRECISE_REASON;
  if (value < -NUMERIC_LIMIT || value > NUMERIC_LIMIT) return OUT_OF_RANGE_REASON;
  return undefined;
}

/** Hot path for event values: integers in range need no string work. */
export function isComparableNumber(value: number): boolean {
  if (!(value >= -NUMERIC_LIMIT && value <= NUMERIC_LIMIT)) return false;
  return Number.isInteger(value) || decimalPlaces(value) <= MAX_DECIMAL_PLACES;
}

/**
 * Digits after the decimal point in the shortest text that round-trips `value` — the closest we can
 * get to the JSON text event-ruler sees, since JSON.parse has already thrown the original away.
 */
function decimalPlaces(value: number): number {
  const text = String(value);
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt < 0 ? text : text.slice(0, exponentAt);
  const exponent = exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1));
  const dot = mantissa.indexOf('.');
  const fractionDigits = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fractionDigits - exponent);
}
