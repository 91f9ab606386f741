import type { Unit } from './units.js';

/**
 * What a value of a field is. The kind picks the content check that confirms a column by its
 * values, and how a raw cell is read (a number, an instant, text).
 */
export type FieldKind =
  'identifier' | 'text' | 'category' | 'number' | 'amount' | 'instant' | 'date' | 'latitude' | 'longitude' | 'email' | 'phone' | 'national_id';

/** One thing a use case's steps read, declared once in the use-case module. */
export interface FieldSpec {
  /** The field's name in mappings and artifacts, snake_case (e.g. `speed`, `policy_id`). */
  readonly name: string;
  readonly kind: FieldKind;
  /** The unit the steps work in; columns in another unit of the same quantity are converted. */
  readonly unit?: Unit;
  readonly required: boolean;
  /** Column names that mean this field, normalised (see normalizeColumnName); the field's own name always counts. */
  readonly synonyms: readonly string[];
  readonly description: string;
  /** For optional fields: what the journey leaves out without it, said to the user. */
  readonly withoutIt?: string;
  /** A use-case-specific content check (e.g. legacy date formats); replaces the kind's default. */
  readonly accepts?: (value: string) => boolean;
}

/** Every field a use case reads, and which combinations of optional fields must be present. */
export interface FieldSet {
  readonly useCase: string;
  readonly fields: readonly FieldSpec[];
  /**
   * Groups of which at least one must be fully present, with the reason shown when none is:
   * an insurance file is a policy register or a claims register, but must be one of them.
   */
  readonly requireOneOf?: readonly { readonly groups: readonly (readonly string[])[]; readonly reason: string }[];
}
