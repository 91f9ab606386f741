import { parseArgs } from 'node:util';
import { journeyDelivered } from '#domain/managers/delivery-manager.js';
import { archiveOfBus, ArchiveReplayError, busArnOf, cancelReplay, planArchiveReplay, startArchiveReplay, waitForReplay, windowProgress } from '#local/replay/archive-replay.js';
import { cloudTarget, eventBridgeClient, stageBusName } from '#local/replay/cloud-target.js';
import { putPlannedEvents, ReplayObserver } from '#local/replay/embedded-replay.js';
import { isEmptyFilter, matchesFilter, parseTimeArgument, TimeArgumentError, type EventFilter } from '#local/replay/event-filter.js';
import { FixturePathError, readFixtures } from '#local/replay/fixture-files.js';
import { journeyIdOf } from '#local/replay/journey-of-event.js';
import { RecordingConflictError, restoreRecordingInput } from '#local/replay/recording-input.js';
import type { Recording } from '#local/replay/recording.js';
import { planReplay } from '#local/replay/replay-plan.js';
import { ReplayNameError, replayNameFor } from '#local/replay/replay-name.js';
import { formatArchivePlan, formatArchiveStatus, formatLocalSummary, formatPlan, skipCounts, sourceLabel, type LocalReplaySummary } from '#local/replay/replay-report.js';
import { routeExplainer } from '#local/replay/route-explanation.js';
import type { SourcedEvent } from '#local/replay/sourced-event.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { ProgressLine } from '#local/terminal/progress-line.js';
import { commonOptionSpec, dataDirOf, openRuntime } from '../runtime-options.js';

export const replayUsage = `symphainy replay [source] [filters] [--dry-run] [--pace <events/s>] [--as-new] [--name <replay-name>] [--json]
Runs recorded events again and reports what they set in motion. Sources:
  (default)                  the embedded runtime's journal (--data-dir)
  --from <file|dir>          fixtures: EventBridge events as JSON, JSON arrays or NDJSON, and recordings
                             (replayed into the embedded runtime at --data-dir)
  --archive <name>           an EventBridge archive, replayed onto its bus (StartReplay; --endpoint <url>
  --stage <stage>            for an emulator, --region) until DescribeReplay says it ended; --stage finds
                             the archive of bus symphainy-<stage>; --rule <name> limits it to some rules
Filters (journal and fixtures; an archive replays a time window only):
  --journey <id>  --use-case <tag>  --detail-type <type>  --source <source>   (each repeatable)
  --since <time>  --until <time>    ISO 8601, or a span back from now: 15m, 2h, 1d
By default work that already completed is left alone: events of delivered journeys are skipped.
--as-new replays journeys' triggers under fresh journey ids, so they run again from the start.
--dry-run prints, for each event, the rules and functions it would reach and why.
Exit code 0 when every journey the replay drove completed, 1 otherwise, 3 when --journey names
no journey in the source.`;

