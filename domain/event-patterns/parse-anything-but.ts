import { numericProblem } from './comparable-number.js';
import type { FieldPattern } from './field-patterns.js';
import { invalid } from './invalid-event-pattern-error.js';
import { isJsonObject } from './json-shapes.js';
import { parseWildcard } from './wildcard.js';

// event-ruler reports an extra key in any anything-but object with its numeric wording.
const TOO_MANY_ELEMENTS = 'Too many elements in numeric expression';
const BAD_OPERAND = 'Value of anything-but must be an array or single string/number value.';

type Refinement = 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard';
const REFINEMENTS: ReadonlySet<string> = new Set<Refinement>(['equals-ignore-case', 'prefix', 'suffix', 'wildcard']);

/** Parses the operand of `anything-but`; `hasSiblingKeys` is whether the match expression had other keys. */
export function parseAnythingBut(operand: unknown, hasSiblingKeys: boolean): FieldPattern {
  if (isJsonObject(operand)) {
    const pattern = parseRefined(operand);
    if (hasSiblingKeys) invalid(TOO_MANY_ELEMENTS);
    return pattern;
  }
  if (!isListOrScalar(operand)) invalid(BAD_OPERAND);
  const pattern = Array.isArray(operand) ? parseValueList(operand) : parseSingleValue(operand);
  if (hasSiblingKeys) invalid(TOO_MANY_ELEMENTS);
  return pattern;
}

function isListOrScalar(operand: unknown): operand is unknown[] | string | number {
  return Array.isArray(operand) || typeof operand === 'string' || typeof operand === 'number';
}

function parseSingleValue(value: string | number): FieldPattern {
  if (typeof value === 'string') return { kind: 'anything-but-strings', values: [value] };
  checkNumber(value);
  return { kind: 'anything-but-numbers', values: [value] };
}

/** A plain list must be all strings or all numbers, and not empty. */
function parseValueList(list: readonly unknown[]): FieldPattern {
  const strings: string[] = [];
  const numbers: number[] = [];
  for (const value of list) {
    if (typeof value === 'string') strings.push(value);
    else if (typeof value === 'number') {
      checkNumber(value);
      numbers.push(value);
    } else invalid('Inside anything but list, start|null|boolean is not supported.');
  }
  if (strings.length > 0 === numbers.length > 0) {
    invalid('Inside anything but list, either all values are number or string, mixed type is not supported');
  }
  return strings.length > 0 ? { kind: 'anything-but-strings', values: strings } : { kind: 'anything-but-numbers', values: numbers };
}

function checkNumber(value: number): void {
  const problem = numericProblem(value);
  if (problem !== undefined) invalid(problem);
}

/** `{"anything-but": {"prefix" | "suffix" | "equals-ignore-case" | "wildcard": string | string[]}}` */
function parseRefined(refinement: Record<string, unknown>): FieldPattern {
  const keys = Object.keys(refinement);
  const kind = keys[0];
  if (kind === undefined) invalid('Anything-But expression name not found');
  if (!REFINEMENTS.has(kind)) invalid(`Unsupported anything-but pattern: ${kind}`);
  const operand = refinement[kind];
  if (!isListOrScalar(operand)) invalid(BAD_OPERAND);
  const values = (Array.isArray(operand) ? operand : [operand]).map((value) => refinedValue(kind as Refinement, value));
  if (keys.length > 1) invalid(TOO_MANY_ELEMENTS);
  switch (kind as Refinement) {
    case 'prefix':
      return { kind: 'anything-but-prefix', values };
    case 'suffix':
      return { kind: 'anything-but-suffix', values };
    case 'equals-ignore-case':
      return { kind: 'anything-but-ignore-case', values };
    case 'wildcard':
      return { kind: 'anything-but-wildcard', values: values.map(parseWildcard) };
  }
}

function refinedValue(kind: Refinement, value: unknown): string {
  if (typeof value !== 'string') {
    if (kind === 'equals-ignore-case') {
      invalid('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
    }
    if (kind === 'wildcard') invalid('wildcard match pattern must be a string');
    invalid('prefix/suffix match pattern must be a string');
  }
  if ((kind === 'prefix' || kind === 'suffix') && value === '') invalid('Null prefix/suffix not allowed');
  return value;
}
