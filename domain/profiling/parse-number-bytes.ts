/** What {@link parseNumberBytes} found. */
export const NumberShape = { none: 0, integer: 1, float: 2 } as const;

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT_DIGITS = 15;

/**
 * Reads a decimal number straight from bytes, with the rules the platform's schema inference
 * uses: optional sign, digits with an optional fraction and exponent; a leading zero before
 * another digit ("02134") is a code, not a number; integers must be safe (≤ 2^53). The value
 * lands in `result.value`. Up to 15 significant digits and a power of ten within ±22, the
 * mantissa and the power are both exact doubles, so one multiplication or division rounds
 * correctly (Clinger's fast path) and gives exactly what Number() gives; anything longer goes
 * through Number() on the text.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, result: { value: number }): number {
  let i = start;
  let negative = false;
  const first = bytes[i]!;
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i++;
  }
  if (i >= end) return NumberShape.none;
  if (bytes[i] === 0x30 && i + 1 < end && isDigit(bytes[i + 1]!)) return NumberShape.none;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let exponent = 0;
  let b = 0;
  for (; i < end; i++) {
    b = bytes[i]! - 0x30;
    if (b < 0 || b > 9) break;
    if (significant > 0 || b !== 0) {
      mantissa = mantissa * 10 + b;
      significant++;
    }
    digits++;
  }
  let shape: number = NumberShape.integer;
  if (i < end && bytes[i] === 0x2e) {
    shape = NumberShape.float;
    for (i++; i < end; i++) {
      b = bytes[i]! - 0x30;
      if (b < 0 || b > 9) break;
      if (significant > 0 || b !== 0) {
        mantissa = mantissa * 10 + b;
        significant++;
      }
      exponent--;
      digits++;
    }
  }
  if (digits === 0) return NumberShape.none;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    shape = NumberShape.float;
    i++;
    let exponentNegative = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) exponentNegative = bytes[i++] === 0x2d;
    let written = 0;
    let expDigits = 0;
    for (; i < end; i++) {
      b = bytes[i]! - 0x30;
      if (b < 0 || b > 9) break;
      if (written < 100_000) written = written * 10 + b;
      expDigits++;
    }
    if (expDigits === 0) return NumberShape.none;
    exponent += exponentNegative ? -written : written;
  }
  if (i !== end) return NumberShape.none;

  if (shape === NumberShape.integer) {
    if (significant <= MAX_EXACT_DIGITS) {
      result.value = negative ? -mantissa : mantissa;
      return shape;
    }
    const value = Number(latin1(bytes, start, end));
    if (!Number.isSafeInteger(value)) return NumberShape.none;
    result.value = value;
    return shape;
  }
  let value: number;
  if (significant <= MAX_EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
    value = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent]! : mantissa * POWERS_OF_TEN[exponent]!;
    if (negative) value = -value;
  } else {
    value = Number(latin1(bytes, start, end));
    if (!Number.isFinite(value)) return NumberShape.none;
  }
  result.value = value === 0 ? 0 : value;
  return shape;
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
