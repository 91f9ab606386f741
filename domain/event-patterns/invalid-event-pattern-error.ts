/**
 * Thrown when a pattern would be refused by EventBridge's PutRule / TestEventPattern.
 *
 * `reason` is the bare explanation (e.g. `Empty arrays are not allowed`); `message` wraps it the way
 * AWS's InvalidEventPatternException does, minus the Jackson source-location suffix AWS appends,
 * which depends on the pattern's exact JSON text and so cannot be reproduced from a parsed object.
 */
export class InvalidEventPatternError extends Error {
  readonly reason: string;
  /** Set when the pattern came from compileRuleSet, so the caller can tell which rule is broken. */
  readonly ruleName?: string;

  constructor(reason: string, ruleName?: string) {
    super(`Event pattern is not valid. Reason: ${reason}`);
    this.name = 'InvalidEventPatternError';
    this.reason = reason;
    if (ruleName !== undefined) this.ruleName = ruleName;
  }
}

/** Shorthand used by the parsers: every validation failure is a throw with AWS's wording. */
export function invalid(reason: string): never {
  throw new InvalidEventPatternError(reason);
}
