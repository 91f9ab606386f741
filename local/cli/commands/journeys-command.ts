import { parseArgs } from 'node:util';
import { ExitCode, UsageError } from '../cli-error.js';
import { journeyReport, printJourney } from '../journey-report.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { cloudJourneys, cloudShow } from '#local/cloud/cloud-commands.js';
import { cloudOptionSpec, cloudTargetOf, cloudUsage, commonOptionSpec, openRuntime } from '../runtime-options.js';

export const journeysUsage = `symphainy journeys [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]     lists every journey, newest first
symphainy show <journey-id> [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]  one journey's timeline, steps and artifacts
${cloudUsage}`;

export async function journeysCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptionSpec, ...cloudOptionSpec } });
  if (values.help) return (console.log(journeysUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`journeys takes no arguments (got ${positionals.join(' ')}); did you mean "show ${positionals[0]}"?`);
  const cloud = cloudTargetOf(values);
  if (cloud) {
    const views = await cloudJourneys(cloud);
    return typeof views === 'number' ? views : printJourneys(views, values.json);
  }
  const runtime = await openRuntime(values);
  try {
    return printJourneys(runtime.journeys(), values.json);
  } finally {
    runtime.close();
  }
}

function printJourneys(all: JourneyView[], json: boolean): number {
  const views = [...all].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  if (json) {
    console.log(JSON.stringify(views.map(journeyReport), null, 2));
  } else if (views.length === 0) {
    console.log('no journeys yet: try "symphainy upload <file> --use-case mvp"');
  } else {
    for (const v of views) {
      const done = v.steps.filter((s) => s.status === 'completed').length;
      console.log(`${v.journeyId}  ${v.status.padEnd(9)} ${`${v.useCase}/${v.journey}`.padEnd(28)} ${String(done).padStart(2)}/${v.steps.length} steps  ${v.startedAt ?? ''}  ${v.input?.key ?? ''}${v.error ? `  (${v.error.code})` : ''}`);
    }
  }
  return ExitCode.ok;
}

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptionSpec, ...cloudOptionSpec } });
  if (values.help) return (console.log(journeysUsage), ExitCode.ok);
  const [journeyId, ...extra] = positionals;
  if (!journeyId || extra.length) throw new UsageError(`show needs exactly one journey id\n\n${journeysUsage}`);
  const cloud = cloudTargetOf(values);
  if (cloud) return cloudShow(cloud, journeyId, values.json);
  const runtime = await openRuntime(values);
  try {
    const view = runtime.journey(journeyId);
    if (!view) {
      const known = runtime.journeys().map((j) => j.journeyId).filter((id) => id.startsWith(journeyId.slice(0, 4)));
      console.error(`no journey ${journeyId} in ${values['data-dir'] ?? '.symphainy'}${known.length ? `; similar: ${known.slice(0, 5).join(', ')}` : ''}`);
      return ExitCode.notFound;
    }
    await printJourney(view, runtime.store, values.json);
    return ExitCode.ok;
  } finally {
    runtime.close();
  }
}
