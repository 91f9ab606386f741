import { compileRuleSet } from '#domain/event-patterns/rule-set.js';
import { routingTable, type Route as RoutingRule } from '#domain/routing/routing-table.js';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { PlatformHost } from '../platform-host.js';
import { HttpError } from './http-error.js';
import { queryParameters } from './query-parameters.js';
import { sendJson } from './respond.js';
import { decodePathSegment, type Route } from './route.js';

export interface RoutedEvent {
  id: string;
  time: string;
  detailType: string;
  source: string;
  /** The step the event is about, with its attempt, when it is about one. */
  step: string | null;
  attempt: number | null;
  /** Every rule of the routing table the event matches, with the function its queue feeds. */
  routedBy: { rule: string; target: string }[];
}

/** A journey's events in the order they were put, each with the rules that took it on, as the bus would. */
export function routedEvents(events: readonly EventBridgeEnvelope[], rules: readonly RoutingRule[]): RoutedEvent[] {
  const matcher = compileRuleSet(rules.map((r) => ({ name: r.rule, pattern: r.pattern })));
  const targetOf = new Map(rules.map((r) => [r.rule, r.target]));
  return events.map((event) => {
    const detail = (typeof event.detail === 'object' && event.detail !== null ? event.detail : {}) as Record<string, unknown>;
    return {
      id: event.id,
      time: event.time,
      detailType: event['detail-type'],
      source: event.source,
      step: typeof detail['step'] === 'string' ? detail['step'] : null,
      attempt: typeof detail['attempt'] === 'number' ? detail['attempt'] : null,
      routedBy: matcher.matchingRules(event).map((rule) => ({ rule, target: targetOf.get(rule)! })),
    };
  });
}

/** `GET /journeys/<id>/events`: the journey's events and the rules that routed each. */
export function journeyEventsRoutes(host: PlatformHost): Route[] {
  return [
    {
      pattern: /^\/journeys\/([^/]+)\/events$/,
      name: '/journeys/:id/events',
      methods: {
        GET: async (_req, res, url, [id]) => {
          const journeyId = decodePathSegment(id!);
          queryParameters(url, [], `GET /journeys/${journeyId}/events`);
          if (!host.journeyEvents)
            throw new HttpError(501, 'not_on_this_host', `serve --aws does not list a journey's events; use symphainy show ${journeyId} --stage <name>`);
          if (!(await host.lookupJourney(journeyId))) throw new HttpError(404, 'journey_not_found', `no journey ${journeyId}; GET /journeys lists them`);
          sendJson(res, 200, routedEvents(host.journeyEvents(journeyId), routingTable(host.registry, { uploadBucket: host.uploadBucket })));
        },
      },
    },
  ];
}
