import type { IpRange } from './ip-address.js';
import type { WildcardPattern } from './wildcard.js';

/**
 * One entry of a pattern's value list, after validation. A field matches when any entry matches
 * any of the field's leaf values (or, for `absent`, when the field has no leaf value at all).
 */
export type FieldPattern =
  | { kind: 'exact-string'; value: string }
  | { kind: 'exact-number'; value: number }
  | { kind: 'exact-literal'; value: boolean | null }
  /** A plain string pattern that parses as an IP address matches that address in any notation. */
  | { kind: 'exact-ip'; range: IpRange }
  | { kind: 'prefix'; value: string }
  | { kind: 'prefix-ignore-case'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'suffix-ignore-case'; value: string }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'wildcard'; value: WildcardPattern }
  | { kind: 'numeric'; range: NumericRange }
  | { kind: 'cidr'; range: IpRange }
  | { kind: 'exists' }
  | { kind: 'absent' }
  | { kind: 'anything-but-strings'; values: readonly string[] }
  | { kind: 'anything-but-numbers'; values: readonly number[] }
  | { kind: 'anything-but-prefix'; values: readonly string[] }
  | { kind: 'anything-but-suffix'; values: readonly string[] }
  | { kind: 'anything-but-ignore-case'; values: readonly string[] }
  | { kind: 'anything-but-wildcard'; values: readonly WildcardPattern[] };

/** Bounds are inclusive unless the matching `open` flag is set; missing bounds are unbounded. */
export interface NumericRange {
  readonly bottom: number;
  readonly openBottom: boolean;
  readonly top: number;
  readonly openTop: boolean;
}

/** One conjunct of a compiled pattern: the leaf at `path` (keys joined with ".") must match `patterns`. */
export interface FieldCondition {
  readonly path: string;
  readonly patterns: readonly FieldPattern[];
  /** The JSON value list as written, used to recognise identical conditions across rules. */
  readonly key: string;
}

/**
 * A pattern is a disjunction of sub-rules ($or expands into several); a sub-rule is a conjunction
 * of field conditions, sorted by path the way event-ruler orders them (it matters for exists:false
 * inside arrays, see array-membership.ts).
 */
export type SubRule = readonly FieldCondition[];
