import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { valueAt, type CompiledRuleSet } from '#domain/event-patterns/index.js';
import type { BusRole, Route } from '#domain/routing/routing-table.js';
import { compileRouteRuleSets } from '../runtime/route-rule-sets.js';

export interface ExplainedRoute {
  rule: string;
  bus: BusRole;
  target: string;
  pattern: Record<string, unknown>;
  /** One line per field the pattern tests: the event's value and what the pattern asks of it. */
  because: string[];
}

/** Which rules of the routing table an event reaches on a bus, and why, without delivering it. */
export function routeExplainer(routes: readonly Route[]): (bus: BusRole, event: EventBridgeEnvelope) => ExplainedRoute[] {
  const ruleSets = compileRouteRuleSets(routes);
  const byBus = new Map<BusRole, { routes: Route[]; rules: CompiledRuleSet }>();
  for (const bus of ['default', 'platform'] as const) byBus.set(bus, { routes: routes.filter((r) => r.bus === bus), rules: ruleSets[bus] });
  return (bus, event) => {
    const { routes: on, rules } = byBus.get(bus)!;
    return rules.matchingRules(event).map((name) => {
      const route = on.find((r) => r.rule === name)!;
      return { rule: route.rule, bus, target: route.target, pattern: route.pattern, because: explainPattern(route.pattern, event) };
    });
  };
}

function explainPattern(pattern: Record<string, unknown>, event: unknown, path: string[] = []): string[] {
  const lines: string[] = [];
  for (const [field, expected] of Object.entries(pattern)) {
    if (field === '$or') {
      lines.push(`${[...path, '$or'].join('.')}: one of ${JSON.stringify(expected)}`);
    } else if (Array.isArray(expected)) {
      const at = [...path, field];
      lines.push(`${at.join('.')} is ${JSON.stringify(valueAt(event, at)) ?? '(absent)'}, the pattern asks ${JSON.stringify(expected)}`);
    } else if (expected && typeof expected === 'object') {
      lines.push(...explainPattern(expected as Record<string, unknown>, event, [...path, field]));
    }
  }
  return lines;
}
