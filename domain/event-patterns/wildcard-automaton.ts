/** Stands for an unescaped `*` in a value's characters; every other entry is one UTF-8 byte. */
export const ANY_RUN = -1;

/**
 * One way out of a state on some input byte. A state is its own step (`target` is itself); a step
 * that accepts a pattern's value has `accepts` set, and may also lead on to a state when a longer
 * value continues past the end of a shorter one.
 */
export interface Step<Next> {
  readonly id: number;
  readonly target: AutomatonState<Next> | undefined;
  readonly accepts: Acceptance<Next> | undefined;
}

export interface Acceptance<Next> {
  /** Values of one pattern (an anything-but-wildcard list has several) share the same number. */
  readonly pattern: number;
  readonly next: Next;
}

export interface AutomatonState<Next> extends Step<Next> {
  readonly onByte: Map<number, Step<Next>[]>;
  /** Steps taken on every byte: into a wildcard, and a wildcard's own loop. */
  readonly onAnyByte: Step<Next>[];
  /** More than one input text can lead here, so another value must not extend this state. */
  indeterminate: boolean;
}

const UTF8 = new TextDecoder();

/**
 * The byte automaton event-ruler builds for the wildcard values of one field. Its shape, not just
 * its language, is what the complexity score counts, so states are shared and split where
 * event-ruler shares and splits them: values share the states of a common start, a `*` gets a state
 * of its own that loops on every byte, and the character after a `*` can also be reached straight
 * from the state before it (the `*` matching nothing).
 */
export class WildcardAutomaton<Next> {
  readonly start: AutomatonState<Next>;
  private nextId = 0;
  private readonly acceptances = new Map<number, Map<Next, Step<Next>>>();

  constructor() {
    this.start = this.newState(false);
  }

  /**
   * Adds one value (its characters include the enclosing quotes) and returns what its acceptance
   * leads to: the existing one when this very pattern already ends where the value ends, otherwise
   * `proposed()`.
   */
  addValue(characters: readonly number[], pattern: number, proposed: () => Next): Next {
    let state = this.start;
    let previous: AutomatonState<Next> | undefined;
    let index = 0;
    for (; index < characters.length - 1; index++) {
      const reusable = this.stepsOn(state, characters[index]!)
        .map((step) => step.target)
        .find((target) => this.canReuse(state, target, characters, index));
      if (reusable === undefined) break;
      previous = state;
      state = reusable;
    }
    return this.extend(state, previous, characters, index, pattern, proposed);
  }

  private extend(
    from: AutomatonState<Next>,
    before: AutomatonState<Next> | undefined,
    characters: readonly number[],
    fromIndex: number,
    pattern: number,
    proposed: () => Next,
  ): Next {
    let state = from;
    let previous = before;
    let index = fromIndex;
    for (; index < characters.length - 1; index++) {
      const character = characters[index]!;
      const steps = this.stepsOn(state, character);
      if (steps.length === 0) break;
      const target = preferredTarget(steps);
      if (target !== undefined) {
        if (target.indeterminate) break;
        previous = state;
        state = target;
        continue;
      }
      // A shorter value ends here; this one goes on, so its acceptance gains a way onwards.
      const onwards = this.newState(state.indeterminate);
      this.leadOnwards(state, character, steps[0]!, onwards);
      previous = state;
      state = onwards;
    }
    for (; index < characters.length - 1; index++) {
      const next = this.followOrCreate(state, previous, characters, index);
      previous = state;
      state = next;
    }
    return this.accept(state, previous, characters, pattern, proposed);
  }

  private followOrCreate(
    state: AutomatonState<Next>,
    previous: AutomatonState<Next> | undefined,
    characters: readonly number[],
    index: number,
  ): AutomatonState<Next> {
    const character = characters[index]!;
    const existing = preferredTarget(this.stepsOn(state, character));
    if (existing !== undefined && !existing.indeterminate) return existing;
    const created = this.newState(state.indeterminate);
    if (character === ANY_RUN) {
      // The loop lives on a state of its own so that other values through `state` are unaffected.
      created.indeterminate = true;
      addOnce(created.onAnyByte, created);
      addOnce(state.onAnyByte, created);
    } else {
      addEdge(state, character, created);
      if (previous !== undefined && characters[index - 1] === ANY_RUN) addEdge(previous, character, created);
    }
    return created;
  }

