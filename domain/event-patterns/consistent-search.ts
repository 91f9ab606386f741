import { INCONSISTENT, mergeMemberships, type Membership } from './array-membership.js';
import type { EventLeaves } from './event-leaves.js';
import type { ValueTest } from './value-tests.js';

/** What the search needs to know about each check of the engine. */
export interface SearchChecks {
  readonly slot: Int32Array;
  readonly test: readonly ValueTest[];
  readonly acceptsAbsence: Uint8Array;
}

// Below this many leaves in total the plain search is cheap whatever the event looks like.
const MEMO_THRESHOLD = 32;

/**
 * Whether a sub-rule's conditions can be met by leaves that never take two different elements of
 * one array. Conditions are tried in path order, as event-ruler walks them, because `exists:
 * false` is judged against the elements chosen so far.
 *
 * The outcome from a given position depends only on the chosen elements of arrays that later
 * conditions can still see, so failures are remembered under exactly that; otherwise conditions
 * on unrelated arrays would be retried for every combination of earlier choices.
 */
export function consistentlyMatches(order: Int32Array, checks: SearchChecks, leaves: EventLeaves): boolean {
  let total = 0;
  for (let i = 0; i < order.length; i++) total += leaves.counts[checks.slot[order[i]!]!]!;
  const search = new Search(order, checks, leaves, total > MEMO_THRESHOLD);
  return search.from(0, undefined);
}

class Search {
  private readonly visibleArrays: Set<number>[] | undefined;
  private readonly failures = new Set<string>();

  constructor(
    private readonly order: Int32Array,
    private readonly checks: SearchChecks,
    private readonly leaves: EventLeaves,
    memoise: boolean,
  ) {
    this.visibleArrays = memoise ? this.arraysSeenFrom() : undefined;
  }

  /** For each position, the arrays that leaves of that condition or any later one sit in. */
  private arraysSeenFrom(): Set<number>[] {
    const seen: Set<number>[] = new Array<Set<number>>(this.order.length + 1);
    seen[this.order.length] = new Set();
    for (let position = this.order.length - 1; position >= 0; position--) {
      const arrays = new Set(seen[position + 1]);
      const slot = this.checks.slot[this.order[position]!]!;
      const memberships = this.leaves.memberships[slot]!;
      for (let i = 0; i < this.leaves.counts[slot]!; i++) {
        const membership = memberships[i];
        if (membership !== undefined) for (let k = 0; k < membership.length; k += 2) arrays.add(membership[k]!);
      }
      seen[position] = arrays;
    }
    return seen;
  }

  from(position: number, soFar: Membership | undefined): boolean {
    if (position === this.order.length) return true;
    const key = this.visibleArrays === undefined ? undefined : this.failureKey(position, soFar);
    if (key !== undefined && this.failures.has(key)) return false;
    const found = this.tryPosition(position, soFar);
    if (!found && key !== undefined) this.failures.add(key);
    return found;
  }

  private tryPosition(position: number, soFar: Membership | undefined): boolean {
    const id = this.order[position]!;
    const slot = this.checks.slot[id]!;
    const count = this.leaves.counts[slot]!;
    const values = this.leaves.values[slot]!;
    const memberships = this.leaves.memberships[slot]!;
    const test = this.checks.test[id]!;
    let consistentLeafSeen = false;
    for (let i = 0; i < count; i++) {
      const merged = mergeMemberships(soFar, memberships[i]);
      if (merged === INCONSISTENT) continue;
      consistentLeafSeen = true;
      if (test(values[i]!) && this.from(position + 1, merged)) return true;
    }
    return this.checks.acceptsAbsence[id] === 1 && !consistentLeafSeen && this.from(position + 1, soFar);
  }

  /** The position plus the choices so far in arrays still visible from it, in a canonical order. */
  private failureKey(position: number, soFar: Membership | undefined): string {
    if (soFar === undefined) return `${position}`;
    const visible = this.visibleArrays![position]!;
    const pairs: number[][] = [];
    for (let k = 0; k < soFar.length; k += 2) if (visible.has(soFar[k]!)) pairs.push([soFar[k]!, soFar[k + 1]!]);
    pairs.sort((a, b) => a[0]! - b[0]!);
    return `${position}|${pairs.map(([array, index]) => `${array}:${index}`).join(',')}`;
  }
}
