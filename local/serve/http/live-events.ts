import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformHost } from '../platform-host.js';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /events`: server-sent events, one per platform event, naming its journey and type, so a
 * page re-reads only what moved instead of polling. A comment line every 15 s keeps proxies
 * from closing an idle stream.
 */
export function liveEventsRoute(host: PlatformHost) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    const unsubscribe = host.onEvent((event) => {
      const detail = (event.detail ?? {}) as { journeyId?: unknown };
      const journeyId = typeof detail.journeyId === 'string' ? detail.journeyId : null;
      res.write(`data: ${JSON.stringify({ type: event['detail-type'], journeyId, time: event.time })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
    await new Promise<void>((resolve) => {
      const end = () => resolve();
      req.once('close', end);
      res.once('close', end);
    });
    clearInterval(heartbeat);
    unsubscribe();
  };
}
