import { parseArgs } from '../parse-args.js';
import { InvalidEventPatternError } from '#domain/event-patterns/index.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { routingTable, type Route } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { statelessOptionSpec } from '../runtime-options.js';
import { compileRouteRuleSets } from '../../runtime/route-rule-sets.js';
import { rulesUsage } from '../usage.js';

export async function rulesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: statelessOptionSpec });
  if (values.help) return (console.log(rulesUsage), ExitCode.ok);
  if (positionals.length)
    throw new UsageError(
      `rules takes no arguments (got ${positionals.join(' ')}); to test an event against one: symphainy pattern test --rule <name> --event @event.json`,
    );
  const routes = routingTable(defaultUseCaseRegistry(), { uploadBucket: defaultPlatformConfig.uploadBucket });
  const refused = refusedRule(routes);
  if (refused) {
    console.error(`invalid pattern in rule ${refused.ruleName ?? '?'}: ${refused.message}`);
    return ExitCode.usage;
  }
  if (values.json) {
    console.log(
      JSON.stringify(
        routes.map((r) => ({
          rule: r.rule,
          bus: r.bus,
          pattern: r.pattern,
          target: r.target,
          ...(r.step ? { step: r.step } : {}),
          description: r.description,
        })),
        null,
        2,
      ),
    );
    return ExitCode.ok;
  }
  const width = Math.max(...routes.map((r) => r.rule.length));
  for (const route of routes) {
    console.log(`${route.rule.padEnd(width)}  ${`${route.bus} bus`.padEnd(12)} → ${route.target}`);
    console.log(`${' '.repeat(width)}  pattern ${JSON.stringify(route.pattern)}`);
    console.log(`${' '.repeat(width)}  ${route.description}`);
  }
  console.log(`${routes.length} rules; as JSON: symphainy rules --json`);
  return ExitCode.ok;
}

/** A table that lists fine but would fail at deploy is worse than no listing. */
function refusedRule(routes: readonly Route[]): InvalidEventPatternError | undefined {
  try {
    compileRouteRuleSets(routes);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidEventPatternError) return error;
    throw error;
  }
}
