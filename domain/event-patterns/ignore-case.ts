/**
 * Case-insensitive comparison as event-ruler does it: each UTF-16 unit of the operand may appear in
 * the event either lower-cased or upper-cased (Locale.ROOT), and nothing else. That is not
 * `a.toLowerCase() === b.toLowerCase()`: "ß" accepts "ß" or "SS" but not "ss", and a title-case
 * letter such as "ǅ" matches neither "ǆ" nor "Ǆ".
 */
export interface IgnoreCaseText {
  /** Per operand unit, the accepted spellings: [lower, upper], or [same] when casing is a no-op. */
  readonly units: readonly (readonly string[])[];
  /** True when every spelling is one UTF-16 unit long, which allows a fixed-position scan. */
  readonly simple: boolean;
  readonly length: number;
}

export function compileIgnoreCase(operand: string): IgnoreCaseText {
  const units: string[][] = [];
  let simple = true;
  for (let i = 0; i < operand.length; i++) {
    const unit = operand[i]!;
    const lower = unit.toLowerCase();
    const upper = unit.toUpperCase();
    const spellings = lower === upper ? [lower] : [lower, upper];
    if (lower.length !== 1 || upper.length !== 1) simple = false;
    units.push(spellings);
  }
  return { units, simple, length: operand.length };
}

export function equalsIgnoreCase(text: IgnoreCaseText, value: string): boolean {
  if (text.simple) return value.length === text.length && simpleRunMatches(text, value, 0);
  return matchFrom(text, value, 0, 0, true);
}

export function startsWithIgnoreCase(text: IgnoreCaseText, value: string): boolean {
  if (text.simple) return value.length >= text.length && simpleRunMatches(text, value, 0);
  return matchFrom(text, value, 0, 0, false);
}

export function endsWithIgnoreCase(text: IgnoreCaseText, value: string): boolean {
  if (text.simple) return value.length >= text.length && simpleRunMatches(text, value, value.length - text.length);
  return matchBackFrom(text, value, text.units.length - 1, value.length);
}

function simpleRunMatches(text: IgnoreCaseText, value: string, offset: number): boolean {
  const units = text.units;
  for (let i = 0; i < units.length; i++) {
    const spellings = units[i]!;
    const actual = value.charCodeAt(offset + i);
    if (actual !== spellings[0]!.charCodeAt(0) && (spellings.length === 1 || actual !== spellings[1]!.charCodeAt(0))) {
      return false;
    }
  }
  return true;
}

// Spellings can differ in length ("ß"/"SS"), so the general case tries each one in turn.
function matchFrom(text: IgnoreCaseText, value: string, unit: number, position: number, whole: boolean): boolean {
  if (unit === text.units.length) return !whole || position === value.length;
  for (const spelling of text.units[unit]!) {
    if (value.startsWith(spelling, position) && matchFrom(text, value, unit + 1, position + spelling.length, whole)) {
      return true;
    }
  }
  return false;
}

function matchBackFrom(text: IgnoreCaseText, value: string, unit: number, end: number): boolean {
  if (unit < 0) return true;
  for (const spelling of text.units[unit]!) {
    const start = end - spelling.length;
    if (start >= 0 && value.startsWith(spelling, start) && matchBackFrom(text, value, unit - 1, start)) return true;
  }
  return false;
}
