import type { FieldCondition, FieldPattern, SubRule } from './field-patterns.js';
import { invalid, InvalidEventPatternError } from './invalid-event-pattern-error.js';
import { singleAddressRange } from './ip-address.js';
import { isJsonObject } from './json-shapes.js';
import { parseMatchExpression } from './parse-match-expression.js';
import { checkWildcardComplexity } from './wildcard-complexity.js';

const OR = '$or';

/** Field names event-ruler refuses inside $or branches, so that an operator is never mistaken for a field. */
const RESERVED_INSIDE_OR: ReadonlySet<string> = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

type Branch = Map<string, FieldCondition>;

/**
 * Validates a pattern (an object, or its JSON text) and expands it into sub-rules, then refuses it if
 * its wildcards are too complex. Every caller (pattern test, rules, the embedded bus) comes through
 * here, so they refuse alike.
 */
export function compilePattern(pattern: unknown): SubRule[] {
  const subRules = expandPattern(pattern);
  // AWS scores complexity only once the whole pattern is valid, so syntax errors are reported first.
  checkWildcardComplexity(subRules);
  return subRules;
}

/**
 * Checks a pattern's syntax and expands it into sub-rules: one per combination of $or branches, each
 * a conjunction of leaf conditions keyed by dotted path. A path written twice keeps its last value
 * list, as event-ruler's default "overriding" does.
 */
export function expandPattern(pattern: unknown): SubRule[] {
  const root = typeof pattern === 'string' ? parseJson(pattern) : pattern;
  if (!isJsonObject(root)) invalid('Filter is not an object');
  const branches: Branch[] = [];
  parseObject(branches, '', root, false);
  return branches.map((branch) => [...branch.values()].sort(byPath));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidEventPatternError((error as Error).message);
  }
}

function byPath(a: FieldCondition, b: FieldCondition): number {
  // Java's String.compareTo order (UTF-16 units), which is also what event-ruler sorts by.
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function parseObject(branches: Branch[], prefix: string, object: Record<string, unknown>, insideOr: boolean): void {
  const keys = Object.keys(object);
  for (const key of keys) {
    const value = object[key];
    if (key === OR) {
      parseOr(branches, prefix, value);
      continue;
    }
    if (insideOr && RESERVED_INSIDE_OR.has(key)) {
      invalid(`${key} is Ruler reserved fieldName which cannot be used inside ${OR}.`);
    }
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isJsonObject(value)) parseObject(branches, path, value, insideOr);
    else if (Array.isArray(value)) addCondition(branches, path, value);
    else invalid(`"${key}" must be an object or an array`);
  }
  if (keys.length === 0) invalid('Empty objects are not allowed');
}

/** Every branch built so far is copied into each $or alternative, which multiplies them out. */
function parseOr(branches: Branch[], prefix: string, alternatives: unknown): void {
  const before = branches.splice(0, branches.length);
  if (!Array.isArray(alternatives)) invalid(`It must be an Array followed with ${OR}.`);
  for (const alternative of alternatives) {
    if (!isJsonObject(alternative)) invalid(`Only JSON object is allowed in array of ${OR} relationship.`);
    const forked = before.length === 0 ? [new Map()] : before.map((branch) => new Map(branch));
    parseObject(forked, prefix, alternative, true);
    branches.push(...forked);
  }
  if (alternatives.length < 2) invalid(`There must have at least 2 Objects in ${OR} relationship.`);
}

function addCondition(branches: Branch[], path: string, values: readonly unknown[]): void {
  const patterns = values.map(parseValue);
  if (patterns.length === 0) invalid('Empty arrays are not allowed');
  const condition: FieldCondition = { path, patterns, key: JSON.stringify(values) };
  if (branches.length === 0) branches.push(new Map());
  for (const branch of branches) branch.set(path, condition);
}

function parseValue(value: unknown): FieldPattern {
  if (isJsonObject(value)) return parseMatchExpression(value);
  if (typeof value === 'string') {
    const range = singleAddressRange(value);
    return range === undefined ? { kind: 'exact-string', value } : { kind: 'exact-ip', range };
  }
  if (typeof value === 'number' && !Number.isNaN(value)) return { kind: 'exact-number', value };
  if (typeof value === 'boolean' || value === null) return { kind: 'exact-literal', value };
  return invalid('Match value must be String, number, true, false, or null');
}
