import { parseArgs } from '../parse-args.js';
import type { DeadLetter } from '#domain/journeys/dead-letter.js';
import { withStage } from '#local/cloud/cloud-commands.js';
import { cloudOperations } from '#local/cloud/cloud-operations.js';
import { readDeadLetters, redriveDeadLetter, summariseDeadLetters, type DeadLetterRedrive } from '#local/operations/dead-letter-book.js';
import { embeddedOperations } from '#local/operations/embedded-operations.js';
import type { JourneyOperations } from '#local/operations/journey-operations.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { cloudOptionSpec, cloudTargetOf, commonOptionSpec, faultOptionSpec, openRuntime } from '../runtime-options.js';
import { dlqUsage } from '../usage.js';

export async function dlqCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...commonOptionSpec, ...cloudOptionSpec, ...faultOptionSpec, all: { type: 'boolean', default: false }, message: { type: 'string' } },
  });
  if (values.help) return (console.log(dlqUsage), ExitCode.ok);
  const [action, functionName, ...extra] = positionals;
  if (!action || !['list', 'show', 'redrive'].includes(action)) throw new UsageError(`dlq needs list, show or redrive\n\n${dlqUsage}`);
  if (extra.length) throw new UsageError(`dlq ${action} takes at most one function name (got ${positionals.slice(1).join(' ')})`);
  if (action === 'list' && functionName) throw new UsageError('dlq list takes no function name; dlq show <function> lists its messages');
  if (action === 'show' && !functionName) throw new UsageError('dlq show needs a function name (dlq list shows which have dead letters)');
  if (action === 'redrive' && !functionName && !values.all) throw new UsageError('dlq redrive needs a function name, or --all for every function');
  if (values.message && values.all) throw new UsageError('give --message <id> or --all, not both');

  const work = async (ops: JourneyOperations, settle: () => Promise<void>): Promise<number> => {
    if (action === 'list') return list(ops, values.json);
    const letters = await readDeadLetters(ops, functionName);
    if (action === 'show') return show(functionName!, letters, values.json);
    const chosen = values.message ? letters.filter((l) => l.messageId === values.message) : values.all ? letters : letters.slice(0, 1);
    if (values.message && chosen.length === 0) {
      throw new CommandError('dead_letter_not_found', `no dead letter ${values.message} for ${functionName}`, ExitCode.notFound);
    }
    const results: DeadLetterRedrive[] = [];
    for (const letter of chosen) results.push(await redriveDeadLetter(ops, letter));
    await settle();
    if (values.json)
      console.log(
        JSON.stringify(
          {
            redriven: results.filter((r) => r.outcome === 'redriven').length,
            results: results.map(({ letter, ...rest }) => ({ messageId: letter.messageId, function: letter.function, journeyId: letter.journeyId, ...rest })),
          },
          null,
          2,
        ),
      );
    else if (results.length === 0) console.log(`no dead letters${functionName ? ` for ${functionName}` : ''}`);
    else
      for (const r of results)
        console.log(r.outcome === 'redriven' ? `${r.letter.messageId}: redriven as ${r.as}` : `${r.letter.messageId}: kept: ${r.reason}`);
    return results.every((r) => r.outcome === 'redriven') ? ExitCode.ok : ExitCode.notOk;
  };

  const cloud = cloudTargetOf(values);
  if (cloud) return withStage(cloud, (stage) => work(cloudOperations(stage), async () => undefined));
  const runtime = await openRuntime(values);
  try {
    return await work(embeddedOperations(runtime), () => runtime.idle());
  } finally {
    runtime.close();
  }
}

async function list(ops: JourneyOperations, json: boolean): Promise<number> {
  const summary = summariseDeadLetters(await readDeadLetters(ops));
  const queued = (await ops.queuedDeadLetters?.()) ?? {};
  if (json) {
    console.log(JSON.stringify({ functions: summary, notYetRecorded: queued }, null, 2));
    return ExitCode.ok;
  }
  if (summary.length === 0 && Object.keys(queued).length === 0) console.log('no dead letters');
  for (const row of summary)
    console.log(`${row.function.padEnd(30)} ${String(row.messages).padStart(4)} message${row.messages === 1 ? ' ' : 's'}  oldest ${row.oldest}`);
  for (const [name, count] of Object.entries(queued))
    console.log(`${name.padEnd(30)} ${String(count).padStart(4)} still in its dead-letter queue, not yet recorded`);
  return ExitCode.ok;
}

function show(functionName: string, letters: DeadLetter[], json: boolean): number {
  if (json) {
    console.log(
      JSON.stringify(
        letters.map(({ body: _body, ...rest }) => rest),
        null,
        2,
      ),
    );
    return ExitCode.ok;
  }
  if (letters.length === 0) console.log(`no dead letters for ${functionName}`);
  for (const l of letters) {
    console.log(`${l.messageId}  died ${l.diedAt}  ${l.detailType}`);
    console.log(`  journey ${l.journeyId ?? '-'}  step ${l.step ?? '-'}  attempts ${l.attempts}${l.redrive ? `  redrive ${l.redrive}` : ''}`);
    console.log(`  reason  ${l.reason.code}: ${l.reason.message}`);
  }
  return ExitCode.ok;
}
