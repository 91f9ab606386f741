import { describe, expect, it } from 'vitest';
import { compileEventPattern, compileRuleSet, InvalidEventPatternError } from '#domain/event-patterns/index.js';

const s3Event = (key: string, size: number, extra: Record<string, unknown> = {}) => ({
  version: '0',
  source: 'aws.s3',
  'detail-type': 'Object Created',
  region: 'eu-west-1',
  detail: { bucket: { name: 'landing' }, object: { key, size }, ...extra },
});

describe('compileRuleSet', () => {
  it('returns the names of matching rules in rule order', () => {
    const rules = compileRuleSet([
      { name: 'csv', pattern: { detail: { object: { key: [{ suffix: '.csv' }] } } } },
      { name: 'all-s3', pattern: { source: ['aws.s3'] } },
      { name: 'sqs', pattern: { source: ['aws.sqs'] } },
      { name: 'big', pattern: { detail: { object: { size: [{ numeric: ['>', 1000] }] } } } },
    ]);
    expect(rules.matchingRules(s3Event('in/a.csv', 5000))).toEqual(['csv', 'all-s3', 'big']);
    expect(rules.matchingRules(s3Event('in/a.png', 10))).toEqual(['all-s3']);
  });

  it('returns an empty list when nothing matches, and for non-object events', () => {
    const rules = compileRuleSet([{ name: 'sqs', pattern: { source: ['aws.sqs'] } }]);
    expect(rules.matchingRules(s3Event('a', 1))).toEqual([]);
    expect(rules.matchingRules(null)).toEqual([]);
    expect(rules.matchingRules('{"source":"aws.sqs"}')).toEqual([]);
    expect(rules.matchingRules([{ source: 'aws.sqs' }])).toEqual([]);
  });

  it('treats entries sharing a name as one rule that matches when either pattern does', () => {
    const rules = compileRuleSet([
      { name: 'interesting', pattern: { detail: { object: { key: [{ prefix: 'vip/' }] } } } },
      { name: 'other', pattern: { source: ['aws.s3'] } },
      { name: 'interesting', pattern: { detail: { object: { size: [{ numeric: ['>', 100] }] } } } },
    ]);
    expect(rules.matchingRules(s3Event('in/a', 500))).toEqual(['interesting', 'other']);
    expect(rules.matchingRules(s3Event('vip/a', 500))).toEqual(['interesting', 'other']);
    expect(rules.matchingRules(s3Event('in/a', 5))).toEqual(['other']);
  });

  it('accepts an empty rule list', () => {
    expect(compileRuleSet([]).matchingRules(s3Event('a', 1))).toEqual([]);
  });

  it('names the offending rule when a pattern is invalid', () => {
    let thrown: unknown;
    try {
      compileRuleSet([
        { name: 'fine', pattern: { source: ['aws.s3'] } },
        { name: 'broken', pattern: { source: 'aws.s3' } },
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEventPatternError);
    const error = thrown as InvalidEventPatternError;
    expect(error.ruleName).toBe('broken');
    expect(error.reason).toBe('"source" must be an object or an array');
    expect(error.message).toBe('Event pattern is not valid. Reason: "source" must be an object or an array');
  });

  it('does not leak one event into the next (fields present, then absent)', () => {
    const rules = compileRuleSet([
      { name: 'has-error', pattern: { detail: { error: [{ exists: true }] } } },
      { name: 'no-error', pattern: { detail: { error: [{ exists: false }] } } },
      { name: 'failed-items', pattern: { detail: { items: { status: ['FAILED'] } } } },
    ]);
    const withError = { detail: { error: 'x', items: [{ status: 'FAILED' }, { status: 'OK' }] } };
    const withoutError = { detail: { items: [{ status: 'OK' }] } };
    expect(rules.matchingRules(withError)).toEqual(['has-error', 'failed-items']);
    expect(rules.matchingRules(withoutError)).toEqual(['no-error']);
    expect(rules.matchingRules(withError)).toEqual(['has-error', 'failed-items']);
  });

  it('shares identical conditions between rules without mixing their results', () => {
    const rules = compileRuleSet(
      Array.from({ length: 30 }, (_, i) => ({
        name: `rule-${i}`,
        pattern: { source: ['aws.s3'], detail: { object: { size: [{ numeric: ['>=', i * 10] }] } } },
      })),
    );
    expect(rules.matchingRules(s3Event('a', 95))).toEqual(Array.from({ length: 10 }, (_, i) => `rule-${i}`));
  });

  it('exposes the pattern source on a compiled pattern', () => {
    const pattern = { source: ['aws.s3'] };
    const compiled = compileEventPattern(pattern);
    expect(compiled.source).toBe(pattern);
    expect(compiled.matches(s3Event('a', 1))).toBe(true);
    expect(compiled.matches({ source: 'aws.sqs' })).toBe(false);
  });
});

/**
 * Differential check: a rule set must answer exactly what each of its patterns answers alone, for
 * events with and without arrays of objects (the two evaluation paths of the engine).
 */
describe('compileRuleSet agrees with individually compiled patterns', () => {
  const patterns: unknown[] = [
    { source: ['aws.s3'] },
    { source: [{ prefix: 'aws.' }], detail: { state: [{ 'anything-but': ['FAILED', 'TIMED_OUT'] }] } },
    { detail: { items: { sku: ['A'], qty: [{ numeric: ['>', 2] }] } } },
    { detail: { items: { sku: ['B'], gift: [{ exists: false }] } } },
    { detail: { items: { zone: [{ exists: false }], sku: [{ 'equals-ignore-case': 'b' }] } } },
    { $or: [{ detail: { state: ['RUNNING'] } }, { detail: { items: { qty: [0] } } }] },
    { detail: { ip: [{ cidr: '10.0.0.0/16' }], state: [{ exists: true }] } },
    { detail: { key: [{ wildcard: 'in/*.csv' }] } },
    { detail: { tags: [{ 'anything-but': { prefix: 'tmp' } }] } },
    { detail: { state: [{ exists: false }], key: [{ suffix: '.csv' }] } },
  ];

  function randomEvent(next: () => number): Record<string, unknown> {
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    const detail: Record<string, unknown> = {};
    if (next() < 0.7) detail.state = pick(['RUNNING', 'FAILED', 'TIMED_OUT', null, 3]);
    if (next() < 0.6) detail.key = pick(['in/a.csv', 'in/b.png', 'out/c.csv', '']);
    if (next() < 0.5) detail.ip = pick(['10.0.3.4', '10.1.0.1', '::ffff:a00:1', 'nope']);
    if (next() < 0.5) detail.tags = pick([['tmp1', 'x'], ['tmp2'], [], ['a', null]]);
    if (next() < 0.7) {
      detail.items = Array.from({ length: Math.floor(next() * 4) }, () => {
        const item: Record<string, unknown> = { sku: pick(['A', 'B', 'b', 'C']), qty: pick([0, 1, 3, 7]) };
        if (next() < 0.3) item.gift = true;
        if (next() < 0.3) item.zone = 'z';
        return item;
      });
    }
    return { source: pick(['aws.s3', 'aws.sqs', 'custom']), detail };
  }

  it('over 2000 generated events', () => {
    let seed = 20240601;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const singles = patterns.map((pattern) => compileEventPattern(pattern));
    const ruleSet = compileRuleSet(patterns.map((pattern, i) => ({ name: `p${i}`, pattern })));
    for (let n = 0; n < 2000; n++) {
      const event = randomEvent(next);
      const expected = singles.flatMap((single, i) => (single.matches(event) ? [`p${i}`] : []));
      expect(ruleSet.matchingRules(event)).toEqual(expected);
    }
  });
});
