import { isComparableNumber } from './comparable-number.js';
import type { FieldPattern, NumericRange } from './field-patterns.js';
import { compileIgnoreCase, endsWithIgnoreCase, equalsIgnoreCase, startsWithIgnoreCase } from './ignore-case.js';
import { ipInRange, parseIpAddress, type IpRange } from './ip-address.js';
import { matchesWildcard, type WildcardPattern } from './wildcard.js';

/** A leaf value of an event: whatever JSON.parse produced that is not an object or array. */
export type Leaf = string | number | boolean | null;
export type ValueTest = (value: Leaf) => boolean;

/**
 * Turns one value-list entry into a predicate over a single leaf. `exists` and `absent` are about
 * whether the field has leaves at all and are handled by the caller (see field-check.ts).
 *
 * Type rules follow event-ruler, which compares JSON text: strings only match string operators,
 * numbers only numeric ones, and every anything-but form matches any leaf of another type
 * (including null), because such a leaf can never equal the excluded values.
 */
export function valueTest(pattern: Exclude<FieldPattern, { kind: 'exists' } | { kind: 'absent' }>): ValueTest {
  switch (pattern.kind) {
    case 'exact-string': {
      const expected = pattern.value;
      return (value) => value === expected;
    }
    case 'exact-number': {
      // Within the numeric range event-ruler compares by value (300 = 3.0e2); beyond it, it compares
      // the JSON text, which JSON.parse has discarded, so by value is the closest available.
      const expected = pattern.value;
      return (value) => value === expected;
    }
    case 'exact-literal': {
      const expected = pattern.value;
      return (value) => value === expected;
    }
    case 'exact-ip':
    case 'cidr':
      return addressTest(pattern.range);
    case 'prefix': {
      const prefix = pattern.value;
      return (value) => typeof value === 'string' && value.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.value;
      return (value) => typeof value === 'string' && value.endsWith(suffix);
    }
    case 'prefix-ignore-case': {
      const text = compileIgnoreCase(pattern.value);
      return (value) => typeof value === 'string' && startsWithIgnoreCase(text, value);
    }
    case 'suffix-ignore-case': {
      const text = compileIgnoreCase(pattern.value);
      return (value) => typeof value === 'string' && endsWithIgnoreCase(text, value);
    }
    case 'equals-ignore-case': {
      const text = compileIgnoreCase(pattern.value);
      return (value) => typeof value === 'string' && equalsIgnoreCase(text, value);
    }
    case 'wildcard': {
      const wildcard = pattern.value;
      return (value) => typeof value === 'string' && matchesWildcard(wildcard, value);
    }
    case 'numeric':
      return numericTest(pattern.range);
    case 'anything-but-strings': {
      const excluded = new Set(pattern.values);
      return (value) => typeof value !== 'string' || !excluded.has(value);
    }
    case 'anything-but-numbers': {
      const excluded = new Set(pattern.values);
      return (value) => typeof value !== 'number' || !excluded.has(value);
    }
    case 'anything-but-prefix':
      return noneOf(pattern.values, (prefix, value) => value.startsWith(prefix));
    case 'anything-but-suffix':
      return noneOf(pattern.values, (suffix, value) => value.endsWith(suffix));
    case 'anything-but-ignore-case':
      return noneOf(pattern.values.map(compileIgnoreCase), equalsIgnoreCase);
    case 'anything-but-wildcard':
      return noneOf<WildcardPattern>(pattern.values, matchesWildcard);
  }
}

/** anything-but over string refinements: any non-string passes; a string passes unless an operand hits. */
function noneOf<T>(operands: readonly T[], hits: (operand: T, value: string) => boolean): ValueTest {
  return (value) => {
    if (typeof value !== 'string') return true;
    for (let i = 0; i < operands.length; i++) if (hits(operands[i]!, value)) return false;
    return true;
  };
}

function addressTest(range: IpRange): ValueTest {
  return (value) => {
    if (typeof value !== 'string') return false;
    const address = parseIpAddress(value);
    return address !== undefined && ipInRange(range, address);
  };
}

function numericTest({ bottom, openBottom, top, openTop }: NumericRange): ValueTest {
  return (value) =>
    typeof value === 'number' && isComparableNumber(value) && (openBottom ? value > bottom : value >= bottom) && (openTop ? value < top : value <= top);
}
