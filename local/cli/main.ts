import { ExitCode, UsageError } from './cli-error.js';
import { compactCommand, compactUsage } from './commands/compact-command.js';
import { demoCommand, demoUsage } from './commands/demo-command.js';
import { dlqCommand, dlqUsage } from './commands/dlq-command.js';
import { redriveCommand, redriveUsage } from './commands/redrive-command.js';
import { getCommand, getUsage } from './commands/get-command.js';
import { journeysCommand, journeysUsage, showCommand } from './commands/journeys-command.js';
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

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  upload: uploadCommand,
  journeys: journeysCommand,
  show: showCommand,
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

Every command takes --json for scripts and --data-dir <dir> (default .symphainy, or $SYMPHAINY_DATA_DIR)
for the embedded runtime's state.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? ExitCode.ok : ExitCode.usage;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"; commands: ${Object.keys(commands).join(', ')} (symphainy help)`);
    return ExitCode.usage;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`symphainy ${name}: ${(error as Error).message}`);
      return ExitCode.usage;
    }
    throw error;
  }
}
