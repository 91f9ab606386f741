import { parseArgs } from '../parse-args.js';
import { compileEventPattern, explainMismatch, InvalidEventPatternError } from '#domain/event-patterns/index.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { readJsonArgument } from '../json-argument.js';
import { statelessOptionSpec } from '../runtime-options.js';
import { patternUsage } from '../usage.js';

export async function patternCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') return (console.log(patternUsage), ExitCode.ok);
  if (sub !== 'test') throw new UsageError(`unknown pattern subcommand "${sub ?? ''}"\n\n${patternUsage}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { pattern: { type: 'string' }, rule: { type: 'string' }, event: { type: 'string' }, ...statelessOptionSpec },
  });
  if (values.help) return (console.log(patternUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${patternUsage}`);
  if (values.pattern !== undefined && values.rule !== undefined) throw new UsageError('give --pattern or --rule, not both');
  const pattern = values.rule !== undefined ? patternOfRule(values.rule) : readJsonArgument('--pattern', values.pattern);
  const event = readJsonArgument('--event', values.event);
  try {
    const matches = compileEventPattern(pattern).matches(event);
    if (matches) {
      console.log(values.json ? JSON.stringify({ matches }) : 'match');
      return ExitCode.ok;
    }
    const mismatches = explainMismatch(pattern as Record<string, unknown>, event).map((m) => ({
      field: m.field,
      expected: m.expected,
      present: m.actual !== undefined,
      actual: m.actual ?? null,
    }));
    if (values.json) console.log(JSON.stringify({ matches, mismatches }));
    else {
      console.log('no match');
      for (const m of mismatches)
        console.log(`  ${m.field}: the event has ${m.present ? JSON.stringify(m.actual) : 'no such field'}; the pattern asks ${JSON.stringify(m.expected)}`);
      if (mismatches.length === 0) console.log('  each condition holds on its own, but not all together (their values sit in different array elements)');
    }
    return ExitCode.notOk;
  } catch (error) {
    if (!(error instanceof InvalidEventPatternError)) throw error;
    if (values.json) console.log(JSON.stringify({ matches: false, invalidPattern: error.message }));
    else console.error(`invalid pattern: ${error.message}`);
    return ExitCode.usage;
  }
}

function patternOfRule(name: string): unknown {
  const routes = routingTable(defaultUseCaseRegistry(), { uploadBucket: defaultPlatformConfig.uploadBucket });
  const route = routes.find((r) => r.rule === name);
  if (!route) throw new UsageError(`no rule "${name}" in the routing table; rules: ${routes.map((r) => r.rule).join(', ')}`);
  return route.pattern;
}
