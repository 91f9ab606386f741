import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformMetrics } from './metrics/platform-metrics.js';
import type { DrainOutcome, PlatformHost } from './platform-host.js';
import { settlesWithin } from './bounded-wait.js';
import { createRoutes } from './http/routes.js';
import type { ServeLifecycle } from './http/serve-lifecycle.js';
import type { ServeLog } from './serve-log.js';

export interface ServerOptions {
  port: number;
  hostname: string;
  /** How long shutdown waits for uploads and messages in flight before closing anyway. */
  drainTimeoutMs: number;
  /** Required of every request but the probes; serve insists on one when it binds beyond loopback. */
  token?: string;
}

export interface ShutdownReport extends DrainOutcome {
  reason: string;
  tookMs: number;
}

export interface RunningServer {
  url: string;
  /** Refuses new uploads, finishes what is in flight (bounded), closes the host. Idempotent. */
  shutdown(reason: string): Promise<ShutdownReport>;
  /** Cuts the remaining drain short (a second signal); nothing is lost, only left for the next start. */
  hurry(): void;
}

/** Seconds the answers of requests cut short by shutdown get to reach their clients. */
const RESPONSE_FLUSH_MS = 2_000;

export async function startServer(host: PlatformHost, options: ServerOptions, log: ServeLog): Promise<RunningServer> {
  const metrics = new PlatformMetrics(host);
  const lifecycle: ServeLifecycle = { draining: false, uploadsInFlight: new Set(), stopWaiting: new AbortController() };
  const handle = createRoutes(host, metrics, lifecycle, options.token);
  const requestsInFlight = new Set<Promise<void>>();

  const server = createServer((req, res) => {
    if (lifecycle.draining) res.setHeader('connection', 'close');
    const handled = handle(req, res).catch((error: Error) => log.error('request_failed', `${req.method} ${req.url}: ${error.stack ?? error.message}`));
    requestsInFlight.add(handled);
    void handled.finally(() => requestsInFlight.delete(handled));
  });
  await listen(server, options);
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let hurried!: () => void;
  const hurry = new Promise<void>((resolve) => (hurried = resolve));
  let shutdown: Promise<ShutdownReport> | undefined;

  const drainAndClose = async (reason: string): Promise<ShutdownReport> => {
    const started = Date.now();
    const deadline = started + options.drainTimeoutMs;
    const bounded = (work: Promise<unknown>) => settlesWithin(Promise.race([work, hurry]), deadline - Date.now());
    lifecycle.draining = true;
    metrics.startedDraining();
    const messagesInFlight = (await host.depths()).reduce((sum, d) => sum + (Number.isFinite(d.depth) ? d.depth : 0), 0);
    log.info(
      'draining',
      `${reason}: refusing new uploads, finishing ${lifecycle.uploadsInFlight.size} upload(s) and ${messagesInFlight} message(s) in flight (at most ${options.drainTimeoutMs / 1000} s)`,
      {
        reason,
        uploadsInFlight: lifecycle.uploadsInFlight.size,
        messagesInFlight,
      },
    );
    await bounded(Promise.allSettled(lifecycle.uploadsInFlight));
    const outcome = await host.drain(Math.max(0, deadline - Date.now()));
    lifecycle.stopWaiting.abort();
    await settlesWithin(Promise.allSettled(requestsInFlight), RESPONSE_FLUSH_MS);
    await closeServer(server);
    metrics.close();
    await host.close();
    return { ...outcome, reason, tookMs: Date.now() - started };
  };

  return {
    url,
    shutdown: (reason) => (shutdown ??= drainAndClose(reason)),
    hurry: () => hurried(),
  };
}

function listen(server: Server, options: ServerOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'the port is in use'
          : error.code === 'EADDRNOTAVAIL'
            ? 'the address is not on this machine'
            : error.code === 'EACCES'
              ? 'permission denied'
              : error.message;
      reject(new Error(`cannot listen on ${options.hostname}:${options.port}: ${why}`));
    };
    server.once('error', onError);
    server.listen(options.port, options.hostname, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
