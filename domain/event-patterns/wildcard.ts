import { invalid } from './invalid-event-pattern-error.js';

/** A wildcard operand split at its unescaped `*`s: the literal text between them. */
export interface WildcardPattern {
  /** One more segment than there are wildcards; a pattern without `*` has a single segment. */
  readonly segments: readonly string[];
}

const ASTERISK = 0x2a;
const BACKSLASH = 0x5c;

/**
 * Parses a wildcard operand with event-ruler's rules: `*` matches any run of characters, `\*` is a
 * literal asterisk, `\\` a literal backslash, any other escape is refused, and so is `**`.
 * Error positions are UTF-8 byte offsets into the operand wrapped in double quotes, because that is
 * the string event-ruler scans, so AWS reports them one higher than a plain string index.
 */
export function parseWildcard(operand: string): WildcardPattern {
  const segments: string[] = [];
  let current = '';
  let bytePosition = 1; // the opening quote
  for (let i = 0; i < operand.length; i++) {
    const code = operand.charCodeAt(i);
    if (code === ASTERISK) {
      if (operand.charCodeAt(i + 1) === ASTERISK) invalid(`Consecutive wildcard characters at pos ${bytePosition}`);
      segments.push(current);
      current = '';
    } else if (code === BACKSLASH) {
      const next = operand.charCodeAt(i + 1);
      if (next !== ASTERISK && next !== BACKSLASH) invalid(`Invalid escape character at pos ${bytePosition}`);
      current += operand[i + 1];
      i++;
      bytePosition++;
    } else {
      current += operand[i];
    }
    bytePosition += utf8Length(code, operand.charCodeAt(i + 1));
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(operand.charCodeAt(i + 1))) {
      current += operand[i + 1];
      i++;
    }
  }
  segments.push(current);
  return { segments };
}

function utf8Length(code: number, next: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(next)) return 4;
  return 3;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Leftmost-first segment search is exact for `*`-only globs and never backtracks. */
export function matchesWildcard(pattern: WildcardPattern, value: string): boolean {
  const segments = pattern.segments;
  const last = segments.length - 1;
  const first = segments[0]!;
  if (last === 0) return value === first;
  const final = segments[last]!;
  if (value.length < first.length + final.length) return false;
  if (!value.startsWith(first) || !value.endsWith(final)) return false;
  let position = first.length;
  const end = value.length - final.length;
  for (let i = 1; i < last; i++) {
    const segment = segments[i]!;
    if (segment === '') continue;
    const found = value.indexOf(segment, position);
    if (found < 0 || found + segment.length > end) return false;
    position = found + segment.length;
  }
  return true;
}
