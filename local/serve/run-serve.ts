import type { StepFault } from '#local/runtime/step-faults.js';
import { AwsHost } from './aws/aws-host.js';
import type { StageNames } from './aws/stage-resources.js';
import { EmbeddedHost } from './embedded-host.js';
import type { PlatformHost } from './platform-host.js';
import { watchParent } from './parent-watch.js';
import { serveLog } from './serve-log.js';
import { startServer, type RunningServer } from './server.js';

interface CommonSettings {
  port: number;
  hostname: string;
  drainTimeoutMs: number;
  token?: string;
  json: boolean;
  verbose: boolean;
}

export type ServeSettings =
  | (CommonSettings & { mode: 'embedded'; dataDir: string; faults?: readonly StepFault[] })
  | (CommonSettings & { mode: 'aws'; stage: string; endpoint?: string; region?: string; names: Partial<StageNames>; pollSeconds: number });

/**
 * Resolves with the first SIGTERM, SIGINT or SIGHUP, or with SIGTERM once the parent process has
 * gone (a wrapper such as npx that exits without passing its signal on) or `stopWhen` says so;
 * later ones call `again`.
 */
function firstSignal(again: () => void, onOrphaned: () => void, stopWhen?: (stop: () => void) => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (name: NodeJS.Signals) => {
      if (received) return again();
      received = true;
      resolve(name);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    process.on('SIGHUP', onSignal);
    watchParent(() => {
      onOrphaned();
      onSignal('SIGTERM');
    });
    stopWhen?.(() => onSignal('SIGTERM'));
  });
}

/** After shutdown, anything still holding the event loop (a stray socket) gets this long. */
const EXIT_GRACE_MS = 3_000;

/**
 * Runs `symphainy serve` until SIGTERM, SIGINT or SIGHUP, its parent's exit, or `stopWhen` calls
 * the stop it is handed (the CLI does when stdout is closed); resolves with the exit code.
 */
export async function runServe(settings: ServeSettings, stopWhen?: (stop: () => void) => void): Promise<number> {
  const log = serveLog(settings.json);
  const current: { server?: RunningServer } = {};
  // Listen for signals before anything opens, so one that comes during start-up still shuts down
  // gracefully instead of killing the process half-open.
  const stopSignal = firstSignal(
    () => {
      log.info('hurry', 'second signal: closing without waiting for the rest');
      current.server?.hurry();
    },
    () => log.info('orphaned', 'the process that started serve has exited: stopping as on SIGTERM'),
    stopWhen,
  );
  let host: PlatformHost;
  try {
    host =
      settings.mode === 'embedded'
        ? await EmbeddedHost.open({ dataDir: settings.dataDir, verbose: settings.verbose, faults: settings.faults ?? [] })
        : await AwsHost.open({ ...settings, names: settings.names, waitSeconds: settings.pollSeconds, log });
  } catch (error) {
    log.error('start_failed', `symphainy serve: ${(error as Error).message}`);
    return 1;
  }

  let server: RunningServer;
  try {
    server = await startServer(host, settings, log);
  } catch (error) {
    await host.close();
    log.error('start_failed', `symphainy serve: ${(error as Error).message}`);
    return 1;
  }
  const where = Object.entries(host.where)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  log.info(
    'listening',
    `symphainy serve (${host.mode}: ${where})\nlistening on ${server.url}: the dashboard at /, GET /health /ready /metrics /journeys /journeys/<id> /events, POST /uploads`,
    {
      url: server.url,
      mode: host.mode,
      ...host.where,
    },
  );

  current.server = server;
  const signal = await stopSignal;
  const report = await server.shutdown(signal);
  const left = report.drained
    ? 'everything in flight finished'
    : `${report.unfinished} message(s) unfinished, ${host.mode === 'embedded' ? 'kept in the journal for the next start' : 'left on their queues for redelivery'}`;
  log.info('stopped', `stopped after ${signal} in ${report.tookMs} ms: ${left}`, {
    signal,
    drained: report.drained,
    unfinished: report.unfinished,
    tookMs: report.tookMs,
  });
  setTimeout(() => process.exit(process.exitCode ?? 0), EXIT_GRACE_MS).unref();
  return 0;
}
