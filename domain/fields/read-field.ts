import type { IsoTimestamp } from './iso-timestamp.js';
import type { ResolvedField } from './field-mapping.js';
import { parseInstant } from './instant.js';
import { readNumber } from './read-number.js';

/** A cell of a quantity field, converted to the field's unit; undefined when unreadable. */
export function readQuantity(field: ResolvedField, text: string): number | undefined {
  const value = readNumber(text);
  if (value === undefined) return undefined;
  return field.unit && field.unit.factor !== 1 ? value * field.unit.factor : value;
}

/** A cell of an instant field in the column's encoding. */
export function readInstant(field: ResolvedField, text: string): IsoTimestamp | undefined {
  return parseInstant(text, field.encoding?.name ?? 'iso');
}

/** How a field's values were read, in words, e.g. `mph -> km/h (x1.609344)` or `epoch milliseconds`. */
export function describeReading(field: ResolvedField): string {
  if (field.unit)
    return field.unit.factor === 1
      ? `${field.unit.to}${field.unit.source === 'assumed' ? ' (assumed: no unit in the name)' : ''}`
      : `${field.unit.from} -> ${field.unit.to} (x${field.unit.factor})`;
  if (field.encoding) return `${field.encoding.name}: ${field.encoding.evidence}`;
  return field.kind;
}
