import type { EventLeaves } from './event-leaves.js';

/** What the gate index needs to know about a check. */
export interface GateableCheck {
  readonly slot: number;
  /** Defined when the check passes only for these exact strings. */
  readonly exactStrings: readonly string[] | undefined;
}

/**
 * An index from exact string values to the sub-rules that require them, so that an event only
 * evaluates the sub-rules it could possibly satisfy (event-ruler gets the same effect from its
 * state machine). Each sub-rule is filed under one of its exact-string conditions, preferring the
 * path whose values best tell rules apart; sub-rules without such a condition are always evaluated.
 */
export class RuleGates {
  /** 1 for sub-rules that are only evaluated when marked for the current event. */
  readonly gated: Uint8Array;
  private readonly slots: Int32Array;
  private readonly bySlot: Map<string, Int32Array>[];

  constructor(subRuleChecks: readonly (readonly number[])[], checks: readonly GateableCheck[]) {
    const distinctValuesAtSlot = new Map<number, Set<string>>();
    for (const check of checks) {
      if (check.exactStrings === undefined) continue;
      const values = distinctValuesAtSlot.get(check.slot) ?? new Set();
      for (const value of check.exactStrings) values.add(value);
      distinctValuesAtSlot.set(check.slot, values);
    }

    this.gated = new Uint8Array(subRuleChecks.length);
    const index = new Map<number, Map<string, number[]>>();
    subRuleChecks.forEach((checkIds, subRuleId) => {
      const gate = bestGate(checkIds, checks, distinctValuesAtSlot);
      if (gate === undefined) return;
      this.gated[subRuleId] = 1;
      const byValue = index.get(gate.slot) ?? new Map<string, number[]>();
      index.set(gate.slot, byValue);
      for (const value of new Set(gate.exactStrings)) {
        const ids = byValue.get(value) ?? [];
        ids.push(subRuleId);
        byValue.set(value, ids);
      }
    });

    this.slots = Int32Array.from(index.keys());
    this.bySlot = [...index.values()].map((byValue) => new Map([...byValue].map(([value, ids]) => [value, Int32Array.from(ids)])));
  }

  /** Stamps every gated sub-rule whose gate value occurs in the event. */
  mark(leaves: EventLeaves, marks: Int32Array, stamp: number): void {
    for (let g = 0; g < this.slots.length; g++) {
      const slot = this.slots[g]!;
      const count = leaves.counts[slot]!;
      if (count === 0) continue;
      const byValue = this.bySlot[g]!;
      const values = leaves.values[slot]!;
      for (let i = 0; i < count; i++) {
        const value = values[i];
        if (typeof value !== 'string') continue;
        const ids = byValue.get(value);
        if (ids === undefined) continue;
        for (let k = 0; k < ids.length; k++) marks[ids[k]!] = stamp;
      }
    }
  }
}

/** The exact-string check whose path has the most distinct values per value it accepts. */
function bestGate(
  checkIds: readonly number[],
  checks: readonly GateableCheck[],
  distinctValuesAtSlot: ReadonlyMap<number, ReadonlySet<string>>,
): GateableCheck | undefined {
  let best: GateableCheck | undefined;
  let bestScore = 0;
  for (const id of checkIds) {
    const check = checks[id]!;
    if (check.exactStrings === undefined) continue;
    const score = distinctValuesAtSlot.get(check.slot)!.size / check.exactStrings.length;
    if (score > bestScore) {
      best = check;
      bestScore = score;
    }
  }
  return best;
}
