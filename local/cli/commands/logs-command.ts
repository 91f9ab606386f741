import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from '../parse-args.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { withStage } from '#local/cloud/cloud-commands.js';
import { cloudJourneyLogs } from '#local/cloud/cloud-logs.js';
import { embeddedJourneyLogs } from '#local/logs/embedded-journey-logs.js';
import { followJourneyLogs, type JourneyLogSource } from '#local/logs/follow-journey-logs.js';
import { formatLogLine, type JourneyLogLine } from '#local/log-lines/journey-log-line.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { cloudOptionSpec, cloudTargetOf, commonOptionSpec, dataDirOf } from '../runtime-options.js';
import { logsUsage } from '../usage.js';

/** Embedded reads are file reads; a stage's are a FilterLogEvents per function, which CloudWatch rations. */
const EMBEDDED = { intervalMs: 200, settleMs: 400 };
const CLOUD = { intervalMs: 3_000, settleMs: 10_000, appearWithinMs: 60_000 };

export async function logsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...commonOptionSpec, ...cloudOptionSpec, follow: { type: 'boolean', short: 'f', default: false } },
  });
  if (values.help) return (console.log(logsUsage), ExitCode.ok);
  const [journeyId, ...extra] = positionals;
  if (!journeyId || extra.length) throw new UsageError(`logs needs exactly one journey id\n\n${logsUsage}`);
  const print = (lines: JourneyLogLine[]) => {
    for (const line of lines) console.log(values.json ? JSON.stringify(line) : formatLogLine(line));
  };
  const cloud = cloudTargetOf(values);
  if (cloud) {
    return withStage(cloud, (stage) =>
      run(
        cloudJourneyLogs(stage, journeyId, defaultUseCaseRegistry()),
        { ...CLOUD, follow: values.follow, print },
        `no journey ${journeyId} recorded on stage ${cloud.stage}, and no log line names it`,
      ),
    );
  }
  const dataDir = dataDirOf(values);
  return run(embeddedJourneyLogs(dataDir, journeyId), { ...EMBEDDED, follow: values.follow, print }, `no journey ${journeyId} in ${dataDir}`);
}

async function run(
  source: JourneyLogSource,
  options: { intervalMs: number; settleMs: number; appearWithinMs?: number; follow: boolean; print: (lines: JourneyLogLine[]) => void },
  notFound: string,
): Promise<number> {
  const outcome = await followJourneyLogs(source, { ...options, sleep: (ms) => sleep(ms), now: () => Date.now() });
  if (outcome.kind === 'not_found') throw new CommandError('journey_not_found', notFound, ExitCode.notFound);
  if (outcome.kind === 'stalled') {
    throw new CommandError(
      'journey_not_moving',
      `the journey is ${outcome.status} but no process is running it (nothing holds the data dir); any command that opens it, e.g. symphainy show, resumes it`,
    );
  }
  // On stderr, so stdout stays the log lines (one JSON object each under --json).
  if (outcome.kind === 'ended') console.error(`journey ${outcome.status}`);
  return ExitCode.ok;
}
