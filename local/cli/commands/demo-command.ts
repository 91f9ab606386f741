import { parseArgs } from '../parse-args.js';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import { ExitCode } from '#local/command-errors/command-error.js';
import { formatJourney, journeyReport } from '#local/journey-views/journey-report.js';
import { commonOptionSpec, dataDirOf, openRuntime } from '../runtime-options.js';
import { demoUsage } from '../usage.js';

export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...commonOptionSpec, seed: { type: 'string', default: '7' } } });
  if (values.help) return (console.log(demoUsage), ExitCode.ok);
  const seed = Number(values.seed);
  const runtime = await openRuntime(values);
  try {
    const started = Date.now();
    const uploads = [];
    for (const useCase of builtInUseCases) {
      for (const sample of useCase.samples(seed)) {
        const uploaded = await runtime.upload({
          body: sample.body,
          key: `uploads/${useCase.id}/${sample.fileName}`,
          ...(sample.metadata ? { metadata: sample.metadata } : {}),
        });
        uploads.push({ useCase: useCase.id, sample, journeyId: uploaded.journeyId });
      }
    }
    await runtime.idle();
    const results = uploads.map((u) => {
      const view = runtime.journey(u.journeyId)!;
      const expectedCode = 'code' in u.sample.expect ? u.sample.expect.code : undefined;
      const asExpected = view.status === u.sample.expect.status && (expectedCode === undefined || view.error?.code === expectedCode);
      return { ...u, view, asExpected };
    });
    const allAsExpected = results.every((r) => r.asExpected);
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            dataDir: dataDirOf(values),
            allAsExpected,
            journeys: results.map((r) => ({ file: r.sample.fileName, expected: r.sample.expect, asExpected: r.asExpected, ...journeyReport(r.view) })),
          },
          null,
          2,
        ),
      );
      return allAsExpected ? ExitCode.ok : ExitCode.notOk;
    }
    console.log(`Symphainy journeys — ${results.length} sample uploads on the embedded runtime (data in ${dataDirOf(values)})\n`);
    for (const useCase of builtInUseCases) {
      const first = results.find((r) => r.useCase === useCase.id && r.view.status === 'completed');
      if (first) console.log(`${formatJourney(first.view)}\n`);
    }
    console.log('Every sample:');
    for (const r of results) {
      // A refused broken sample is the platform working, not a success: it gets its own mark.
      const mark = !r.asExpected ? '✘' : r.view.status === 'completed' ? '✔' : '⊘';
      const ended = r.view.status === 'completed' ? 'completed' : `${r.view.status} (${r.view.error?.code})`;
      const outcome = !r.asExpected ? `UNEXPECTED: ${ended}` : r.view.status === 'completed' ? ended : `${ended}, as expected`;
      console.log(`  ${mark} ${r.useCase.padEnd(20)} ${r.sample.fileName.padEnd(32)} ${outcome.padEnd(46)} ${r.journeyId}`);
    }
    console.log(`\n${results.filter((r) => r.asExpected).length}/${results.length} ended as expected in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Look closer: npx symphainy show ${results[0]?.journeyId ?? '<journey-id>'}   ·   npx symphainy journeys`);
    return allAsExpected ? ExitCode.ok : ExitCode.notOk;
  } finally {
    runtime.close();
  }
}