  private accept(
    state: AutomatonState<Next>,
    previous: AutomatonState<Next> | undefined,
    characters: readonly number[],
    pattern: number,
    proposed: () => Next,
  ): Next {
    const last = characters.length - 1;
    const closing = characters[last]!;
    const existing = this.stepsOn(state, closing).find((step) => step.accepts?.pattern === pattern);
    if (existing !== undefined) return existing.accepts!.next;
    const step = this.acceptanceStep(pattern, proposed());
    addEdge(state, closing, step);
    if (previous !== undefined && characters[last - 1] === ANY_RUN) addEdge(previous, closing, step);
    return step.accepts!.next;
  }

  /** event-ruler holds two acceptances of one pattern leading to one place to be the same step. */
  private acceptanceStep(pattern: number, next: Next): Step<Next> {
    let byNext = this.acceptances.get(pattern);
    if (byNext === undefined) this.acceptances.set(pattern, (byNext = new Map()));
    let step = byNext.get(next);
    if (step === undefined) byNext.set(next, (step = { id: this.nextId++, target: undefined, accepts: { pattern, next } }));
    return step;
  }

  private leadOnwards(state: AutomatonState<Next>, byte: number, accepting: Step<Next>, onwards: AutomatonState<Next>): void {
    const both: Step<Next> = { id: this.nextId++, target: onwards, accepts: accepting.accepts };
    const steps = state.onByte.get(byte)!;
    steps.splice(steps.indexOf(accepting), 1, both);
  }

  /** Where `character` can go from `state`: its own edges plus the every-byte ones. */
  stepsOn(state: AutomatonState<Next>, character: number): Step<Next>[] {
    if (character === ANY_RUN) return state.onAnyByte;
    const explicit = state.onByte.get(character);
    if (explicit === undefined) return state.onAnyByte;
    return [...explicit, ...state.onAnyByte.filter((step) => !explicit.includes(step))];
  }

  private canReuse(state: AutomatonState<Next>, target: AutomatonState<Next> | undefined, characters: readonly number[], index: number): boolean {
    if (target === undefined || target === state) return false;
    if (!target.indeterminate) return true;
    return !this.pathsReconverge(state, characters, index);
  }

  /**
   * Whether a byte from `state` could reach `target` by two routes, in which case sharing it would
   * let one value match text meant for another: a `*` leaving `state` can be skipped over, and a
   * character with two cases is entered by two edges.
   */
  private pathsReconverge(state: AutomatonState<Next>, characters: readonly number[], index: number): boolean {
    const byte = characters[index]!;
    if (byte === ANY_RUN || isContinuationByte(byte)) return false;
    const loops = state.onAnyByte;
    if (loops.length > 1 || (loops.length === 1 && loops[0] !== state)) return true;
    return hasTwoCases(characters, index);
  }

  private newState(indeterminate: boolean): AutomatonState<Next> {
    const state: { -readonly [K in keyof AutomatonState<Next>]: AutomatonState<Next>[K] } = {
      id: this.nextId++,
      target: undefined,
      accepts: undefined,
      onByte: new Map(),
      onAnyByte: [],
      indeterminate,
    };
    state.target = state;
    return state;
  }
}

/** event-ruler prefers a state that another value may extend; otherwise the first one. */
function preferredTarget<Next>(steps: readonly Step<Next>[]): AutomatonState<Next> | undefined {
  let first: AutomatonState<Next> | undefined;
  for (const step of steps) {
    const target = step.target;
    if (target === undefined) continue;
    if (!target.indeterminate) return target;
    first ??= target;
  }
  return first;
}

function addEdge<Next>(state: AutomatonState<Next>, byte: number, step: Step<Next>): void {
  const steps = state.onByte.get(byte);
  if (steps === undefined) state.onByte.set(byte, [step]);
  else addOnce(steps, step);
}

function addOnce<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

function isContinuationByte(byte: number): boolean {
  return byte >= 0x80 && byte < 0xc0;
}

/** The character starting at `index`, read the way event-ruler reads it (at most three bytes). */
function hasTwoCases(characters: readonly number[], index: number): boolean {
  const lead = characters[index]!;
  const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : 3;
  const bytes: number[] = [];
  for (let i = index; i < index + length; i++) {
    const byte = characters[i];
    if (byte === undefined || byte === ANY_RUN) break;
    bytes.push(byte);
  }
  const text = UTF8.decode(new Uint8Array(bytes));
  const first = text[0] ?? '';
  return first.toLowerCase() !== first.toUpperCase();
}
