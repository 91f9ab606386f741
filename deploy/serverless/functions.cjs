// serverless.yml's `functions:` section, derived from the routing table (domain/routing/routing-table.ts)
// as routing-resources.cjs derives the queues, rules and roles: one function per routing target,
// reading that target's queue with that target's role, plus the two functions no rule targets
// (the dead-letter recorder, the journey sweeper). A step added to a use case gets its function,
// queue and role from the same table, with no line to add here.
//
//   managers and the recorder   their queue, 10 messages a batch
//   a step's function           its queue, one message a batch: the timeout bounds one step's
//                               work, not ten (timeout and memory come from its policy, merged in
//                               by routing-resources.cjs)
//   dead-letter recorder        every target's dead-letter queue (dead-letter-sources.cjs)
//   journey sweeper             a schedule
//
// Each function's code is functions/<name>/handler.ts (functions/shared/function-catalogue.ts
// builds a routing target's handler). serverless.yml pulls this in with ${file(...)}; osls calls
// the exported function.
const { loadRouting, pascalCase } = require('./routing-table-loader.cjs');
const deadLetterSources = require('./dead-letter-sources.cjs');

/** One sweep reads the marker of every running journey, so it gets longer than the managers' timeout. */
const SWEEPER_TIMEOUT_SECONDS = 300;

const handlerOf = (name) => `functions/${name}/handler.handler`;
const roleOf = (name) => `${pascalCase(name)}Role`;

/**
 * The functions section for these routes: plain data, so a test can hold it against the table.
 * @param {{ routes: { target: string; step?: string }[]; deadLetterRecorder: string; journeySweeper: string;
 *   deadLetterEvents: unknown[]; maximumConcurrency: number; sweepEveryMinutes: number }} input
 */
function deployedFunctions({ routes, deadLetterRecorder, journeySweeper, deadLetterEvents, maximumConcurrency, sweepEveryMinutes }) {
  const queueReader = ({ target, step }) => ({
    handler: handlerOf(target),
    role: roleOf(target),
    events: [
      {
        sqs: {
          arn: { 'Fn::GetAtt': [`${pascalCase(target)}Queue`, 'Arn'] },
          batchSize: step ? 1 : 10,
          functionResponseType: 'ReportBatchItemFailures',
          maximumConcurrency,
        },
      },
    ],
  });
  // The platform's own functions first, then the steps: the template lists them in this order.
  const functions = {};
  for (const route of routes.filter((r) => !r.step)) functions[route.target] ??= queueReader(route); // several rules, one queue
  functions[deadLetterRecorder] = { handler: handlerOf(deadLetterRecorder), role: roleOf(deadLetterRecorder), events: deadLetterEvents };
  functions[journeySweeper] = {
    handler: handlerOf(journeySweeper),
    role: roleOf(journeySweeper),
    timeout: SWEEPER_TIMEOUT_SECONDS,
    events: [{ schedule: { rate: `rate(${sweepEveryMinutes} minutes)`, description: 'fail journeys past their deadline' } }],
  };
  for (const route of routes.filter((r) => r.step)) functions[route.target] ??= queueReader(route);
  return functions;
}

module.exports = async ({ resolveVariable }) => {
  const { routes, deadLetterRecorder, journeySweeper } = await loadRouting({ uploadBucket: 'unused' });
  return deployedFunctions({
    routes,
    deadLetterRecorder,
    journeySweeper,
    deadLetterEvents: await deadLetterSources({ resolveVariable }),
    maximumConcurrency: Number(await resolveVariable('param:maxConcurrencyPerFunction')),
    sweepEveryMinutes: Number(await resolveVariable('param:sweepEveryMinutes')),
  });
};
module.exports.deployedFunctions = deployedFunctions;
