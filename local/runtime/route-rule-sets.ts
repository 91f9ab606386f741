import { compileRuleSet, type CompiledRuleSet } from '#domain/event-patterns/index.js';
import type { BusRole, Route } from '#domain/routing/routing-table.js';

const BUSES: readonly BusRole[] = ['default', 'platform'];

/**
 * The routing table's rules compiled per bus. The embedded bus, route explanations and `symphainy
 * rules` all start here, so a pattern EventBridge would refuse at deploy is refused by each of them
 * with the same InvalidEventPatternError, naming the rule.
 */
export function compileRouteRuleSets(routes: readonly Route[]): Record<BusRole, CompiledRuleSet> {
  const sets = {} as Record<BusRole, CompiledRuleSet>;
  for (const bus of BUSES) {
    sets[bus] = compileRuleSet(routes.filter((route) => route.bus === bus).map((route) => ({ name: route.rule, pattern: route.pattern })));
  }
  return sets;
}
