/**
 * An EventBridge event-pattern matcher that follows AWS's semantics (as implemented by
 * aws/event-ruler and described in the EventBridge user guide), with no dependencies and no I/O.
 */
export { InvalidEventPatternError } from './invalid-event-pattern-error.js';
export { compileEventPattern, matchesEventPattern, type CompiledEventPattern } from './event-pattern.js';
export { explainMismatch, type FieldMismatch } from './explain-mismatch.js';
export { valueAt } from './value-at.js';
export { compileRuleSet, type CompiledRuleSet, type NamedPattern } from './rule-set.js';
