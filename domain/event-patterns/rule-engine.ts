import { consistentlyMatches, type SearchChecks } from './consistent-search.js';
import { EventLeaves } from './event-leaves.js';
import { compileFieldCheck } from './field-check.js';
import type { SubRule } from './field-patterns.js';
import { isJsonObject } from './json-shapes.js';
import { PathIndex } from './path-index.js';
import { RuleGates, type GateableCheck } from './rule-gates.js';
import type { ValueTest } from './value-tests.js';

/** A rule after compilation: one or more sub-rules ($or branches), any of which makes it match. */
export interface EngineRule {
  readonly subRules: readonly SubRule[];
}

interface CompiledSubRule {
  /** Position in the gate index's sub-rule numbering. */
  readonly id: number;
  /** Check ids in path order: the order event-ruler walks them, which matters inside arrays. */
  readonly inPathOrder: Int32Array;
  /** The same ids cheapest-first, for events where leaf order cannot matter. */
  readonly cheapestFirst: Int32Array;
}

/**
 * Matches events against many rules at once. Identical field conditions across rules become one
 * check that is evaluated at most once per event; sub-rules that need an exact value the event does
 * not have are skipped without looking at them (see rule-gates.ts); the event is flattened once,
 * along the paths the rules use; and the hot path allocates nothing when the event has no arrays
 * of objects.
 */
export class RuleEngine {
  private readonly leaves: EventLeaves;
  private readonly checkSlot: Int32Array;
  private readonly checkTest: ValueTest[];
  private readonly checkAcceptsAbsence: Uint8Array;
  private readonly searchChecks: SearchChecks;
  /** Per check, `stamp << 1 | passed` of the event it was last evaluated for. */
  private readonly memo: Int32Array;
  private readonly gates: RuleGates;
  private readonly gated: Uint8Array;
  private readonly gateMarks: Int32Array;
  private stamp = 0;
  private readonly rules: CompiledSubRule[][];

  constructor(rules: readonly EngineRule[]) {
    const paths = new PathIndex();
    const checkIds = new Map<string, number>();
    const slots: number[] = [];
    const tests: ValueTest[] = [];
    const acceptsAbsence: number[] = [];
    const costs: number[] = [];
    const gateable: GateableCheck[] = [];
    const subRuleChecks: number[][] = [];

    this.rules = rules.map((rule) =>
      rule.subRules.map((subRule) => {
        const ids = subRule.map((condition) => {
          const identity = `${condition.path}\u0000${condition.key}`;
          let id = checkIds.get(identity);
          if (id === undefined) {
            const check = compileFieldCheck(condition);
            id = tests.length;
            checkIds.set(identity, id);
            slots.push(paths.slotFor(condition.path));
            tests.push(check.test);
            acceptsAbsence.push(check.acceptsAbsence ? 1 : 0);
            costs.push(check.cost);
            gateable.push({ slot: slots[id]!, exactStrings: check.exactStrings });
          }
          return id;
        });
        const cheapest = [...ids].sort((a, b) => costs[a]! - costs[b]!);
        subRuleChecks.push(ids);
        return { id: subRuleChecks.length - 1, inPathOrder: Int32Array.from(ids), cheapestFirst: Int32Array.from(cheapest) };
      }),
    );

    this.leaves = new EventLeaves(paths);
    this.checkSlot = Int32Array.from(slots);
    this.checkTest = tests;
    this.checkAcceptsAbsence = Uint8Array.from(acceptsAbsence);
    this.searchChecks = { slot: this.checkSlot, test: tests, acceptsAbsence: this.checkAcceptsAbsence };
    this.memo = new Int32Array(tests.length);
    this.gates = new RuleGates(subRuleChecks, gateable);
    this.gated = this.gates.gated;
    this.gateMarks = new Int32Array(subRuleChecks.length);
  }

  /** Loads an event for the matches() calls that follow; false when it is not a JSON object (it never matches). */
  load(event: unknown): boolean {
    if (!isJsonObject(event)) return false;
    this.leaves.load(event);
    if (++this.stamp === 0x3fffffff) {
      this.memo.fill(0);
      this.gateMarks.fill(0);
      this.stamp = 1;
    }
    this.gates.mark(this.leaves, this.gateMarks, this.stamp);
    return true;
  }

  /** Whether rule `index` matches the event last loaded. */
  matches(index: number): boolean {
    const subRules = this.rules[index]!;
    for (let i = 0; i < subRules.length; i++) {
      const subRule = subRules[i]!;
      if (this.gated[subRule.id] === 1 && this.gateMarks[subRule.id] !== this.stamp) continue;
      if (this.subRuleMatches(subRule)) return true;
    }
    return false;
  }

  private subRuleMatches(subRule: CompiledSubRule): boolean {
    const order = subRule.cheapestFirst;
    if (!this.needsConsistentSearch(order)) {
      // No two conditions can disagree about an array element, so they are independent.
      for (let i = 0; i < order.length; i++) if (!this.anyLeafPasses(order[i]!)) return false;
      return true;
    }
    // A check no leaf passes anywhere cannot pass for a consistent subset either (absence aside).
    for (let i = 0; i < order.length; i++) {
      const id = order[i]!;
      if (this.checkAcceptsAbsence[id] === 0 && !this.anyLeafPasses(id)) return false;
    }
    return consistentlyMatches(subRule.inPathOrder, this.searchChecks, this.leaves);
  }

  /** Array consistency can only bite when two of the conditions have leaves inside array elements. */
  private needsConsistentSearch(order: Int32Array): boolean {
    if (!this.leaves.inArrayElements || order.length < 2) return false;
    let constrained = 0;
    for (let i = 0; i < order.length; i++) {
      if (this.leaves.isConstrained(this.checkSlot[order[i]!]!) && ++constrained === 2) return true;
    }
    return false;
  }

  /** Memoised per event: some leaf at the check's path passes it, or there is none and absence is accepted. */
  private anyLeafPasses(id: number): boolean {
    const remembered = this.memo[id]!;
    if (remembered >>> 1 === this.stamp) return (remembered & 1) === 1;
    const slot = this.checkSlot[id]!;
    const count = this.leaves.counts[slot]!;
    let passed: boolean;
    if (count === 0) passed = this.checkAcceptsAbsence[id] === 1;
    else {
      passed = false;
      const values = this.leaves.values[slot]!;
      const test = this.checkTest[id]!;
      for (let i = 0; i < count; i++) {
        if (test(values[i]!)) {
          passed = true;
          break;
        }
      }
    }
    this.memo[id] = (this.stamp << 1) | (passed ? 1 : 0);
    return passed;
  }
}
