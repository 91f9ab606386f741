import { parseArgs } from '../parse-args.js';
import { isEmptyFilter, parseTimeArgument, TimeArgumentError, type EventFilter } from '#local/replay/event-filter.js';
import { ReplayNameError, replayNameFor } from '#local/replay/replay-name.js';
import { UsageError, ExitCode } from '#local/command-errors/command-error.js';
import { commonOptionSpec } from '../runtime-options.js';
import { archiveReplay } from './replay/archive-replay-run.js';
import { localReplay } from './replay/local-replay.js';
import { replayUsage } from '../usage.js';
import { stageNameProblem } from '#local/stage/stage-name-rule.js';

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
  if (filter.since && filter.until && filter.since > filter.until)
    throw new UsageError(`--since (${filter.since.toISOString()}) is after --until (${filter.until.toISOString()})`);
  let replayName: string;
  try {
    replayName = replayNameFor({ ...(values.name ? { name: values.name } : {}), asNew: values['as-new'], now });
  } catch (error) {
    if (error instanceof ReplayNameError) throw new UsageError(error.message);
    throw error;
  }

  if (values.archive !== undefined || values.stage !== undefined) {
    if (values.from) throw new UsageError('choose one source: --from (fixtures) or --archive/--stage (an EventBridge archive)');
    const stageProblem = values.stage === undefined ? undefined : stageNameProblem(values.stage);
    if (stageProblem) throw new UsageError(stageProblem);
    const { since: _since, until: _until, ...contentFilters } = filter;
    if (!isEmptyFilter(contentFilters)) {
      throw new UsageError(
        'an archive replay re-sends everything in its time window to the rules of its bus: EventBridge cannot filter it by journey, use case, detail-type or source. Narrow it with --since/--until and --rule, or replay a journal or fixtures',
      );
    }
    if (values.pace !== undefined) throw new UsageError('--pace applies to journal and fixture replays; EventBridge paces an archive replay itself');
    if (!filter.since)
      throw new UsageError('an archive replay needs --since: EventBridge replays a time window (e.g. --since 2h, or --since 2026-11-27T09:00:00Z)');
    return archiveReplay({ ...values, replayName, since: filter.since, until: filter.until ?? now });
  }
  if (values.rule) throw new UsageError('--rule applies to archive replays (EventBridge FilterArns); a local replay goes through the whole routing table');
  const pace = values.pace === undefined ? undefined : Number(values.pace);
  if (pace !== undefined && !(Number.isFinite(pace) && pace > 0))
    throw new UsageError(`--pace "${values.pace}" must be a positive number of events per second`);
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
