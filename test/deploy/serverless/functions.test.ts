import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEAD_LETTER_RECORDER, functionNameForStep, JOURNEY_SWEEPER, routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';

type SqsSource = { sqs: { arn: { 'Fn::GetAtt': [string, string] }; batchSize: number; functionResponseType: string; maximumConcurrency: number } };
type Deployed = Record<string, { handler: string; role: string; timeout?: number; events: (SqsSource | { schedule: { rate: string } })[] }>;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const { deployedFunctions } = require('../../../deploy/serverless/functions.cjs') as {
  deployedFunctions: (input: {
    routes: unknown[];
    deadLetterRecorder: string;
    journeySweeper: string;
    deadLetterEvents: unknown[];
    maximumConcurrency: number;
    sweepEveryMinutes: number;
  }) => Deployed;
};
const { pascalCase } = require('../../../deploy/serverless/routing-table-loader.cjs') as { pascalCase: (name: string) => string };

/** serverless.yml's functions section, as osls resolves it (deploy/serverless/functions.cjs). */
describe('the deployed functions section', () => {
  const registry = defaultUseCaseRegistry();
  const routes = routingTable(registry, { uploadBucket: 'uploads' });
  const deadLetterEvents = [{ sqs: { arn: { 'Fn::GetAtt': ['SomeDeadLetterQueue', 'Arn'] } } }];
  const functions = deployedFunctions({
    routes,
    deadLetterRecorder: DEAD_LETTER_RECORDER,
    journeySweeper: JOURNEY_SWEEPER,
    deadLetterEvents,
    maximumConcurrency: 5,
    sweepEveryMinutes: 5,
  });
  const queueOf = (name: string) => (functions[name]!.events[0] as SqsSource).sqs;

  it('has one function per routing target, and none that no rule, schedule or dead-letter queue feeds', () => {
    const targets = new Set(routes.map((r) => r.target));
    expect(Object.keys(functions).sort()).toEqual([...targets, DEAD_LETTER_RECORDER, JOURNEY_SWEEPER].sort());
  });

  it('deploys a function for every step of every use case', () => {
    for (const { definition } of registry.steps()) expect(Object.keys(functions)).toContain(functionNameForStep(definition.name));
  });

  it('runs each function from its own handler, which exists, with its own role', () => {
    for (const [name, fn] of Object.entries(functions)) {
      expect(fn.handler).toBe(`functions/${name}/handler.handler`);
      expect(existsSync(join(root, 'functions', name, 'handler.ts')), `functions/${name}/handler.ts`).toBe(true);
      expect(fn.role).toBe(`${pascalCase(name)}Role`);
    }
  });

  it('deploys every handler under functions/', () => {
    const handlers = readdirSync(join(root, 'functions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, 'functions', entry.name, 'handler.ts')))
      .map((entry) => entry.name);
    expect(handlers.sort()).toEqual(Object.keys(functions).sort());
  });

  it("feeds each routing target from its own queue: a step's one message at a time, a manager's in batches", () => {
    for (const route of routes) {
      const queue = queueOf(route.target);
      expect(queue.arn['Fn::GetAtt'][0]).toBe(`${pascalCase(route.target)}Queue`);
      expect(queue.functionResponseType).toBe('ReportBatchItemFailures');
      expect(queue.maximumConcurrency).toBe(5);
      expect(queue.batchSize).toBe(route.step ? 1 : 10);
    }
  });

  it('runs the sweeper on its schedule and feeds the dead-letter recorder from the dead-letter queues', () => {
    expect(functions[JOURNEY_SWEEPER]!.events).toEqual([expect.objectContaining({ schedule: expect.objectContaining({ rate: 'rate(5 minutes)' }) })]);
    expect(functions[DEAD_LETTER_RECORDER]!.events).toBe(deadLetterEvents);
  });
});
