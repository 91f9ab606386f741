import type { IncomingMessage, ServerResponse } from 'node:http';
import { journeyDetail } from '#local/journey-views/journey-report.js';
import type { PlatformMetrics } from '../metrics/platform-metrics.js';
import type { AcceptedUpload, PlatformHost } from '../platform-host.js';
import { journeyIsOver, waitForJourney } from '../journey-waiter.js';
import { acceptedBody, type AcceptedUploads } from './accepted-uploads.js';
import { HttpError } from './http-error.js';
import { bodyChunks } from './read-body.js';
import { namedUseCase, uploadLimitOf } from '#domain/uploads/upload-limit.js';
import { sendJson } from './respond.js';
import type { ServeLifecycle } from './serve-lifecycle.js';
import { parseUploadRequest, type UploadRequest } from './upload-request.js';

/**
 * `POST /uploads`: puts the body into the upload bucket as a user's upload, answers 202 with the
 * journey's Location, or with `wait=true` 201 and the finished journey. Refused (503) once the
 * server is shutting down; an upload already begun is finished and answered.
 */
export function uploadRoute(host: PlatformHost, metrics: PlatformMetrics, lifecycle: ServeLifecycle, accepted: AcceptedUploads) {
  const take = async (req: IncomingMessage, url: URL): Promise<{ request: UploadRequest; upload: AcceptedUpload }> => {
    const request = parseUploadRequest(url, req.headers);
    const limit = uploadLimitOf(host.registry, namedUseCase(request.key, request.metadata), { maxUploadBytes: host.maxUploadBytes });
    const declared = Number(req.headers['content-length']);
    if (declared === 0)
      throw new HttpError(400, 'missing_body', "the request has no body: send the file's bytes as the body (e.g. curl --data-binary @file.csv)");
    const upload = await host.upload({
      body: bodyChunks(req, limit),
      key: request.key,
      metadata: request.metadata,
      ...(request.contentType ? { contentType: request.contentType } : {}),
    });
    return { request, upload };
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (lifecycle.draining) {
      throw new HttpError(503, 'shutting_down', 'the server is shutting down and takes no new uploads; retry against another instance', {
        connection: 'close',
        'retry-after': '5',
      });
    }
    const taking = take(req, url);
    lifecycle.uploadsInFlight.add(taking);
    const { request, upload } = await taking.finally(() => lifecycle.uploadsInFlight.delete(taking));
    metrics.uploadAccepted();
    accepted.remember(upload);
    const location: Record<string, string> = upload.journeyId ? { location: `/journeys/${upload.journeyId}` } : {};
    if (request.wait && upload.journeyId) {
      const view = await waitForJourney(host, upload.journeyId, request.waitTimeoutMs, lifecycle.stopWaiting.signal);
      if (journeyIsOver(view)) return sendJson(res, 201, await journeyDetail(view, host.objects), location);
    }
    sendJson(res, 202, acceptedBody(upload), location);
  };
}
