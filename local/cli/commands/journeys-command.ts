import { existsSync } from 'node:fs';
import { parseArgs } from '../parse-args.js';
import { journalPathOf } from '#local/runtime/journal-path.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { journeyReport, printJourney } from '#local/journey-views/journey-report.js';
import { listingOf, type JourneyListing } from '#domain/journeys/journey-listing.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { cloudOptionSpec, cloudTargetOf, commonOptionSpec, dataDirOf, openRuntime } from '../runtime-options.js';
import { filterJourneys, journeyFilterOf, journeyFilterOptionSpec, type JourneyFilter } from '../journey-filter.js';
import { journeysUsage } from '../usage.js';

export async function journeysCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...commonOptionSpec, ...cloudOptionSpec, ...journeyFilterOptionSpec },
  });
  if (values.help) return (console.log(journeysUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`journeys takes no arguments (got ${positionals.join(' ')}); did you mean "show ${positionals[0]}"?`);
  const filter = journeyFilterOf(values);
  const filtered = Object.keys(filter).length > 0;
  const cloud = cloudTargetOf(values);
  if (cloud) {
    // Imported only for a stage: the AWS SDK is most of the CLI's code, and the embedded runtime needs none of it.
    const { cloudJourneys } = await import('#local/cloud/cloud-commands.js');
    const views = await cloudJourneys(cloud);
    return typeof views === 'number' ? views : printJourneys(filterViews(views, filter), values.json, filtered);
  }
  // A data dir with no journal has never run anything: nothing to resume or sweep, no journey to list.
  if (!existsSync(journalPathOf(dataDirOf(values)))) return values.json ? printJourneys([], true, filtered) : printListings([], filtered);
  const runtime = await openRuntime(values);
  try {
    // The readable list needs only each journey's listing, which a long history keeps ready.
    if (!values.json) return printListings(filterJourneys(runtime.journeyListings(), filter), filtered);
    const kept = new Set(filterJourneys(runtime.journeyListings(), filter).map((l) => l.journeyId));
    return printJourneys(
      runtime.journeys().filter((j) => kept.has(j.journeyId)),
      true,
      filtered,
    );
  } finally {
    runtime.close();
  }
}

function filterViews(views: JourneyView[], filter: JourneyFilter): JourneyView[] {
  const kept = new Set(filterJourneys(views.map(listingOf), filter).map((l) => l.journeyId));
  return views.filter((v) => kept.has(v.journeyId));
}

const newestFirst = (a: { startedAt: string | null }, b: { startedAt: string | null }) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '');

function printJourneys(all: JourneyView[], json: boolean, filtered = false): number {
  if (!json) return printListings(all.map(listingOf), filtered);
  console.log(JSON.stringify([...all].sort(newestFirst).map(journeyReport), null, 2));
  return ExitCode.ok;
}

function printListings(all: JourneyListing[], filtered = false): number {
  if (all.length === 0) {
    console.log(filtered ? 'no journeys match' : 'no journeys yet: try "symphainy upload <file> --use-case mvp"');
    return ExitCode.ok;
  }
  const lines = [...all]
    .sort(newestFirst)
    .map(
      (j) =>
        `${j.journeyId}  ${j.status.padEnd(9)} ${`${j.useCase}/${j.journey}`.padEnd(28)} ${String(j.stepsCompleted).padStart(2)}/${j.steps} steps  ${j.startedAt ?? ''}  ${j.inputKey ?? ''}${j.errorCode ? `  (${j.errorCode})` : ''}`,
    );
  console.log(lines.join('\n'));
  return ExitCode.ok;
}

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptionSpec, ...cloudOptionSpec } });
  if (values.help) return (console.log(journeysUsage), ExitCode.ok);
  const [journeyId, ...extra] = positionals;
  if (!journeyId || extra.length) throw new UsageError(`show needs exactly one journey id\n\n${journeysUsage}`);
  const cloud = cloudTargetOf(values);
  if (cloud) return (await import('#local/cloud/cloud-commands.js')).cloudShow(cloud, journeyId, values.json);
  const runtime = await openRuntime(values);
  try {
    const view = runtime.journey(journeyId);
    if (!view) {
      const known = runtime
        .journeys()
        .map((j) => j.journeyId)
        .filter((id) => id.startsWith(journeyId.slice(0, 4)));
      throw new CommandError(
        'journey_not_found',
        `no journey ${journeyId} in ${values['data-dir'] ?? '.symphainy'}${known.length ? `; similar: ${known.slice(0, 5).join(', ')}` : ''}`,
        ExitCode.notFound,
      );
    }
    await printJourney(view, runtime.store, values.json);
    return ExitCode.ok;
  } finally {
    runtime.close();
  }
}
