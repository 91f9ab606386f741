import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from '../parse-args.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { catalogueFiles, eventCatalogue } from '#local/catalogue/event-catalogue.js';
import { breakingChanges } from '#local/catalogue/schema-compatibility.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { CLI_VERSION } from '../cli-version.js';
import { statelessOptionSpec } from '../runtime-options.js';

export const DEFAULT_CATALOGUE_DIR = 'docs/events';

/** `symphainy events catalog`: writes the catalogue, unless a schema would break the one published under its version. */
export async function catalogCommand(argv: string[], usage: string): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...statelessOptionSpec, out: { type: 'string' } } });
  if (values.help) return (console.log(usage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`events catalog takes no arguments (got ${positionals.join(' ')}); --out <dir> says where it goes`);
  const out = resolve(values.out ?? DEFAULT_CATALOGUE_DIR);
  const catalogue = eventCatalogue(defaultUseCaseRegistry(), { version: CLI_VERSION });

  const breaking = catalogue.entries.flatMap((entry) => {
    const published = join(out, entry.schemaFile);
    if (!existsSync(published)) return [];
    return breakingChanges(JSON.parse(readFileSync(published, 'utf8')), entry.schema).map((problem) => `${entry.detailType} v${entry.version}: ${problem}`);
  });
  if (breaking.length) {
    throw new CommandError(
      'breaking_change',
      `the contracts break the schemas published in ${out}, so nothing was written:\n${breaking.map((b) => `  ${b}`).join('\n')}\nA breaking change needs a new version of the contract (its version field), which is published beside the old one.`,
    );
  }

  const files = catalogueFiles(catalogue);
  for (const file of files) {
    const path = join(out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          out,
          files: files.map((f) => f.path),
          events: catalogue.entries.map(({ detailType, source, version, bus, schemaFile, producers, consumers }) => ({
            detailType,
            source,
            version,
            bus,
            schemaFile,
            producers,
            consumers,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const entry of catalogue.entries) {
      console.log(`${entry.detailType} v${entry.version}  ${entry.schemaFile}`);
      console.log(`  from ${entry.producers.join(', ') || 'no one'}`);
      console.log(`  to   ${entry.consumers.map((c) => c.function).join(', ') || 'no one'}`);
    }
    console.log(`wrote ${files.length} files to ${out}`);
  }
  return ExitCode.ok;
}
