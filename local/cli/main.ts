import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { CLI_VERSION } from './cli-version.js';
import { closestName } from './closest-name.js';
import {
  compactUsage,
  demoUsage,
  dlqUsage,
  eventsUsage,
  getUsage,
  journeysUsage,
  logsUsage,
  patternUsage,
  profileUsage,
  shardsUsage,
  recordUsage,
  redriveUsage,
  replayUsage,
  reportUsage,
  rulesUsage,
  samplesUsage,
  serveUsage,
  uploadUsage,
} from './usage.js';

type Command = (argv: string[]) => Promise<number>;

/**
 * Each command's module, imported when that command runs and not before: `symphainy help` loads
 * none of them, `symphainy journeys` neither the AWS SDK nor `serve`'s HTTP server. The prebuilt
 * bundle keeps each in a chunk of its own (bin/build-cli.mjs).
 */
export const commands: Record<string, () => Promise<Command>> = {
  upload: async () => (await import('./commands/upload-command.js')).uploadCommand,
  journeys: async () => (await import('./commands/journeys-command.js')).journeysCommand,
  show: async () => (await import('./commands/journeys-command.js')).showCommand,
  logs: async () => (await import('./commands/logs-command.js')).logsCommand,
  get: async () => (await import('./commands/get-command.js')).getCommand,
  report: async () => (await import('./commands/report-command.js')).reportCommand,
  profile: async () => (await import('./commands/profile-command.js')).profileCommand,
  shards: async () => (await import('./commands/shards-command.js')).shardsCommand,
  pattern: async () => (await import('./commands/pattern-command.js')).patternCommand,
  replay: async () => (await import('./commands/replay-command.js')).replayCommand,
  record: async () => (await import('./commands/record-command.js')).recordCommand,
  rules: async () => (await import('./commands/rules-command.js')).rulesCommand,
  events: async () => (await import('./commands/events-command.js')).eventsCommand,
  demo: async () => (await import('./commands/demo-command.js')).demoCommand,
  samples: async () => (await import('./commands/samples-command.js')).samplesCommand,
  serve: async () => (await import('./commands/serve-command.js')).serveCommand,
  compact: async () => (await import('./commands/compact-command.js')).compactCommand,
  redrive: async () => (await import('./commands/redrive-command.js')).redriveCommand,
  dlq: async () => (await import('./commands/dlq-command.js')).dlqCommand,
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

${shardsUsage}

${patternUsage}

${replayUsage}

${recordUsage}

${rulesUsage}

${eventsUsage}

${demoUsage}

${samplesUsage}

${serveUsage}

symphainy --version prints the version; symphainy <command> --help one command's usage.

Every command takes --json for scripts and --data-dir <dir> (default .symphainy, or $SYMPHAINY_DATA_DIR)
for the embedded runtime's state; rules, pattern, events, profile, shards and samples read no state and ignore it.
A command whose output is closed early (symphainy rules | head) stops there, quietly, with exit code 141
(as one stopped by SIGPIPE).`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    console.log(CLI_VERSION);
    return ExitCode.ok;
  }
  const json = rest.includes('--json');
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    const suggestion = closestName(name, Object.keys(commands));
    return usageError(
      `unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (commands: ${Object.keys(commands).join(', ')}; symphainy help)`,
      json,
    );
  }
  try {
    return await (
      await load()
    )(rest);
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
