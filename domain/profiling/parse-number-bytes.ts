/** What {@link parseNumberBytes} found. */
export const NumberShape = { none: 0, integer: 1, float: 2 } as const;

const POWERS_OF_TEN = new Float64Array(23).map((_, i) => 10 ** i);
/** Below this, every partial sum of the digits was an exact double. */
const EXACT_MANTISSA = 2 ** 53;

/**
 * Reads a decimal number straight from bytes, with the rules the platform's schema inference
 * uses: optional sign, digits with an optional fraction and exponent; a leading zero before
 * another digit ("02134") is a code, not a number; integers must be safe (≤ 2^53). The value
 * lands in `result.value`. While the digits form an integer below 2^53 and the power of ten is
 * within ±22, both are exact doubles and one multiplication or division rounds correctly
 * (Clinger's fast path), giving exactly what Number() gives; anything longer goes through
 * Number() on the text.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, result: { value: number }): number {
  let i = start;
  let negative = false;
  let b = bytes[i]!;
  if (b === 0x2d || b === 0x2b) {
    negative = b === 0x2d;
    if (++i >= end) return NumberShape.none;
    b = bytes[i]!;
  }
  if (b === 0x30 && i + 1 < end) {
    const next = bytes[i + 1]!;
    if (next >= 0x30 && next <= 0x39) return NumberShape.none;
  }
  let mantissa = 0;
  const digitsStart = i;
  for (; i < end; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
  }
  let digits = i - digitsStart;
  let exponent = 0;
  let shape: number = NumberShape.integer;
  if (i < end && bytes[i] === 0x2e) {
    shape = NumberShape.float;
    const fractionStart = ++i;
    for (; i < end; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    exponent = fractionStart - i;
    digits -= exponent;
  }
  if (digits === 0) return NumberShape.none;
  if (i < end) {
    b = bytes[i]!;
    if (b !== 0x65 && b !== 0x45) return NumberShape.none;
    shape = NumberShape.float;
    let exponentNegative = false;
    if (++i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) exponentNegative = bytes[i++] === 0x2d;
    const expStart = i;
    let written = 0;
    for (; i < end; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) return NumberShape.none;
      if (written < 100_000) written = written * 10 + d;
    }
    if (i === expStart) return NumberShape.none;
    exponent += exponentNegative ? -written : written;
  }

  if (mantissa < EXACT_MANTISSA) {
    if (shape === NumberShape.integer) {
      result.value = negative ? 0 - mantissa : mantissa;
      return shape;
    }
    if (exponent >= -22 && exponent <= 22) {
      const value = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent]! : mantissa * POWERS_OF_TEN[exponent]!;
      result.value = negative ? 0 - value : value;
      return shape;
    }
  }
  const value = Number(latin1(bytes, start, end));
  if (shape === NumberShape.integer ? !Number.isSafeInteger(value) : !Number.isFinite(value)) return NumberShape.none;
  result.value = value === 0 ? 0 : value;
  return shape;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
