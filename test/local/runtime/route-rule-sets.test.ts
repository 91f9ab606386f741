import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from '#domain/event-patterns/index.js';
import type { Route } from '#domain/routing/routing-table.js';
import { EmbeddedEventBus } from '#local/runtime/embedded-event-bus.js';
import { compileRouteRuleSets } from '#local/runtime/route-rule-sets.js';

const route = (rule: string, pattern: Record<string, unknown>): Route => ({ rule, bus: 'platform', pattern, target: 'process-file', description: rule });
const tooComplex = route('any-bus', { EventBusArn: [{ wildcard: '*:*:*:*:*:event-bus/*' }] });
const TOO_COMPLEX = 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

describe('compiling the routing table', () => {
  it('refuses a rule EventBridge would refuse, naming it', () => {
    let thrown: unknown;
    try {
      compileRouteRuleSets([route('fine', { source: ['symphainy'] }), tooComplex]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEventPatternError);
    expect((thrown as InvalidEventPatternError).ruleName).toBe('any-bus');
    expect((thrown as InvalidEventPatternError).reason).toBe(TOO_COMPLEX);
  });

  it('is the path the embedded bus takes', () => {
    expect(() => new EmbeddedEventBus([tooComplex], { account: '111122223333', region: 'eu-west-1', now: () => new Date(0) })).toThrow(TOO_COMPLEX);
  });

  it('compiles each bus on its own', () => {
    const sets = compileRouteRuleSets([route('p', { source: ['symphainy'] }), { ...route('d', { source: ['aws.s3'] }), bus: 'default' }]);
    expect(sets.platform.matchingRules({ source: 'symphainy' })).toEqual(['p']);
    expect(sets.default.matchingRules({ source: 'symphainy' })).toEqual([]);
  });
});
