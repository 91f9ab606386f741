import { compilePattern } from './compile-pattern.js';
import type { SubRule } from './field-patterns.js';
import { InvalidEventPatternError } from './invalid-event-pattern-error.js';
import { RuleEngine } from './rule-engine.js';

export interface NamedPattern {
  name: string;
  pattern: unknown;
}

export interface CompiledRuleSet {
  /** Names of the rules the event matches, in the order the rules were given. */
  matchingRules(event: unknown): string[];
}

/**
 * Compiles many rules into one matcher, like the rules on an event bus. Two entries with the same
 * name act as one rule matching when either pattern does (event-ruler's "or" by rule name), and the
 * name is reported once, at its first position. Throws InvalidEventPatternError naming the bad rule.
 */
export function compileRuleSet(rules: readonly NamedPattern[]): CompiledRuleSet {
  const names: string[] = [];
  const subRulesByName = new Map<string, SubRule[]>();
  for (const { name, pattern } of rules) {
    const subRules = compileNamed(name, pattern);
    const existing = subRulesByName.get(name);
    if (existing === undefined) {
      names.push(name);
      subRulesByName.set(name, subRules);
    } else existing.push(...subRules);
  }
  const engine = new RuleEngine(names.map((name) => ({ subRules: subRulesByName.get(name)! })));

  return {
    matchingRules(event) {
      const matched: string[] = [];
      if (!engine.load(event)) return matched;
      for (let i = 0; i < names.length; i++) if (engine.matches(i)) matched.push(names[i]!);
      return matched;
    },
  };
}

function compileNamed(name: string, pattern: unknown): SubRule[] {
  try {
    return compilePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) throw new InvalidEventPatternError(error.reason, name);
    throw error;
  }
}
