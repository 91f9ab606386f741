import type { AutomatonState, Step, WildcardAutomaton } from './wildcard-automaton.js';

/**
 * event-ruler's measure of how non-deterministic an automaton is: over every set of steps that
 * some input can have live at once, the number of wildcard patterns each live step can still
 * complete, summed, plus the wildcards a live state is about to enter. The worst such set bounds
 * the work one event value costs. Counting stops at `cap`, which keeps pathological patterns cheap.
 */
// event-ruler sets no bound on the live sets it explores; this one keeps a hostile pattern from
// running for minutes, and a pattern that reaches it is taken as too complex.
const MAX_LIVE_SETS = 100_000;

export function automatonComplexity<Next>(automaton: WildcardAutomaton<Next>, cap: number): number {
  const completable = new PatternsReachable<Next>();
  const seen = new Set<string>([keyOf([automaton.start])]);
  const queue = successorSets([automaton.start]);
  let worst = 0;
  for (let head = 0; head < queue.length; head++) {
    const live = queue[head]!;
    const key = keyOf(live);
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_LIVE_SETS) return cap;
    const members = new Set(live);
    let size = 0;
    for (const step of live) {
      size += completable.count(step);
      for (const entered of step.target?.onAnyByte ?? []) if (!members.has(entered)) size += completable.count(entered);
    }
    if (size >= cap) return cap;
    if (size > worst) worst = size;
    queue.push(...successorSets(live));
  }
  return worst;
}

/** The sets of steps one more byte leads to, one per distinct outcome over all 256 byte values. */
function successorSets<Next>(live: readonly Step<Next>[]): Step<Next>[][] {
  const states = new Set<AutomatonState<Next>>();
  for (const step of live) if (step.target !== undefined) states.add(step.target);
  const bytes = new Set<number>();
  for (const state of states) for (const byte of state.onByte.keys()) bytes.add(byte);
  const outcomes = new Map<string, Step<Next>[]>();
  const collect = (byte: number | undefined): void => {
    const next = new Set<Step<Next>>();
    for (const state of states) {
      if (byte !== undefined) for (const step of state.onByte.get(byte) ?? []) next.add(step);
      for (const step of state.onAnyByte) next.add(step);
    }
    if (next.size === 0) return;
    const steps = [...next];
    outcomes.set(keyOf(steps), steps);
  };
  for (const byte of bytes) collect(byte);
  if (bytes.size < 256) collect(undefined);
  return [...outcomes.values()];
}

function keyOf<Next>(steps: readonly Step<Next>[]): string {
  return steps
    .map((step) => step.id)
    .sort((a, b) => a - b)
    .join(',');
}

/** How many distinct patterns a step can still complete; memoised, as every live set asks again. */
class PatternsReachable<Next> {
  private readonly memo = new Map<Step<Next>, Set<number>>();

  count(step: Step<Next>): number {
    return this.patterns(step).size;
  }

  /**
   * Depth first without recursion, as a long value makes a deep chain. Apart from a wildcard's loop
   * onto itself the steps form no cycles, so a step's successors are all known when it is finished.
   */
  private patterns(root: Step<Next>): Set<number> {
    const pending: { step: Step<Next>; expanded: boolean }[] = [{ step: root, expanded: false }];
    while (pending.length > 0) {
      const { step, expanded } = pending.pop()!;
      if (this.memo.has(step)) continue;
      if (!expanded) {
        pending.push({ step, expanded: true });
        for (const next of successors(step)) if (!this.memo.has(next)) pending.push({ step: next, expanded: false });
        continue;
      }
      const found = new Set<number>();
      if (step.accepts !== undefined) found.add(step.accepts.pattern);
      for (const next of successors(step)) for (const pattern of this.memo.get(next) ?? []) found.add(pattern);
      this.memo.set(step, found);
    }
    return this.memo.get(root)!;
  }
}

function* successors<Next>(step: Step<Next>): Generator<Step<Next>> {
  const target = step.target;
  if (target === undefined) return;
  for (const steps of target.onByte.values()) for (const next of steps) if (next !== step) yield next;
  for (const next of target.onAnyByte) if (next !== step) yield next;
}
