import { automatonComplexity } from './automaton-complexity.js';
import type { FieldPattern, SubRule } from './field-patterns.js';
import { invalid } from './invalid-event-pattern-error.js';
import { ANY_RUN, WildcardAutomaton } from './wildcard-automaton.js';
import type { WildcardPattern } from './wildcard.js';
import { javaHashSetOrder } from './java-hash-set-order.js';
import { ExactShortcuts } from './exact-shortcuts.js';

/**
 * The most complex rule EventBridge accepts. The score is event-ruler's (aws/event-ruler
 * MachineComplexityEvaluator); the threshold is not published. 10 is the per-rule limit event-ruler's
 * README gives as its example, and it fits what AWS has been seen to do: rules scoring 7 and 9
 * accepted, rules scoring 11 and 12 refused.
 */
export const MAX_WILDCARD_COMPLEXITY = 10;

export const TOO_COMPLEX_REASON = 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

/** Refuses a compiled pattern whose wildcards EventBridge would find too costly to match. */
export function checkWildcardComplexity(subRules: readonly SubRule[]): void {
  if (wildcardComplexity(subRules, MAX_WILDCARD_COMPLEXITY + 1) > MAX_WILDCARD_COMPLEXITY) invalid(TOO_COMPLEX_REASON);
}

/**
 * Scores a pattern as EventBridge does: the sub-rules that contain a wildcard are laid out the way
 * event-ruler lays out rules (fields in path order, each sub-rule walking from the same start), and
 * the score is that of the worst single field. Wildcards of one field add up when they sit in the
 * same value list, or in $or branches that agree on every field before it; wildcards on different
 * fields never add up. Scores at or above `cap` come back as `cap`.
 *
 * Where event-ruler's own result depends on the order of a Java hash set of machine states (an
 * ignore-case value and a wildcard on one field, in sub-rules that repeat that field), the score
 * can differ from AWS's by a point or two.
 */
export function wildcardComplexity(subRules: readonly SubRule[], cap: number): number {
  const withWildcards = subRules.filter((subRule) => subRule.some((condition) => condition.patterns.some(isWildcardKind)));
  if (withWildcards.length === 0) return 0;
  const start = new Junction();
  for (const subRule of withWildcards) start.add(subRule, 0);
  let worst = 0;
  for (const field of start.fieldsBelow()) {
    if (field.automaton === undefined) continue;
    worst = Math.max(worst, automatonComplexity(field.automaton, cap));
    if (worst >= cap) return cap;
  }
  return worst;
}

type WildcardKind = Extract<FieldPattern, { kind: 'wildcard' | 'anything-but-wildcard' }>;

function isWildcardKind(pattern: FieldPattern): pattern is WildcardKind {
  return pattern.kind === 'wildcard' || pattern.kind === 'anything-but-wildcard';
}

/** A point reached after matching some fields: what event-ruler calls a name state. */
class Junction {
  private readonly fields = new Map<string, Field>();

  add(subRule: SubRule, index: number): void {
    const condition = subRule[index]!;
    let field = this.fields.get(condition.path);
    if (field === undefined) this.fields.set(condition.path, (field = new Field()));
    // Values of one list lead to one junction, unless a value was already there with its own.
    let last: Junction | undefined;
    const reached = new Set<Junction>();
    for (const pattern of condition.patterns) {
      const candidate = last;
      last = field.add(pattern, () => candidate ?? new Junction());
      reached.add(last);
    }
    if (index + 1 < subRule.length) for (const junction of reached) junction.add(subRule, index + 1);
  }

  *fieldsBelow(): Generator<Field> {
    const visited = new Set<Junction>();
    const pending: Junction[] = [this];
    while (pending.length > 0) {
      const junction = pending.pop()!;
      if (visited.has(junction)) continue;
      visited.add(junction);
      for (const field of junction.fields.values()) {
        yield field;
        pending.push(...field.leadsTo());
      }
    }
  }
}

/** One field at one junction: the patterns tried on it and where each leads. */
class Field {
  automaton: WildcardAutomaton<Junction> | undefined;
  private readonly byIdentity = new Map<string, Junction>();
  private readonly wildcardNumbers = new Map<string, number>();
  private readonly wildcardTargets = new Set<Junction>();
  private readonly shortcuts = new ExactShortcuts<Junction>();
  private readonly exactTargets = new Set<Junction>();
  private absentTarget: Junction | undefined;

