import { writeFileSync } from 'node:fs';
import { parseArgs } from '../parse-args.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { commonOptionSpec, openRuntime } from '../runtime-options.js';
import { getUsage } from '../usage.js';

export async function getCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptionSpec, out: { type: 'string' } } });
  if (values.help) return (console.log(getUsage), ExitCode.ok);
  const [uri, ...extra] = positionals;
  const match = uri ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
  if (!match || extra.length) throw new UsageError(`get needs one s3://<bucket>/<key>\n\n${getUsage}`);
  const [, bucket, key] = match as unknown as [string, string, string];
  const runtime = await openRuntime(values);
  try {
    const object = await runtime.store.get(bucket, key);
    if (!object) {
      throw new CommandError('object_not_found', `no object s3://${bucket}/${key}`, ExitCode.notFound);
    }
    if (values.json) console.log(JSON.stringify(object.head, null, 2));
    else if (values.out) {
      writeFileSync(values.out, object.body);
      console.error(`wrote ${object.body.byteLength} bytes to ${values.out}`);
    } else process.stdout.write(object.body);
    return ExitCode.ok;
  } finally {
    runtime.close();
  }
}
