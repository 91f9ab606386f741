import { parseArgs } from '../parse-args.js';
import { IDEMPOTENCY_PREFIX } from '#functions/shared/idempotency.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { formatBytes } from '#local/terminal/progress-line.js';
import { commonOptionSpec, openRuntime } from '../runtime-options.js';
import { compactUsage } from '../usage.js';

const HOUR_MS = 3_600_000;

export async function compactCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptionSpec, 'claims-older-than': { type: 'string' } } });
  if (values.help) return (console.log(compactUsage), ExitCode.ok);
  if (positionals.length) throw new UsageError(`compact takes no arguments (got ${positionals.join(' ')})\n\n${compactUsage}`);
  const hours = values['claims-older-than'] === undefined ? 24 : Number(values['claims-older-than']);
  if (!Number.isFinite(hours) || hours < 0) throw new UsageError(`--claims-older-than "${values['claims-older-than']}" is not a number of hours`);

  // Opening finishes whatever was in flight, so no claim dropped here is still needed.
  const runtime = await openRuntime(values);
  try {
    const bucket = runtime.config.artifactBucket;
    const cutoff = Date.now() - hours * HOUR_MS;
    const spent = new Set<string>();
    for (const head of await runtime.store.list(bucket, IDEMPOTENCY_PREFIX)) {
      if (Date.parse(head.lastModified) > cutoff) continue;
      const claim = await runtime.store.get(bucket, head.key);
      if (claim && (JSON.parse(new TextDecoder().decode(claim.body)) as { status?: string }).status === 'completed') spent.add(head.key);
    }
    const result = runtime.store.compact((head) => head.bucket === bucket && spent.has(head.key));
    if (values.json) console.log(JSON.stringify({ ...result, claimsDropped: result.dropped }, null, 2));
    else
      console.log(
        `compacted the object log: ${formatBytes(result.bytesBefore)} -> ${formatBytes(result.bytesAfter)}, ${result.objects} objects kept, ${result.dropped} spent claims dropped`,
      );
    return ExitCode.ok;
  } finally {
    runtime.close();
  }
}