  add(pattern: FieldPattern, proposed: () => Junction): Junction {
    if (pattern.kind === 'absent') return (this.absentTarget ??= proposed());
    if (isWildcardKind(pattern)) return this.addWildcard(pattern, proposed);
    if (pattern.kind === 'exact-string') {
      const target = this.shortcuts.addExact(quoted(pattern.value), proposed);
      this.exactTargets.add(target);
      return target;
    }
    for (const characters of sharedStart(pattern)) this.shortcuts.note(characters, false);
    const identity = identityOf(pattern);
    let target = this.byIdentity.get(identity);
    if (target === undefined) this.byIdentity.set(identity, (target = proposed()));
    return target;
  }

  leadsTo(): Junction[] {
    const targets = [...this.byIdentity.values(), ...this.wildcardTargets, ...this.exactTargets];
    if (this.absentTarget !== undefined) targets.push(this.absentTarget);
    return targets;
  }

  /** Every value goes through the automaton, which decides whether it lands on an existing acceptance. */
  private addWildcard(pattern: WildcardKind, proposed: () => Junction): Junction {
    const automaton = (this.automaton ??= new WildcardAutomaton<Junction>());
    const identity = identityOf(pattern);
    let number = this.wildcardNumbers.get(identity);
    if (number === undefined) this.wildcardNumbers.set(identity, (number = this.wildcardNumbers.size));
    const values = pattern.kind === 'wildcard' ? [pattern.value] : distinct(pattern.values);
    let target: Junction | undefined;
    for (const value of values) {
      const candidate = target;
      const valueCharacters = characters(value);
      this.shortcuts.note(valueCharacters, true);
      target = automaton.addValue(valueCharacters, number, () => candidate ?? proposed());
    }
    this.wildcardTargets.add(target!);
    return target!;
  }
}

const UTF8 = new TextEncoder();
const QUOTE = 0x22;

/** The value as event-ruler stores it: in double quotes, UTF-8, with each `*` marked. */
function characters(pattern: WildcardPattern): number[] {
  const result = [QUOTE];
  pattern.segments.forEach((segment, i) => {
    if (i > 0) result.push(ANY_RUN);
    for (const byte of UTF8.encode(segment)) result.push(byte);
  });
  result.push(QUOTE);
  return result;
}

function quoted(text: string, closed = true): number[] {
  const result = [QUOTE, ...UTF8.encode(text)];
  if (closed) result.push(QUOTE);
  return result;
}

/**
 * The leading characters other value patterns lay down as plain states, which exact values may
 * share; an ignore-case value only up to its first character with two cases. Suffixes are stored
 * from the end and numbers, literals and addresses never start with a quote, so they share none.
 */
function sharedStart(pattern: FieldPattern): number[][] {
  switch (pattern.kind) {
    case 'prefix':
      return [quoted(pattern.value, false)];
    case 'anything-but-strings':
      return pattern.values.map((value) => quoted(value));
    case 'anything-but-prefix':
      return pattern.values.map((value) => quoted(value, false));
    case 'equals-ignore-case':
      return [uncasedStart(pattern.value, true)];
    case 'prefix-ignore-case':
      return [uncasedStart(pattern.value, false)];
    case 'anything-but-ignore-case':
      return pattern.values.map((value) => uncasedStart(value, true));
    default:
      return [];
  }
}

function uncasedStart(text: string, closed: boolean): number[] {
  const chars = [...text];
  const cased = chars.findIndex((char) => char.toLowerCase() !== char.toUpperCase());
  return cased < 0 ? quoted(text, closed) : quoted(chars.slice(0, cased).join(''), false);
}

/**
 * An anything-but list is a set, and event-ruler adds its values in the order its java.util.HashSet
 * yields them. Which of two values sharing a start extends the other's states depends on that.
 */
function distinct(values: readonly WildcardPattern[]): WildcardPattern[] {
  const byText = new Map(values.map((value) => [`"${sourceText(value)}"`, value]));
  return javaHashSetOrder([...byText.keys()]).map((text) => byText.get(text)!);
}

/** The operand as written: the only escapes are `\*` and `\\`, so the text is recoverable. */
function sourceText(pattern: WildcardPattern): string {
  return pattern.segments.map((segment) => segment.replace(/[\\*]/g, (char) => `\\${char}`)).join('*');
}

/** Equal patterns are one pattern to event-ruler, whichever sub-rule they come from. */
function identityOf(pattern: FieldPattern): string {
  if (pattern.kind === 'anything-but-wildcard') {
    return `${pattern.kind}:${JSON.stringify(
      distinct(pattern.values)
        .map((value) => value.segments)
        .sort(),
    )}`;
  }
  if ('values' in pattern) return `${pattern.kind}:${JSON.stringify([...pattern.values].sort())}`;
  return `${pattern.kind}:${JSON.stringify(pattern, (_key, value: unknown) => (value instanceof Uint8Array ? [...value] : value))}`;
}
