/**
 * A value with every fractional number rounded to 12 significant digits: a profile merged from
 * shards sums its moments in another order than one pass does, so they agree to the last few bits.
 */
export function roundedFigures(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v)));
}
