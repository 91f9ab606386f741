import type { FieldCondition, FieldPattern } from './field-patterns.js';
import { valueTest, type Leaf, type ValueTest } from './value-tests.js';

/** A compiled field condition: what a leaf must satisfy, and whether having no leaf is fine too. */
export interface FieldCheck {
  readonly path: string;
  readonly test: ValueTest;
  /** `{"exists": false}` is in the value list. */
  readonly acceptsAbsence: boolean;
  /** Rough relative cost, so cheap and selective checks run first when order does not matter. */
  readonly cost: number;
  /** Set when the check is nothing but a list of exact strings, which lets rules be indexed by it. */
  readonly exactStrings: readonly string[] | undefined;
}

const COST: Record<FieldPattern['kind'], number> = {
  'exact-string': 1,
  'exact-number': 1,
  'exact-literal': 1,
  exists: 1,
  absent: 1,
  prefix: 2,
  suffix: 2,
  numeric: 3,
  'anything-but-strings': 4,
  'anything-but-numbers': 4,
  'anything-but-prefix': 4,
  'anything-but-suffix': 4,
  'equals-ignore-case': 5,
  'prefix-ignore-case': 5,
  'suffix-ignore-case': 5,
  'anything-but-ignore-case': 6,
  wildcard: 6,
  'anything-but-wildcard': 7,
  'exact-ip': 8,
  cidr: 8,
};

const ANY_LEAF: ValueTest = () => true;
const NO_LEAF: ValueTest = () => false;

export function compileFieldCheck(condition: FieldCondition): FieldCheck {
  const patterns = condition.patterns;
  const acceptsAbsence = patterns.some((pattern) => pattern.kind === 'absent');
  const cost = patterns.reduce((total, pattern) => total + COST[pattern.kind], 0);
  const strings = patterns.flatMap((pattern) => (pattern.kind === 'exact-string' ? [pattern.value] : []));
  const exactStrings = strings.length === patterns.length ? strings : undefined;
  return { path: condition.path, test: combinedTest(patterns), acceptsAbsence, cost, exactStrings };
}

function combinedTest(patterns: readonly FieldPattern[]): ValueTest {
  if (patterns.some((pattern) => pattern.kind === 'exists')) return ANY_LEAF;
  const tests: ValueTest[] = [];
  const exactStrings: string[] = [];
  for (const pattern of patterns) {
    if (pattern.kind === 'absent' || pattern.kind === 'exists') continue;
    if (pattern.kind === 'exact-string') exactStrings.push(pattern.value);
    else tests.push(valueTest(pattern));
  }
  if (exactStrings.length > 0) tests.unshift(exactStringTest(exactStrings));
  if (tests.length === 0) return NO_LEAF;
  if (tests.length === 1) return tests[0]!;
  return (value: Leaf) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(value)) return true;
    return false;
  };
}

// Value lists like ["Object Created", "Object Deleted"] are common; a Set only pays off when long.
function exactStringTest(values: readonly string[]): ValueTest {
  if (values.length === 1) {
    const only = values[0]!;
    return (value) => value === only;
  }
  if (values.length <= 8) {
    return (value) => typeof value === 'string' && values.includes(value);
  }
  const set = new Set(values);
  return (value) => typeof value === 'string' && set.has(value);
}
