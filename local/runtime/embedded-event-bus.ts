import { randomUUID } from 'node:crypto';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { eventEntryBytes, MAX_EVENT_BYTES } from '#events/event-size.js';
import type { BusRole, Route } from '#domain/routing/routing-table.js';
import type { CompiledRuleSet } from '#domain/event-patterns/index.js';
import { compileRouteRuleSets } from './route-rule-sets.js';

export interface RoutedMessage {
  route: Route;
  messageId: string;
  body: string;
}

/**
 * The in-process EventBridge: stamps drafts into envelopes exactly as EventBridge delivers them,
 * and matches them against the routing table's rules with the AWS-faithful matcher.
 */
export class EmbeddedEventBus {
  private readonly ruleSets: Record<BusRole, CompiledRuleSet>;
  private readonly routesByRule: Map<string, Route>;

  constructor(
    private readonly routes: readonly Route[],
    private readonly settings: { account: string; region: string; now: () => Date },
  ) {
    this.routesByRule = new Map(routes.map((r) => [r.rule, r]));
    this.ruleSets = compileRouteRuleSets(routes);
  }

  envelope(draft: EventDraft): EventBridgeEnvelope {
    const event: EventBridgeEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': draft.detailType,
      source: draft.source,
      account: this.settings.account,
      // EventBridge stamps whole seconds.
      time: this.settings
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      region: this.settings.region,
      resources: draft.resources ?? [],
      detail: draft.detail,
    };
    // EventBridge refuses entries above the limit; so do we, so nothing works locally that fails in AWS.
    const size = eventEntryBytes(draft);
    if (size > MAX_EVENT_BYTES) throw new Error(`event ${draft.detailType} is ${size} bytes; EventBridge accepts at most ${MAX_EVENT_BYTES}`);
    return event;
  }

  /** Which queues an event reaches, one message per matching rule. */
  route(bus: BusRole, event: EventBridgeEnvelope): RoutedMessage[] {
    const body = JSON.stringify(event);
    return this.ruleSets[bus].matchingRules(event).map((rule) => ({ route: this.routesByRule.get(rule)!, messageId: `${event.id}:${rule}`, body }));
  }
}
