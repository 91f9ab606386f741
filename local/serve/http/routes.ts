import type { IncomingMessage, ServerResponse } from 'node:http';
import { journeyDetail, journeyReport } from '#local/journey-views/journey-report.js';
import { routingTable } from '#domain/routing/routing-table.js';
import type { PlatformMetrics } from '../metrics/platform-metrics.js';
import type { PlatformHost } from '../platform-host.js';
import { acceptedBody, AcceptedUploads } from './accepted-uploads.js';
import { admit } from './access-token.js';
import { artifactRoute } from './artifact-route.js';
import { sendDashboardAsset } from './dashboard-assets.js';
import { journeyEventsRoutes } from './journey-events-route.js';
import { liveEventsRoute } from './live-events.js';
import { operationsRoutes } from './operations-routes.js';
import { decodePathSegment, type Route } from './route.js';
import { HttpError } from './http-error.js';
import { selectJourneys } from './journeys-query.js';
import { queryParameters } from './query-parameters.js';
import { sendError, sendJson, sendText } from './respond.js';
import type { ServeLifecycle } from './serve-lifecycle.js';
import { uploadRoute } from './upload-route.js';

/** The HTTP API of `symphainy serve`, over whichever host it runs on. */
export function createRoutes(host: PlatformHost, metrics: PlatformMetrics, lifecycle: ServeLifecycle, token?: string) {
  const accepted = new AcceptedUploads();

  const routes: Route[] = [
    {
      pattern: /^\/$/,
      name: '/',
      methods: { GET: async (_req, res) => sendDashboardAsset(res, 'index.html') },
    },
    {
      pattern: /^\/dashboard\/([a-z]+\.(?:js|css))$/,
      name: '/dashboard/:file',
      methods: { GET: async (_req, res, _url, [file]) => sendDashboardAsset(res, file!) },
    },
    {
      pattern: /^\/events$/,
      name: '/events',
      methods: { GET: liveEventsRoute(host) },
    },
    {
      pattern: /^\/use-cases$/,
      name: '/use-cases',
      methods: {
        GET: async (_req, res) =>
          sendJson(
            res,
            200,
            host.registry.useCases().map((u) => ({
              id: u.id,
              title: u.title,
              journeys: Object.keys(u.journeys),
              maxUploadBytes: Math.min(u.maxUploadBytes ?? host.maxUploadBytes, host.maxUploadBytes),
            })),
          ),
      },
    },
    {
      pattern: /^\/rules$/,
      name: '/rules',
      methods: {
        GET: async (_req, res) =>
          sendJson(
            res,
            200,
            routingTable(host.registry, { uploadBucket: host.uploadBucket }).map((r) => ({
              rule: r.rule,
              bus: r.bus,
              pattern: r.pattern,
              target: r.target,
              ...(r.step ? { step: r.step } : {}),
              description: r.description,
            })),
          ),
      },
    },
    {
      pattern: /^\/health$/,
      name: '/health',
      methods: { GET: async (_req, res) => sendJson(res, 200, { status: 'ok', mode: host.mode }) },
    },
    {
      pattern: /^\/ready$/,
      name: '/ready',
      methods: {
        GET: async (_req, res) => {
          const checks = await host.readiness();
          const ready = !lifecycle.draining && checks.every((c) => c.ok);
          sendJson(res, ready ? 200 : 503, { ready, mode: host.mode, draining: lifecycle.draining, checks });
        },
      },
    },
    {
      pattern: /^\/metrics$/,
      name: '/metrics',
      methods: { GET: async (_req, res) => sendText(res, 200, await metrics.render(), metrics.contentType) },
    },
    {
      pattern: /^\/uploads$/,
      name: '/uploads',
      methods: { POST: uploadRoute(host, metrics, lifecycle, accepted) },
    },
    {
      pattern: /^\/journeys$/,
      name: '/journeys',
      methods: { GET: async (_req, res, url) => sendJson(res, 200, selectJourneys(url, host.journeys()).map(journeyReport)) },
    },
    {
      pattern: /^\/journeys\/([^/]+)$/,
      name: '/journeys/:id',
      methods: {
        GET: async (_req, res, url, [id]) => {
          queryParameters(url, [], `GET /journeys/${id}`);
          const journeyId = decodePathSegment(id!);
          const view = await host.lookupJourney(journeyId);
          if (view) {
            accepted.forget(journeyId);
            return sendJson(res, 200, await journeyDetail(view, host.objects));
          }
          const upload = accepted.get(journeyId);
          if (upload) return sendJson(res, 202, acceptedBody(upload), { 'retry-after': '1' });
          throw new HttpError(
            404,
            'journey_not_found',
            `no journey ${journeyId}${host.mode === 'aws' ? " in the stage's journey record or among those this process has seen" : ''}; GET /journeys lists them`,
          );
        },
      },
    },
    {
      pattern: /^\/journeys\/([^/]+)\/artifact$/,
      name: '/journeys/:id/artifact',
      methods: { GET: async (req, res, url, [id]) => artifactRoute(host)(req, res, url, decodePathSegment(id!)) },
    },
    ...journeyEventsRoutes(host),
    ...operationsRoutes(host),
  ];

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://serve.invalid');
    const route = routes.find((r) => r.pattern.test(url.pathname));
    const name = route?.name ?? 'other';
    if (token !== undefined && !admit(req, res, url, token)) return metrics.request(name, res.statusCode);
    try {
      if (!route)
        throw new HttpError(
          404,
          'not_found',
          `no endpoint ${url.pathname}; try GET / (the dashboard), /health, /ready, /metrics, /journeys, /journeys/<id>, /events or POST /uploads`,
        );
      const handle = route.methods[req.method ?? 'GET'];
      if (!handle)
        throw new HttpError(405, 'method_not_allowed', `${route.name} takes ${Object.keys(route.methods).join(', ')}, not ${req.method}`, {
          allow: Object.keys(route.methods).join(', '),
        });
      await handle(req, res, url, route.pattern.exec(url.pathname)!.slice(1));
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error as Error);
      } else if (error instanceof HttpError) {
        sendError(res, error.status, error.code, error.message, error.headers);
      } else {
        sendError(res, 500, 'internal_error', (error as Error).message);
        throw error;
      }
    } finally {
      metrics.request(name, res.statusCode);
    }
  };
}
