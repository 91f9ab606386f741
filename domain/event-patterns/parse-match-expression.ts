import type { FieldPattern } from './field-patterns.js';
import { invalid } from './invalid-event-pattern-error.js';
import { parseCidr } from './ip-address.js';
import { isJsonObject } from './json-shapes.js';
import { parseAnythingBut } from './parse-anything-but.js';
import { parseNumericExpression } from './parse-numeric.js';
import { parseWildcard } from './wildcard.js';

const ONE_KEY_ONLY = 'Only one key allowed in match expression';

/**
 * Parses an object inside a pattern's value list, such as `{"prefix": "us-"}`. Operator names are
 * case-sensitive. The operand is validated before extra keys are reported, as event-ruler reads
 * the JSON front to back.
 */
export function parseMatchExpression(expression: Record<string, unknown>): FieldPattern {
  const keys = Object.keys(expression);
  const operator = keys[0];
  if (operator === undefined) invalid('Match expression name not found');
  const operand = expression[operator];
  const hasSiblingKeys = keys.length > 1;
  const single = (pattern: FieldPattern): FieldPattern => (hasSiblingKeys ? invalid(ONE_KEY_ONLY) : pattern);

  switch (operator) {
    case 'exactly':
      return single({ kind: 'exact-string', value: requireString(operand, 'exact match pattern must be a string') });
    case 'prefix':
      if (isJsonObject(operand)) return single(parseIgnoreCaseRefinement(operand, 'Prefix', 'prefix-ignore-case'));
      return single({ kind: 'prefix', value: requireString(operand, 'prefix match pattern must be a string') });
    case 'suffix':
      if (isJsonObject(operand)) return single(parseIgnoreCaseRefinement(operand, 'Suffix', 'suffix-ignore-case'));
      return single({ kind: 'suffix', value: requireString(operand, 'suffix match pattern must be a string') });
    case 'equals-ignore-case':
      return single({
        kind: 'equals-ignore-case',
        value: requireString(operand, 'equals-ignore-case match pattern must be a string'),
      });
    case 'wildcard':
      return single({
        kind: 'wildcard',
        value: parseWildcard(requireString(operand, 'wildcard match pattern must be a string')),
      });
    case 'numeric': {
      if (!Array.isArray(operand)) invalid('Value of numeric must be an array.');
      const range = parseNumericExpression(operand);
      if (hasSiblingKeys) invalid('Too many elements in numeric expression');
      return { kind: 'numeric', range };
    }
    case 'anything-but':
      return parseAnythingBut(operand, hasSiblingKeys);
    case 'exists':
      if (typeof operand !== 'boolean') invalid('exists match pattern must be either true or false.');
      return single(operand ? { kind: 'exists' } : { kind: 'absent' });
    case 'cidr':
      // event-ruler really does call a non-string cidr operand a "prefix match pattern".
      return single({ kind: 'cidr', range: parseCidr(requireString(operand, 'prefix match pattern must be a string')) });
    default:
      return invalid(`Unrecognized match type ${operator}`);
  }
}

/** `{"prefix": {"equals-ignore-case": "..."}}` and its suffix twin. */
function parseIgnoreCaseRefinement(
  refinement: Record<string, unknown>,
  label: 'Prefix' | 'Suffix',
  kind: 'prefix-ignore-case' | 'suffix-ignore-case',
): FieldPattern {
  const keys = Object.keys(refinement);
  const operator = keys[0];
  if (operator === undefined) invalid(`${label} expression name not found`);
  if (operator !== 'equals-ignore-case') invalid(`Unsupported ${label.toLowerCase()} pattern: ${operator}`);
  const value = requireString(refinement[operator], 'equals-ignore-case match pattern must be a string');
  if (keys.length > 1) invalid(ONE_KEY_ONLY);
  return { kind, value };
}

function requireString(value: unknown, reason: string): string {
  return typeof value === 'string' ? value : invalid(reason);
}
