import { ANY_RUN } from './wildcard-automaton.js';

interface ExactValue<Next> {
  readonly characters: readonly number[];
  /** Where its shortcut leaves the states it shares; undefined once it has states of its own. */
  shortcutAt: number | undefined;
  next: Next;
}

/**
 * Where an exact string value of one field leads, as event-ruler decides it. event-ruler stores an
 * exact value as a single shortcut from the last state it shares with other values, and moves the
 * shortcut deeper as later values share more of it. Adding the same exact value again finds its old
 * place, except when a wildcard has since put a `*` on the state the shortcut leaves from: then the
 * value gets new states and leads somewhere new, so the fields after it are scored apart. Only the
 * characters matter here, not the states, which exact values never add to the score.
 */
export class ExactShortcuts<Next> {
  private readonly seen: (readonly number[])[] = [];
  private readonly wildcards: (readonly number[])[] = [];
  private readonly exact = new Map<string, ExactValue<Next>>();

  /** Any other value added to the field, in order: it may share, and so deepen, a shortcut. */
  note(characters: readonly number[], isWildcard: boolean): void {
    this.deepen(characters);
    this.seen.push(characters);
    if (isWildcard) this.wildcards.push(characters);
  }

  addExact(characters: readonly number[], proposed: () => Next): Next {
    const key = characters.join(',');
    const known = this.exact.get(key);
    if (known !== undefined) {
      if (known.shortcutAt !== undefined && this.starAt(known.characters, known.shortcutAt)) {
        known.shortcutAt = undefined;
        known.next = proposed();
      }
      return known.next;
    }
    this.deepen(characters);
    let shared = 0;
    for (const other of this.seen) shared = Math.max(shared, commonPrefix(characters, other));
    // A `*` already leaving that state, or nothing left to cut short, and the value gets states.
    const eligible = shared < characters.length - 1 && !this.starAt(characters, shared);
    const value: ExactValue<Next> = { characters, shortcutAt: eligible ? shared : undefined, next: proposed() };
    this.exact.set(key, value);
    this.seen.push(characters);
    return value.next;
  }

  private deepen(characters: readonly number[]): void {
    for (const value of this.exact.values()) {
      if (value.shortcutAt === undefined) continue;
      const shared = commonPrefix(value.characters, characters);
      if (shared > value.shortcutAt) value.shortcutAt = shared < value.characters.length - 1 ? shared : undefined;
    }
  }

  /** Whether a wildcard's first `*` leaves the state reached by the first `length` characters. */
  private starAt(characters: readonly number[], length: number): boolean {
    return this.wildcards.some((wildcard) => wildcard[length] === ANY_RUN && commonPrefix(characters, wildcard) === length);
  }
}

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