/** How often DescribeReplay is asked while a replay runs. */
const POLL_INTERVAL_MS = 1000;

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...commonOptionSpec,
      from: { type: 'string', multiple: true },
      archive: { type: 'string' },
      stage: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      rule: { type: 'string', multiple: true },
      journey: { type: 'string', multiple: true },
      'use-case': { type: 'string', multiple: true },
      'detail-type': { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
      since: { type: 'string' },
      until: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      pace: { type: 'string' },
      'as-new': { type: 'boolean', default: false },
      name: { type: 'string' },
    },
  });
  if (values.help) return (console.log(replayUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}; fixtures go after --from\n\n${replayUsage}`);
  const now = new Date();
  const filter: EventFilter = {
    ...(values.journey ? { journeys: values.journey } : {}),
    ...(values['use-case'] ? { useCases: values['use-case'] } : {}),
    ...(values['detail-type'] ? { detailTypes: values['detail-type'] } : {}),
    ...(values.source ? { sources: values.source } : {}),
    ...(values.since ? { since: timeArgument('--since', values.since, now) } : {}),
    ...(values.until ? { until: timeArgument('--until', values.until, now) } : {}),
  };
  if (filter.since && filter.until && filter.since > filter.until) throw new UsageError(`--since (${filter.since.toISOString()}) is after --until (${filter.until.toISOString()})`);
  let replayName: string;
  try {
    replayName = replayNameFor({ ...(values.name ? { name: values.name } : {}), asNew: values['as-new'], now });
  } catch (error) {
    if (error instanceof ReplayNameError) throw new UsageError(error.message);
    throw error;
  }

  if (values.archive !== undefined || values.stage !== undefined) {
    if (values.from) throw new UsageError('choose one source: --from (fixtures) or --archive/--stage (an EventBridge archive)');
    const { since: _since, until: _until, ...contentFilters } = filter;
    if (!isEmptyFilter(contentFilters)) {
      throw new UsageError('an archive replay re-sends everything in its time window to the rules of its bus: EventBridge cannot filter it by journey, use case, detail-type or source. Narrow it with --since/--until and --rule, or replay a journal or fixtures');
    }
    if (values.pace !== undefined) throw new UsageError('--pace applies to journal and fixture replays; EventBridge paces an archive replay itself');
    if (!filter.since) throw new UsageError('an archive replay needs --since: EventBridge replays a time window (e.g. --since 2h, or --since 2026-11-27T09:00:00Z)');
    return archiveReplay({ ...values, replayName, since: filter.since, until: filter.until ?? now });
  }
  if (values.rule) throw new UsageError('--rule applies to archive replays (EventBridge FilterArns); a local replay goes through the whole routing table');
  const pace = values.pace === undefined ? undefined : Number(values.pace);
  if (pace !== undefined && !(Number.isFinite(pace) && pace > 0)) throw new UsageError(`--pace "${values.pace}" must be a positive number of events per second`);
  const { pace: _pace, ...rest } = values;
  return localReplay({ ...rest, replayName, filter, ...(pace ? { pace } : {}) });
}

function timeArgument(flag: string, value: string, now: Date): Date {
  try {
    return parseTimeArgument(flag, value, now);
  } catch (error) {
    if (error instanceof TimeArgumentError) throw new UsageError(error.message);
    throw error;
  }
}

interface LocalOptions {
  'data-dir'?: string;
  verbose?: boolean;
  json: boolean;
  from?: string[];
  'dry-run': boolean;
  'as-new': boolean;
  pace?: number;
  replayName: string;
  filter: EventFilter;
}

async function localReplay(options: LocalOptions): Promise<number> {
  const dataDir = dataDirOf(options);
  const recordings = new Map<SourcedEvent, Recording>();
  let sourced: SourcedEvent[] | undefined;
  if (options.from) {
    let files;
    try {
      files = readFixtures(options.from);
    } catch (error) {
      if (error instanceof FixturePathError) throw new UsageError(error.message);
      throw error;
    }
    const broken = files.filter((f) => f.problems.length);
    if (broken.length) {
      for (const f of broken) console.error(`✘ ${f.file}\n${f.problems.map((p) => `    ${p}`).join('\n')}`);
      console.error(`cannot replay: ${broken.length} of ${files.length} fixture files break their contracts (symphainy events validate checks them)`);
      return ExitCode.usage;
    }
    sourced = files.flatMap((f) => f.events);
    for (const f of files) if (f.recording) recordings.set(f.events[0]!, f.recording);
  }
  const source: LocalReplaySummary['source'] = options.from ? { kind: 'fixtures', paths: options.from, dataDir } : { kind: 'journal', dataDir };

  const runtime = await openRuntime(options);
  try {
    const all = sourced ?? runtime.journalRecords().flatMap((r) => (r.kind === 'event' ? [{ event: r.event, bus: r.bus, origin: `journal #${r.seq}` }] : []));
    const useCaseOfJourney = (id: string) => runtime.journey(id)?.useCase;
    const selected = all.filter((s) => matchesFilter(s.event, options.filter, useCaseOfJourney));
    const missing = (options.filter.journeys ?? []).filter((id) => !selected.some((s) => journeyIdOf(s.event) === id));
    if (missing.length) {
      const known = [...new Set(all.map((s) => journeyIdOf(s.event)).filter((id): id is string => id !== undefined))];
      throw new CommandError('journey_not_found', `no events of journey ${missing.join(', ')} in ${sourceLabel(source)}${known.length ? ` (it has ${known.length} journeys, e.g. ${known.slice(-3).join(', ')})` : ' (it holds no journeys)'}`, ExitCode.notFound);
    }

    const plan = await planReplay(selected, {
      asNew: options['as-new'],
      skipReplayedCopies: source.kind === 'journal',
      explain: routeExplainer(runtime.routes),
      deliveredOutcome: async (id) => ((await journeyDelivered(runtime.store, runtime.config.artifactBucket, id)) ? (runtime.journey(id)?.status ?? 'delivered') : undefined),
    });
    if (options['dry-run']) {
      if (options.json) console.log(JSON.stringify({ replayName: options.replayName, source, dryRun: true, asNew: options['as-new'], selected: plan.length, replayed: plan.filter((p) => p.action === 'replay').length, skipped: skipCounts(plan), events: plan.map(plannedJson) }, null, 2));
      else console.log(formatPlan(options.replayName, sourceLabel(source), plan));
      return ExitCode.ok;
    }

    for (const p of plan) {
      const recording = recordings.get(p.sourced);
      if (p.action !== 'replay' || !recording) continue;
      try {
        await restoreRecordingInput(runtime, recording);
      } catch (error) {
        if (!(error instanceof RecordingConflictError)) throw error;
        console.error(`cannot replay ${p.sourced.origin}: ${error.message}`);
        return ExitCode.notOk;
      }
    }

    const progress = new ProgressLine();
    const deadLettersBefore = runtime.deadLetters().length;
    const observer = new ReplayObserver(runtime);
    const replayed = await putPlannedEvents(runtime, plan, {
      replayName: options.replayName,
      ...(options.pace ? { pace: options.pace } : {}),
      onEvent: (done, total) => progress.update(`${options.replayName}: replayed ${done}/${total} events`),
    });
    const stopWatching = runtime.onEvent(() => {
      const { running, delivered } = observer.progress();
      progress.update(`${options.replayName}: ${replayed} events replayed; journeys ${delivered} delivered, ${running} running`);
    });
    await runtime.idle();
    stopWatching();
    progress.done();
    const journeys = observer.finish();
    const summary: LocalReplaySummary = {
      replayName: options.replayName,
      source,
      dryRun: false,
      asNew: options['as-new'],
      selected: plan.length,
      replayed,
      skipped: skipCounts(plan),
      journeys,
      deadLetters: runtime.deadLetters().slice(deadLettersBefore).map(({ queue, messageId, error }) => ({ queue, messageId, error })),
    };
    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else console.log(formatLocalSummary(summary, plan));
    const driven = journeys.filter((j) => j.newEvents > 0);
    return driven.every((j) => j.status === 'completed') && summary.deadLetters.length === 0 ? ExitCode.ok : ExitCode.notOk;
  } finally {
    runtime.close();
  }
}

