import { parseArgs } from '../parse-args.js';
import { FixturePathError, fixtureFilesUnder, readFixtureFile } from '#local/replay/fixture-files.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { statelessOptionSpec } from '../runtime-options.js';
import { catalogCommand } from './events-catalog-command.js';
import { eventsUsage } from '../usage.js';

export async function eventsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return (console.log(eventsUsage), ExitCode.ok);
  if (sub === 'catalog') return catalogCommand(rest, eventsUsage);
  if (sub !== 'validate') throw new UsageError(`unknown events subcommand "${sub ?? ''}"\n\n${eventsUsage}`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: statelessOptionSpec });
  if (values.help) return (console.log(eventsUsage), ExitCode.ok);
  if (positionals.length === 0) throw new UsageError(`events validate needs a file or folder\n\n${eventsUsage}`);
  let files: string[];
  try {
    files = positionals.flatMap(fixtureFilesUnder);
  } catch (error) {
    if (error instanceof FixturePathError) throw new UsageError(error.message);
    throw error;
  }
  const results = files.map(readFixtureFile);
  const invalid = results.filter((r) => r.problems.length > 0);
  if (values.json) {
    console.log(
      JSON.stringify(
        results.map((r) => ({
          file: r.file,
          valid: r.problems.length === 0,
          events: r.events.length,
          recording: r.recording?.name ?? null,
          problems: r.problems,
        })),
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      if (r.problems.length === 0)
        console.log(`✔ ${r.file}  ${r.recording ? `recording ${r.recording.name}` : `${r.events.length} event${r.events.length === 1 ? '' : 's'}`}`);
      else console.log(`✘ ${r.file}\n${r.problems.map((p) => `    ${p}`).join('\n')}`);
    }
    console.log(invalid.length ? `${invalid.length} of ${results.length} files invalid` : `all ${results.length} files valid`);
  }
  return invalid.length ? ExitCode.notOk : ExitCode.ok;
}
