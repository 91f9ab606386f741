import { compileEventPattern } from './event-pattern.js';
import { valueAt } from './value-at.js';

/** One condition of a pattern that the event does not meet. */
export interface FieldMismatch {
  /** Dotted path of the field in the event (`detail.input.key`), or of the `$or` block. */
  field: string;
  /** What the pattern asks there. */
  expected: unknown;
  /** The event's value there; undefined when the field is absent. */
  actual: unknown;
}

/**
 * Why an event does not match a (valid) pattern: each condition is tried alone with the same
 * matcher, so the answer follows AWS's semantics exactly rather than a second reading of them.
 * An empty list means every condition holds alone but not all together (values spread over
 * the elements of an array).
 */
export function explainMismatch(pattern: Record<string, unknown>, event: unknown): FieldMismatch[] {
  return conditionsOf(pattern, []).flatMap(({ path, expected }) => {
    const alone = path.reduceRight<unknown>((inner, field) => ({ [field]: inner }), expected);
    if (compileEventPattern(alone).matches(event)) return [];
    const fields = path.filter((part) => part !== '$or');
    return [{ field: path.join('.'), expected, actual: valueAt(event, fields) }];
  });
}

function conditionsOf(pattern: Record<string, unknown>, path: string[]): { path: string[]; expected: unknown }[] {
  return Object.entries(pattern).flatMap(([field, expected]) => {
    if (field === '$or' || Array.isArray(expected)) return [{ path: [...path, field], expected }];
    if (expected && typeof expected === 'object') return conditionsOf(expected as Record<string, unknown>, [...path, field]);
    return [];
  });
}
