import { parseArgs } from 'node:util';
import { ExitCode, UsageError } from '../cli-error.js';
import { formatJourney, journeyReport } from '../journey-report.js';
import { commonOptionSpec, openRuntime } from '../runtime-options.js';

export const journeysUsage = `symphainy journeys [--json] [--data-dir <dir>]     lists every journey, newest first
symphainy show <journey-id> [--json] [--data-dir <dir>]  one journey's timeline, steps and artifacts`;

export async function journeysCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: commonOptionSpec });
  if (values.help) return (console.log(journeysUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`journeys takes no arguments (got ${positionals.join(' ')}); did you mean "show ${positionals[0]}"?`);
  const runtime = await openRuntime(values);
  try {
    const views = runtime.journeys().sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
    if (values.json) {
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
  } finally {
    runtime.close();
  }
}

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: commonOptionSpec });
  if (values.help) return (console.log(journeysUsage), ExitCode.ok);
  const [journeyId, ...extra] = positionals;
  if (!journeyId || extra.length) throw new UsageError(`show needs exactly one journey id\n\n${journeysUsage}`);
  const runtime = await openRuntime(values);
  try {
    const view = runtime.journey(journeyId);
    if (!view) {
      const known = runtime.journeys().map((j) => j.journeyId).filter((id) => id.startsWith(journeyId.slice(0, 4)));
      console.error(`no journey ${journeyId} in ${values['data-dir'] ?? '.symphainy'}${known.length ? `; similar: ${known.slice(0, 5).join(', ')}` : ''}`);
      return ExitCode.notFound;
    }
    if (values.json) console.log(JSON.stringify(journeyReport(view), null, 2));
    else console.log(formatJourney(view));
    return ExitCode.ok;
  } finally {
    runtime.close();
  }
}
