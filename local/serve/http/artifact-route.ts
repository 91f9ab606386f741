import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformHost } from '../platform-host.js';
import { HttpError } from './http-error.js';

/**
 * `GET /journeys/<id>/artifact?key=<key>[&download=1]`: one artifact of the journey, streamed from
 * the store with the type it was written with. Only keys the journey itself lists are served, so
 * the page cannot be made to read an upload or another bucket's object by a crafted key.
 */
export function artifactRoute(host: PlatformHost) {
  return async (_req: IncomingMessage, res: ServerResponse, url: URL, journeyId: string): Promise<void> => {
    const key = url.searchParams.get('key');
    if (!key) throw new HttpError(400, 'missing_parameter', 'give the artifact key: ?key=journeys/<id>/<step>/<name>');
    const view = await host.lookupJourney(journeyId);
    if (!view) throw new HttpError(404, 'journey_not_found', `no journey ${journeyId}`);
    const artifact = view.artifacts.find((a) => a.key === key) ?? view.steps.flatMap((s) => s.artifacts).find((a) => a.key === key);
    if (!artifact) throw new HttpError(404, 'artifact_not_found', `journey ${journeyId} has no artifact ${key}`);
    const object = await host.objects.stream(artifact.bucket, artifact.key);
    if (!object) throw new HttpError(404, 'artifact_missing', `s3://${artifact.bucket}/${artifact.key} is listed by the journey but not in the store`);
    const fileName = artifact.key.split('/').pop() ?? 'artifact';
    res.writeHead(200, {
      'content-type': artifact.contentType,
      'content-length': String(object.head.size),
      'x-content-type-options': 'nosniff',
      // An HTML report opens in a sandbox: it may not run script against this origin.
      'content-security-policy': 'sandbox',
      ...(url.searchParams.get('download') === '1' ? { 'content-disposition': `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"` } : {}),
    });
    for await (const chunk of object.chunks) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  };
}