function plannedJson(p: Awaited<ReturnType<typeof planReplay>>[number]) {
  const { event, bus, origin } = p.sourced;
  return {
    eventId: event.id,
    detailType: event['detail-type'],
    source: event.source,
    time: event.time,
    journeyId: p.journeyId ?? null,
    bus,
    origin,
    action: p.action,
    ...(p.skip ? { skip: p.skip } : {}),
    routes: p.routes.map((r) => ({ rule: r.rule, bus: r.bus, function: r.target, pattern: r.pattern, because: r.because })),
  };
}

interface ArchiveOptions {
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

async function archiveReplay(options: ArchiveOptions): Promise<number> {
  const target = cloudTarget(options);
  const client = eventBridgeClient(target);
  const where = target.endpoint ?? `AWS ${target.region}`;
  try {
    let archive = options.archive;
    if (!archive) archive = await archiveOfBus(client, await busArnOf(client, stageBusName(options.stage!)));
    const plan = await planArchiveReplay(client, archive, { since: options.since, until: options.until }, options.rule ?? []);
    const planJson = { replayName: options.replayName, source: { kind: 'archive', archive: plan.archive, bus: plan.busName, endpoint: where }, window: { since: plan.since.toISOString(), until: plan.until.toISOString() }, rules: plan.rules.map((r) => r.name), filtered: plan.filtered };
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
      console.log(`  archive ${plan.archive} → bus ${plan.busName} (${where}), window ${result.window.since} to ${result.window.until}, ${plan.filtered ? `rules ${result.rules.join(', ')}` : 'every rule'}`);
      console.log('  the replayed events carry replay-name; delivered journeys ignore them unless the name starts with as-new-');
    }
    return status.state === 'COMPLETED' ? ExitCode.ok : ExitCode.notOk;
  } catch (error) {
    if (error instanceof ArchiveReplayError) {
      throw new CommandError('archive_not_found', `${error.message} (${where})`, ExitCode.notFound);
    }
    if ((error as { name?: string }).name === 'ResourceAlreadyExistsException') throw new UsageError(`a replay named ${options.replayName} exists already: choose another --name`);
    if (error instanceof UsageError) throw error;
    // Unreachable endpoint, missing credentials, access denied: say who said what, without a stack.
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    console.error(`symphainy replay: EventBridge at ${where} could not be asked: ${(error as Error).name}: ${(error as Error).message}${cause && !(error as Error).message.includes(cause) ? ` (${cause})` : ''}`);
    return ExitCode.notOk;
  } finally {
    client.destroy();
  }
}
