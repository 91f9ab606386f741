import { compilePattern } from './compile-pattern.js';
import { RuleEngine } from './rule-engine.js';

export interface CompiledEventPattern {
  matches(event: unknown): boolean;
  /** The pattern exactly as it was given (object or JSON text). */
  readonly source: unknown;
}

/**
 * Validates a pattern once and returns a reusable matcher. Throws InvalidEventPatternError for any
 * pattern EventBridge would refuse. An event that is not a JSON object never matches.
 */
export function compileEventPattern(pattern: unknown): CompiledEventPattern {
  const engine = new RuleEngine([{ subRules: compilePattern(pattern) }]);
  return {
    source: pattern,
    matches: (event) => engine.load(event) && engine.matches(0),
  };
}

/** One-off convenience; compile once with compileEventPattern when matching many events. */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  return compileEventPattern(pattern).matches(event);
}
