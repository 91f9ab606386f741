import { journeyDelivered } from '#domain/managers/delivery-manager.js';
import { putPlannedEvents, ReplayObserver } from '#local/replay/embedded-replay.js';
import { matchesFilter, type EventFilter } from '#local/replay/event-filter.js';
import { FixturePathError, readFixtures } from '#local/replay/fixture-files.js';
import { journeyIdOf } from '#local/replay/journey-of-event.js';
import { RecordingConflictError, restoreRecordingInput } from '#local/replay/recording-input.js';
import type { Recording } from '#local/replay/recording.js';
import { planReplay } from '#local/replay/replay-plan.js';
import { formatLocalSummary, formatPlan, skipCounts, sourceLabel, type LocalReplaySummary } from '#local/replay/replay-report.js';
import { routeExplainer } from '#local/replay/route-explanation.js';
import type { SourcedEvent } from '#local/replay/sourced-event.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { ProgressLine } from '#local/terminal/progress-line.js';
import { dataDirOf, openRuntime } from '../../runtime-options.js';

/** Replays the journal or fixtures into the embedded runtime and waits for what they set in motion. */
export interface LocalReplayOptions {
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

export async function localReplay(options: LocalReplayOptions): Promise<number> {
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
      throw new CommandError(
        'journey_not_found',
        `no events of journey ${missing.join(', ')} in ${sourceLabel(source)}${known.length ? ` (it has ${known.length} journeys, e.g. ${known.slice(-3).join(', ')})` : ' (it holds no journeys)'}`,
        ExitCode.notFound,
      );
    }

    const plan = await planReplay(selected, {
      asNew: options['as-new'],
      skipReplayedCopies: source.kind === 'journal',
      explain: routeExplainer(runtime.routes),
      deliveredOutcome: async (id) =>
        (await journeyDelivered(runtime.store, runtime.config.artifactBucket, id)) ? (runtime.journey(id)?.status ?? 'delivered') : undefined,
    });
    if (options['dry-run']) {
      if (options.json)
        console.log(
          JSON.stringify(
            {
              replayName: options.replayName,
              source,
              dryRun: true,
              asNew: options['as-new'],
              selected: plan.length,
              replayed: plan.filter((p) => p.action === 'replay').length,
              skipped: skipCounts(plan),
              events: plan.map(plannedJson),
            },
            null,
            2,
          ),
        );
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
      deadLetters: runtime
        .deadLetters()
        .slice(deadLettersBefore)
        .map(({ queue, messageId, error }) => ({ queue, messageId, error })),
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
