import { createRequire } from 'node:module';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { compactCommand, compactUsage } from './commands/compact-command.js';
import { demoCommand, demoUsage } from './commands/demo-command.js';
import { dlqCommand, dlqUsage } from './commands/dlq-command.js';
import { redriveCommand, redriveUsage } from './commands/redrive-command.js';
import { getCommand, getUsage } from './commands/get-command.js';
import { journeysCommand, journeysUsage, showCommand } from './commands/journeys-command.js';
import { logsCommand, logsUsage } from './commands/logs-command.js';
import { patternCommand, patternUsage } from './commands/pattern-command.js';
import { profileCommand, profileUsage } from './commands/profile-command.js';
import { reportCommand, reportUsage } from './commands/report-command.js';
import { replayCommand, replayUsage } from './commands/replay-command.js';
import { recordCommand, recordUsage } from './commands/record-command.js';
import { rulesCommand, rulesUsage } from './commands/rules-command.js';
import { eventsCommand, eventsUsage } from './commands/events-command.js';
import { samplesCommand, samplesUsage } from './commands/samples-command.js';
import { serveCommand, serveUsage } from './commands/serve-command.js';
import { uploadCommand, uploadUsage } from './commands/upload-command.js';

const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  upload: uploadCommand,
  journeys: journeysCommand,
  show: showCommand,
  logs: logsCommand,
  get: getCommand,
  report: reportCommand,
  profile: profileCommand,
  pattern: patternCommand,
  replay: replayCommand,
  record: recordCommand,
  rules: rulesCommand,
  events: eventsCommand,
  demo: demoCommand,
  samples: samplesCommand,
  serve: serveCommand,
  compact: compactCommand,
  redrive: redriveCommand,
  dlq: dlqCommand,
};

const usage = `symphainy — event-driven journeys: a file lands in a bucket, its use case's journey runs.

${uploadUsage}

${journeysUsage}

${logsUsage}

${getUsage}

${redriveUsage}

${dlqUsage}

${compactUsage}

${reportUsage}

${profileUsage}

${patternUsage}

${replayUsage}

${recordUsage}

${rulesUsage}

${eventsUsage}

${demoUsage}

${samplesUsage}

${serveUsage}

symphainy --version prints the version.

Every command takes --json for scripts and --data-dir <dir> (default .symphainy, or $SYMPHAINY_DATA_DIR)
for the embedded runtime's state; rules, pattern, events, profile and samples read no state and ignore it.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    console.log(VERSION);
    return ExitCode.ok;
  }
  const json = rest.includes('--json');
  const command = commands[name];
  if (!command) {
    const suggestion = closest(name, Object.keys(commands));
    return usageError(`unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (commands: ${Object.keys(commands).join(', ')}; symphainy help)`, json);
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return usageError(`symphainy ${name}: ${(error as Error).message}`, json);
    }
    if (error instanceof CommandError) return commandError(`symphainy ${name}: ${error.message}`, error, json);
    throw error;
  }
}

/** On stderr for people; with --json also as one object on stdout, so a script reads the reason. */
function usageError(message: string, json: boolean): number {
  console.error(message);
  // The reason, without the usage text that may follow it for people.
  if (json) console.log(JSON.stringify({ error: { code: 'usage', message: message.split('\n\n')[0], exitCode: ExitCode.usage } }));
  return ExitCode.usage;
}

function commandError(message: string, error: CommandError, json: boolean): number {
  console.error(message);
  if (json) console.log(JSON.stringify({ error: { code: error.code, message, exitCode: error.exitCode } }));
  return error.exitCode;
}

/** The known name nearest to a mistyped one (at most two edits away), for "did you mean". */
function closest(typed: string, names: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };
  const ranked = names.map((name) => ({ name, d: distance(typed, name) })).sort((x, y) => x.d - y.d);
  return ranked[0] && ranked[0].d <= 2 ? ranked[0].name : undefined;
}
