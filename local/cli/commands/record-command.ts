import { basename, extname } from 'node:path';
import { parseArgs } from '../parse-args.js';
import { DEFAULT_MAX_INPUT_BYTES, RecordError, recordJourney } from '#local/replay/record-journey.js';
import { writeRecording } from '#local/replay/recording.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { ProgressLine } from '#local/terminal/progress-line.js';
import { commonOptionSpec, openRuntime } from '../runtime-options.js';
import { recordUsage } from '../usage.js';

export async function recordCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...commonOptionSpec, out: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, 'max-input-bytes': { type: 'string' } },
  });
  if (values.help) return (console.log(recordUsage), ExitCode.ok);
  const [journeyId, ...extra] = positionals;
  if (!journeyId || extra.length) throw new UsageError(`record needs exactly one journey id\n\n${recordUsage}`);
  if (!values.out) throw new UsageError(`record needs --out <file>, e.g. --out events/recordings/${journeyId}.json`);
  if (extname(values.out) !== '.json') throw new UsageError(`--out ${values.out}: a recording is a .json file`);
  const maxInputBytes = values['max-input-bytes'] === undefined ? DEFAULT_MAX_INPUT_BYTES : Number(values['max-input-bytes']);
  if (!Number.isInteger(maxInputBytes) || maxInputBytes <= 0)
    throw new UsageError(`--max-input-bytes "${values['max-input-bytes']}" must be a positive whole number`);
  const name = values.name ?? basename(values.out, '.json');

  const runtime = await openRuntime(values);
  const progress = new ProgressLine();
  try {
    const recording = await recordJourney(runtime, journeyId, {
      name,
      maxInputBytes,
      ...(values.description ? { description: values.description } : {}),
      onVerify: () => progress.update(`recording ${journeyId}: replaying it once on a scratch runtime to check it is reproducible`),
    });
    progress.done();
    writeRecording(values.out, recording);
    const { trace } = recording;
    const artifacts = trace.steps.reduce((n, s) => n + s.artifacts.length, 0);
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            file: values.out,
            name,
            journeyId,
            useCase: trace.useCase,
            journey: trace.journey,
            status: trace.status,
            events: trace.events.length,
            steps: trace.steps.length,
            artifacts,
            inputBytes: recording.input.size,
            unstable: recording.unstable,
          },
          null,
          2,
        ),
      );
    } else {
      console.log(`recorded ${journeyId} (${trace.useCase}/${trace.journey}, ${trace.status}${trace.error ? ` ${trace.error.code}` : ''}) to ${values.out}`);
      console.log(`  ${trace.events.length} events, ${trace.steps.length} steps, ${artifacts} artifacts, input ${recording.input.size} bytes`);
      if (recording.unstable.length) console.log(`  not compared on replay (differed between two runs): ${recording.unstable.join(', ')}`);
      console.log(`  replay it: symphainy replay --from ${values.out} --data-dir <fresh dir>`);
    }
    return ExitCode.ok;
  } catch (error) {
    progress.done();
    if (!(error instanceof RecordError)) throw error;
    console.error(`symphainy record: ${error.message}`);
    return error.kind === 'notFound' ? ExitCode.notFound : ExitCode.notOk;
  } finally {
    runtime.close();
  }
}
