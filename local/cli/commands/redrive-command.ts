import { parseArgs } from '../parse-args.js';
import type { RedrivePlan } from '#domain/journeys/redrive.js';
import { withStage } from '#local/cloud/cloud-commands.js';
import { cloudOperations } from '#local/cloud/cloud-operations.js';
import { embeddedOperations } from '#local/operations/embedded-operations.js';
import type { JourneyOperations } from '#local/operations/journey-operations.js';
import { redriveJourney } from '#local/operations/redrive-journeys.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { formatJourney, journeyReport } from '#local/journey-views/journey-report.js';
import { filterJourneys, journeyFilterOf, journeyFilterOptionSpec } from '../journey-filter.js';
import { cloudOptionSpec, cloudTargetOf, commonOptionSpec, faultOptionSpec, openRuntime } from '../runtime-options.js';
import { redriveUsage } from '../usage.js';

export async function redriveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...commonOptionSpec, ...cloudOptionSpec, ...faultOptionSpec, ...journeyFilterOptionSpec, 'dry-run': { type: 'boolean', default: false } },
  });
  if (values.help) return (console.log(redriveUsage), ExitCode.ok);
  const filter = journeyFilterOf(values);
  const [journeyId, ...extra] = positionals;
  if (extra.length) throw new UsageError(`redrive takes one journey id, or --status failed to pick many (got ${positionals.join(' ')})`);
  if (journeyId && Object.keys(filter).length) throw new UsageError('give either a journey id or --status/--since/--use-case/--journey/--limit, not both');
  if (!journeyId && filter.status !== 'failed') throw new UsageError(`redrive needs a journey id, or --status failed to redrive many\n\n${redriveUsage}`);
  const dryRun = values['dry-run'];
  const cloud = cloudTargetOf(values);

  const run = async (
    ops: JourneyOperations,
    wait: () => Promise<void>,
    view: (id: string) => Promise<ReturnType<typeof journeyReport> | undefined>,
    printView: (id: string) => Promise<string | undefined>,
  ) => {
    const ids = journeyId
      ? [journeyId]
      : filterJourneys(await ops.listings(), filter)
          .map((l) => l.journeyId)
          .reverse();
    const plans: { journeyId: string; plan: RedrivePlan | undefined }[] = [];
    for (const id of ids) plans.push({ journeyId: id, plan: await redriveJourney(ops, id, { dryRun }) });
    if (!dryRun) await wait();
    const results = [];
    for (const { journeyId: id, plan } of plans) {
      const started = plan?.ok === true && !dryRun;
      results.push({
        journeyId: id,
        ...(plan === undefined
          ? { redriven: false, code: 'journey_not_found', reason: `no journey ${id}` }
          : plan.ok
            ? {
                redriven: started,
                step: plan.step,
                redrive: plan.redrive,
                reusedSteps: plan.reusedSteps,
                ...(plan.rejectedBefore ? { note: `${plan.step} refused the data last time; a redrive helps only if the step changed` } : {}),
              }
            : { redriven: false, code: plan.code, reason: plan.reason }),
        ...(started ? { journey: (await view(id)) ?? null } : {}),
      });
    }
    if (values.json) console.log(JSON.stringify(journeyId ? results[0] : { dryRun, journeys: results }, null, 2));
    else {
      if (results.length === 0) console.log('no failed journeys match');
      for (const result of results) {
        if ('reason' in result && result.reason) console.error(`${result.journeyId}: not redriven: ${result.reason}`);
        else if (dryRun && 'step' in result)
          console.log(
            `${result.journeyId}: would redrive from ${result.step} (redrive ${result.redrive}), reusing ${result.reusedSteps?.join(', ') || 'no completed steps'}`,
          );
        else if ('step' in result) {
          console.log(`${result.journeyId}: redrive ${result.redrive} from ${result.step}, reusing ${result.reusedSteps?.join(', ') || 'no completed steps'}`);
          if ('note' in result) console.log(`  note: ${result.note}`);
          const text = await printView(result.journeyId);
          if (text) console.log(text);
        }
      }
    }
    const missing = results.some((r) => 'code' in r && r.code === 'journey_not_found');
    const refused = results.some((r) => !r.redriven && !dryRun);
    const unfinished = results.some((r) => 'journey' in r && r.journey && r.journey.status !== 'completed');
    return missing && journeyId ? ExitCode.notFound : refused || unfinished ? ExitCode.notOk : ExitCode.ok;
  };

  if (cloud) {
    const follow = async (id: string) => `  follow it: symphainy show ${id} --stage ${cloud.stage}${cloud.endpoint ? ` --endpoint ${cloud.endpoint}` : ''}`;
    // A deployed stage moves on by itself: the redrive is on the bus once published.
    return withStage(cloud, (stage) =>
      run(
        cloudOperations(stage),
        async () => undefined,
        async () => undefined,
        follow,
      ),
    );
  }
  const runtime = await openRuntime(values);
  try {
    const view = async (id: string) => {
      const found = runtime.journey(id);
      return found ? journeyReport(found) : undefined;
    };
    const printView = async (id: string) => {
      const found = runtime.journey(id);
      return found ? formatJourney(found) : undefined;
    };
    return await run(embeddedOperations(runtime), () => runtime.idle(), view, printView);
  } finally {
    runtime.close();
  }
}
