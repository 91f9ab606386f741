import { parseArgs } from 'node:util';
import { compileEventPattern, InvalidEventPatternError } from '#domain/event-patterns/index.js';
import { ExitCode, UsageError } from '../cli-error.js';
import { readJsonArgument } from '../json-argument.js';

export const patternUsage = `symphainy pattern test --pattern <json|@file> --event <json|@file> [--json]
Tests an event against an EventBridge event pattern with AWS's semantics.
Exit code 0: matches, 1: does not match, 2: invalid pattern (the reason is printed).`;

export async function patternCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'test') throw new UsageError(`unknown pattern subcommand "${sub ?? ''}"\n\n${patternUsage}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { pattern: { type: 'string' }, event: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (console.log(patternUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${patternUsage}`);
  const pattern = readJsonArgument('--pattern', values.pattern);
  const event = readJsonArgument('--event', values.event);
  try {
    const matches = compileEventPattern(pattern).matches(event);
    console.log(values.json ? JSON.stringify({ matches }) : matches ? 'match' : 'no match');
    return matches ? ExitCode.ok : ExitCode.notOk;
  } catch (error) {
    if (!(error instanceof InvalidEventPatternError)) throw error;
    if (values.json) console.log(JSON.stringify({ matches: false, invalidPattern: error.message }));
    else console.error(`invalid pattern: ${error.message}`);
    return ExitCode.usage;
  }
}
