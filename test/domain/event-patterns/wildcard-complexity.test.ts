import { describe, expect, it } from 'vitest';
import { expandPattern } from '#domain/event-patterns/compile-pattern.js';
import { compileEventPattern, compileRuleSet, InvalidEventPatternError } from '#domain/event-patterns/index.js';
import { MAX_WILDCARD_COMPLEXITY, TOO_COMPLEX_REASON, wildcardComplexity } from '#domain/event-patterns/wildcard-complexity.js';

const score = (pattern: unknown): number => wildcardComplexity(expandPattern(pattern), 100);
const field = (...values: unknown[]) => ({ detail: { key: values } });
const wildcard = (text: string) => ({ wildcard: text });

// Each score below was checked against event-ruler's own MachineComplexityEvaluator.
describe('wildcard complexity score', () => {
  it.each([
    ['*', 2],
    ['*.png', 2],
    ['a*b', 2],
    ['*/*.jpg', 3],
    ['*:*', 3],
    ['in/*/out/*.csv', 4],
    ['a*a*a', 4],
    ['*:*:*', 5],
    ['*aaaa', 5],
    ['*abab', 3],
    ['*a*b*c*d*', 6],
    ['*:*:*:*', 7],
    ['*:*:*:*:*', 9],
    ['*:*:*:*:*:', 10],
    ['*:*:*:*:*:*', 11],
    ['*:*:*:*:*:event-bus/*', 11],
    ['arn:aws:events:*:*:event-bus/*', 5],
  ])('scores %s as %i', (text, expected) => {
    expect(score(field(wildcard(text)))).toBe(expected);
  });

  it('counts every wildcard value of a list, and the acceptances still live after the closing quote', () => {
    expect(score(field(wildcard('*a'), wildcard('*b')))).toBe(4);
    expect(score(field(wildcard('*a*'), wildcard('*b*')))).toBe(6);
    expect(score(field(wildcard('a*'), wildcard('b*')))).toBe(2);
  });

  it('counts the values of one anything-but list as one pattern where they share states', () => {
    expect(score(field({ 'anything-but': { wildcard: ['*a*', '*b*'] } }))).toBe(4);
    // Which value extends the other depends on the order a Java HashSet yields them.
    expect(score(field({ 'anything-but': { wildcard: ['"', ''] } }))).toBe(1);
  });

  it('ignores fields without wildcards and scores nothing for a rule without any', () => {
    expect(score({ source: ['aws.s3'], detail: { key: [{ prefix: 'a' }, 'b'] } })).toBe(0);
    expect(score(field(wildcard('*/*/*/*'), { prefix: 'a' }, 'b'))).toBe(7);
  });

  it('lays repeated sub-rules out as event-ruler does', () => {
    const twice = (detail: Record<string, unknown>) => ({ detail, $or: [{ detail: { c: ['1'] } }, { detail: { c: ['2'] } }] });
    const letters = [wildcard('*a*b*')];
    expect(score({ detail: { b: letters } })).toBe(4);
    // Both $or branches add the same wildcard at the same place; its letters keep the copies apart.
    expect(score(twice({ b: letters }))).toBe(7);
    expect(score(twice({ a: ['x'], b: letters }))).toBe(7);
    // An exact value added before a `*` on its first state is not found again by the second branch,
    // which then reaches a place of its own, and the two copies no longer add up.
    expect(score(twice({ a: ['x', wildcard('*.csv')], b: letters }))).toBe(4);
    expect(score(twice({ a: [wildcard('*.csv'), 'x'], b: letters }))).toBe(7);
  });

  it('stops counting at the cap', () => {
    const values = Array.from({ length: 100 }, (_, i) => wildcard(`*${i}*`));
    expect(wildcardComplexity(expandPattern(field(...values)), MAX_WILDCARD_COMPLEXITY + 1)).toBe(11);
  });
});

describe('refusing complex wildcards', () => {
  const tooComplex = { EventBusArn: [wildcard('*:*:*:*:*:event-bus/*')] };

  it("refuses with AWS's wording", () => {
    expect(() => compileEventPattern(tooComplex)).toThrow(InvalidEventPatternError);
    expect(() => compileEventPattern(tooComplex)).toThrow(`Event pattern is not valid. Reason: ${TOO_COMPLEX_REASON}`);
  });

  it('names the rule when a rule set holds it', () => {
    let thrown: unknown;
    try {
      compileRuleSet([
        { name: 'fine', pattern: { source: ['aws.s3'] } },
        { name: 'bus-arn', pattern: tooComplex },
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEventPatternError);
    expect((thrown as InvalidEventPatternError).ruleName).toBe('bus-arn');
    expect((thrown as InvalidEventPatternError).reason).toBe(TOO_COMPLEX_REASON);
  });

  it('refuses a hostile pattern quickly', () => {
    const started = performance.now();
    const values = Array.from({ length: 60 }, (_, i) => wildcard(`*x${i}*${'ab'.repeat(1 + (i % 7))}*`));
    expect(() => compileEventPattern(field(...values))).toThrow(TOO_COMPLEX_REASON);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
