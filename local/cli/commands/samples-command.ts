import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from '../parse-args.js';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import { ExitCode } from '#local/command-errors/command-error.js';
import { statelessOptionSpec } from '../runtime-options.js';
import { samplesUsage } from '../usage.js';

export async function samplesCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string', default: 'samples/generated' }, seed: { type: 'string', default: '7' }, ...statelessOptionSpec },
  });
  if (values.help) return (console.log(samplesUsage), ExitCode.ok);
  const written = [];
  for (const useCase of builtInUseCases) {
    const dir = resolve(values.out, useCase.id);
    mkdirSync(dir, { recursive: true });
    for (const sample of useCase.samples(Number(values.seed))) {
      const path = join(dir, sample.fileName);
      writeFileSync(path, sample.body);
      written.push({
        useCase: useCase.id,
        path,
        bytes: Buffer.byteLength(sample.body),
        expect: sample.expect,
        description: sample.description,
        ...(sample.metadata ? { metadata: sample.metadata } : {}),
      });
    }
  }
  if (values.json) console.log(JSON.stringify(written, null, 2));
  else
    for (const w of written)
      console.log(`${w.path}  ${w.bytes} B  → ${w.expect.status}${'code' in w.expect ? ` (${w.expect.code})` : ''}${uploadHint(w.metadata)}`);
  return ExitCode.ok;
}

/** A sample that travels with metadata only behaves as described when uploaded with it. */
function uploadHint(metadata: Record<string, string> | undefined): string {
  const map = metadata?.['column-map'];
  return map
    ? `  (upload with ${map
        .split(',')
        .map((entry) => `--map ${entry}`)
        .join(' ')})`
    : '';
}
