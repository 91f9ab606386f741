import {
  archiveOfBus,
  ArchiveReplayError,
  busArnOf,
  cancelReplay,
  planArchiveReplay,
  startArchiveReplay,
  waitForReplay,
  windowProgress,
} from '#local/replay/archive-replay.js';
import { cloudTarget } from '#local/stage/cloud-target.js';
import { eventBridgeClient } from '#local/stage/event-bridge-client.js';
import { stageBusName } from '#local/stage/stage-names.js';
import { formatArchivePlan, formatArchiveStatus } from '#local/replay/replay-report.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { ProgressLine } from '#local/terminal/progress-line.js';

/** How often DescribeReplay is asked while a replay runs. */
const POLL_INTERVAL_MS = 1000;

/** Replays a time window of an EventBridge archive onto its bus and follows it until DescribeReplay says it ended. */
export interface ArchiveReplayOptions {
  json: boolean;
  archive?: string;
  stage?: string;
  endpoint?: string;
  region?: string;
  rule?: string[];
  'dry-run': boolean;
  replayName: string;
  since: Date;
  until: Date;
}

export async function archiveReplay(options: ArchiveReplayOptions): Promise<number> {
  const target = cloudTarget(options);
  const client = eventBridgeClient(target);
  const where = target.endpoint ?? `AWS ${target.region}`;
  try {
    let archive = options.archive;
    if (!archive) archive = await archiveOfBus(client, await busArnOf(client, stageBusName(options.stage!)));
    const plan = await planArchiveReplay(client, archive, { since: options.since, until: options.until }, options.rule ?? []);
    const planJson = {
      replayName: options.replayName,
      source: { kind: 'archive', archive: plan.archive, bus: plan.busName, endpoint: where },
      window: { since: plan.since.toISOString(), until: plan.until.toISOString() },
      rules: plan.rules.map((r) => r.name),
      filtered: plan.filtered,
    };
    if (options['dry-run']) {
      if (options.json) console.log(JSON.stringify({ ...planJson, dryRun: true }, null, 2));
      else console.log(formatArchivePlan(plan, options.replayName));
      return ExitCode.ok;
    }
    await startArchiveReplay(client, plan, options.replayName);
    const progress = new ProgressLine();
    const interrupt = () => void cancelReplay(client, options.replayName).catch(() => undefined);
    process.once('SIGINT', interrupt);
    let status;
    try {
      status = await waitForReplay(client, options.replayName, {
        intervalMs: POLL_INTERVAL_MS,
        onStatus: (s) => progress.update(formatArchiveStatus(options.replayName, s, windowProgress(s, plan.since, plan.until))),
      });
    } finally {
      process.off('SIGINT', interrupt);
    }
    progress.done();
    const result = {
      ...planJson,
      dryRun: false,
      state: status.state,
      stateReason: status.stateReason ?? null,
      replayStartTime: status.startedAt?.toISOString() ?? null,
      replayEndTime: status.endedAt?.toISOString() ?? null,
      eventLastReplayedTime: status.lastReplayed?.toISOString() ?? null,
    };
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(formatArchiveStatus(options.replayName, status, windowProgress(status, plan.since, plan.until)));
      console.log(
        `  archive ${plan.archive} → bus ${plan.busName} (${where}), window ${result.window.since} to ${result.window.until}, ${plan.filtered ? `rules ${result.rules.join(', ')}` : 'every rule'}`,
      );
      console.log('  the replayed events carry replay-name; delivered journeys ignore them unless the name starts with as-new-');
    }
    return status.state === 'COMPLETED' ? ExitCode.ok : ExitCode.notOk;
  } catch (error) {
    if (error instanceof ArchiveReplayError) {
      throw new CommandError('archive_not_found', `${error.message} (${where})`, ExitCode.notFound);
    }
    if ((error as { name?: string }).name === 'ResourceAlreadyExistsException')
      throw new UsageError(`a replay named ${options.replayName} exists already: choose another --name`);
    if (error instanceof UsageError) throw error;
    // Unreachable endpoint, missing credentials, access denied: say who said what, without a stack.
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    const about = options.archive ? `archive ${options.archive}` : `the archive of bus ${stageBusName(options.stage!)}`;
    console.error(
      `symphainy replay: EventBridge at ${where} could not be asked for ${about}: ${(error as Error).name}: ${(error as Error).message}${cause && !(error as Error).message.includes(cause) ? ` (${cause})` : ''}`,
    );
    return ExitCode.notOk;
  } finally {
    client.destroy();
  }
}
