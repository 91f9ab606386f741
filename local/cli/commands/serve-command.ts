import { parseArgs } from '../parse-args.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { dataDirOf, faultsOf } from '../runtime-options.js';
import { runServe, type ServeSettings } from '#local/serve/run-serve.js';
import { stageNameProblem } from '#local/stage/stage-name-rule.js';
import { isLoopback, MIN_TOKEN_LENGTH } from '#local/serve/http/access-token.js';
import { serveUsage } from '../usage.js';
import { onOutputClosed } from '../closed-output.js';

const DEFAULT_PORT = 8080;
const DEFAULT_DRAIN_SECONDS = 25;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'data-dir': { type: 'string' },
      'drain-timeout': { type: 'string' },
      aws: { type: 'boolean', default: false },
      stage: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'upload-bucket': { type: 'string' },
      'artifact-bucket': { type: 'string' },
      'event-bus': { type: 'string' },
      'poll-seconds': { type: 'string' },
      fault: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return (console.log(serveUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`serve takes no arguments (got ${positionals.join(' ')})\n\n${serveUsage}`);

  const port = wholeNumber('--port', values.port, 0, 65535) ?? DEFAULT_PORT;
  const drainTimeoutMs = (wholeNumber('--drain-timeout', values['drain-timeout'], 0, 3600) ?? DEFAULT_DRAIN_SECONDS) * 1000;
  if (!values.host) throw new UsageError('--host needs an address, e.g. 127.0.0.1 (0.0.0.0 inside a container)');
  const token = values.token ?? (process.env['SYMPHAINY_SERVE_TOKEN'] || undefined);
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH)
    throw new UsageError(`the token must be at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 16)`);
  if (token === undefined && !isLoopback(values.host)) {
    throw new UsageError(
      `--host ${values.host} reaches beyond this machine: give a token (--token or $SYMPHAINY_SERVE_TOKEN, e.g. openssl rand -hex 16) so only its holders can upload and read journeys`,
    );
  }
  const common = { port, hostname: values.host, drainTimeoutMs, json: values.json, verbose: values.verbose, ...(token ? { token } : {}) };

  const awsOnly = (['stage', 'endpoint', 'region', 'upload-bucket', 'artifact-bucket', 'event-bus', 'poll-seconds'] as const).filter(
    (name) => values[name] !== undefined,
  );
  let settings: ServeSettings;
  if (!values.aws) {
    if (awsOnly.length) throw new UsageError(`--${awsOnly[0]} is for --aws mode; add --aws --stage <stage>, or drop it to serve the embedded runtime`);
    const faults = await faultsOf(values);
    settings = { ...common, mode: 'embedded', dataDir: dataDirOf(values), ...(faults.length ? { faults } : {}) };
  } else {
    if (values['data-dir'] !== undefined) throw new UsageError('--data-dir is for the embedded runtime; with --aws the state lives in the stage');
    if (values.fault?.length) throw new UsageError('--fault works on the embedded runtime only: faults are never deployed into the functions');
    const stage = values.stage;
    if (!stage) throw new UsageError('--aws needs --stage <stage>, the deployed stage whose queues to consume (e.g. --stage local)');
    const stageProblem = stageNameProblem(stage);
    if (stageProblem) throw new UsageError(stageProblem);
    const endpoint = values.endpoint ?? process.env.AWS_ENDPOINT_URL;
    if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint))
      throw new UsageError(`--endpoint "${endpoint}" is not an http(s) URL, e.g. http://127.0.0.1:4566`);
    settings = {
      ...common,
      mode: 'aws',
      stage,
      ...(endpoint ? { endpoint } : {}),
      ...(values.region ? { region: values.region } : {}),
      names: {
        ...optional('uploadBucket', values['upload-bucket'] ?? process.env.UPLOAD_BUCKET),
        ...optional('artifactBucket', values['artifact-bucket'] ?? process.env.ARTIFACT_BUCKET),
        ...optional('eventBus', values['event-bus'] ?? process.env.EVENT_BUS_NAME),
      },
      pollSeconds: wholeNumber('--poll-seconds', values['poll-seconds'], 1, 20) ?? 20,
    };
  }
  // A closed stdout (serve | head) winds the server down as SIGTERM does, rather than ending it mid-request.
  return runServe(settings, (stop) => void onOutputClosed(stop));
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return Number(value);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
