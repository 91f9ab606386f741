import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { SQSEvent } from 'aws-lambda';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { UploadRejected } from '#events/upload-rejected.js';
import type { EventDraft } from '#events/platform-event.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { EventBridgePublisher } from '#functions/adapters/eventbridge-publisher.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { journeyDatapoints, METRICS_NAMESPACE, stepDatapoints } from '#functions/shared/journey-metrics.js';
import { inProcessLambdaContext } from '#functions/shared/lambda-context.js';
import { createExperienceManagerFunction } from '#functions/shared/manager-functions.js';
import { createStepFunction } from '#functions/shared/step-function.js';
import { powertoolsTelemetry } from '#functions/shared/telemetry.js';
import { InMemoryObjectStore } from '../support/in-memory-object-store.js';

const ids = { schemaVersion: 1 as const, journeyId: 'j-0123456789abcdef0123', useCase: 'mvp', journey: 'upload', correlationId: 'c-1', causationId: 'c-1' };
const input = { bucket: defaultPlatformConfig.uploadBucket, key: 'uploads/mvp/lagerbestand.csv', size: 64 };
const steps = ['validate_file', 'process_file', 'store_file', 'notify_completion'];
const position = { ...ids, input, journeyStartedAt: '2026-12-01T07:59:00.000Z', steps };
const record = (name: string, attempts = 1) => ({
  name,
  attempts,
  startedAt: '2026-12-01T08:00:00.000Z',
  endedAt: '2026-12-01T08:00:01.250Z',
  artifacts: [],
  summary: {},
});

describe('the metrics read off published events', () => {
  it('counts journey-level events by use case and leaves other events alone', () => {
    const rejected = UploadRejected.draft({ ...ids, useCase: 'unknown', input, error: { code: 'unknown_use_case', message: 'no use case' } });
    const completedStep = JourneyStepCompleted.draft({
      ...position,
      step: 'validate_file',
      stepIndex: 0,
      record: record('validate_file'),
      completedSteps: [record('validate_file')],
    });
    expect(journeyDatapoints([rejected, completedStep])).toEqual([
      { name: 'UploadsRejected', unit: 'Count', value: 1, dimensions: { UseCase: 'unknown' }, metadata: { journeyId: ids.journeyId } },
    ]);
  });

  it("times every reported attempt and counts a step's attempts once it is over, not after a failure that will be retried", () => {
    const completed = JourneyStepCompleted.draft({
      ...position,
      step: 'process_file',
      stepIndex: 1,
      record: record('process_file', 2),
      completedSteps: [record('validate_file'), record('process_file', 2)],
    });
    const failure = (final: boolean) =>
      JourneyStepFailed.draft({
        ...position,
        step: 'store_file',
        stepIndex: 2,
        attempt: 2,
        maxAttempts: 3,
        final,
        kind: 'error',
        startedAt: '2026-12-01T08:00:00.000Z',
        endedAt: '2026-12-01T08:00:00.400Z',
        error: { code: 'x', message: 'y' },
        completedSteps: [],
      });
    const dims = (step: string) => ({ UseCase: 'mvp', Step: step });
    expect(stepDatapoints([completed])).toEqual([
      { name: 'StepDuration', unit: 'Milliseconds', value: 1250, dimensions: dims('process_file'), metadata: { journeyId: ids.journeyId } },
      { name: 'StepAttempts', unit: 'Count', value: 2, dimensions: dims('process_file'), metadata: { journeyId: ids.journeyId } },
    ]);
    expect(stepDatapoints([failure(false)]).map((d) => [d.name, d.value])).toEqual([['StepDuration', 400]]);
    expect(stepDatapoints([failure(true)]).map((d) => [d.name, d.value])).toEqual([
      ['StepDuration', 400],
      ['StepAttempts', 2],
    ]);
  });
});

/** What a function printed on stdout while `run` ran, as JSON lines (EMF) and the rest. */
async function stdoutOf(run: () => Promise<unknown>): Promise<{ emf: any[]; other: string[] }> {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  const emf = lines.flatMap((line) => {
    try {
      const parsed = JSON.parse(line);
      return parsed?._aws ? [parsed] : [];
    } catch {
      return [];
    }
  });
  return { emf, other: lines.filter((line) => !line.includes('"_aws"')) };
}

function portsWith(env: NodeJS.ProcessEnv, store = new InMemoryObjectStore()) {
  const published: EventDraft[] = [];
  const ports: FunctionPorts = {
    store,
    publisher: { publish: async (drafts) => void published.push(...drafts) },
    clock: { now: () => new Date() },
    config: defaultPlatformConfig,
    registry: defaultUseCaseRegistry(),
    logger: new Logger({ logLevel: 'SILENT' }),
    telemetry: powertoolsTelemetry(env),
  };
  return { ports, store, published };
}

const sqsEvent = (detailType: string, detail: unknown, receiveCount = 1): SQSEvent => ({
  Records: [
    {
      messageId: `m-${detailType}`,
      receiptHandle: 'r',
      body: JSON.stringify({
        version: '0',
        id: `e-${detailType}`,
        'detail-type': detailType,
        source: 'symphainy.journeys',
        account: '123456789012',
        time: '2026-12-01T08:00:00Z',
        region: 'eu-west-1',
        resources: [],
        detail,
      }),
      attributes: { ApproximateReceiveCount: String(receiveCount) } as never,
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:symphainy-dev-fn',
      awsRegion: 'eu-west-1',
    },
  ],
});

describe('the metrics a deployed function writes', () => {
  afterEach(() => vi.unstubAllEnvs());
  const inLambda = { AWS_LAMBDA_FUNCTION_NAME: 'symphainy-dev-fn' };

  it('writes a completed journey as one EMF line in the Symphainy namespace, with the use case and the stage as dimensions', async () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'symphainy-dev');
    const { ports, published } = portsWith(inLambda);
    const handler = createExperienceManagerFunction(ports);
    const done = steps.map((name) => record(name));
    const last = JourneyStepCompleted.draft({ ...position, step: 'notify_completion', stepIndex: 3, record: done[3]!, completedSteps: done });
    const { emf, other } = await stdoutOf(() => handler(sqsEvent(last.detailType, last.detail), inProcessLambdaContext('experience-manager', 'r-1')));
    expect(published.map((e) => e.detailType)).toEqual(['Journey Completed']);
    expect(other).toEqual([]);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ service: 'symphainy-dev', UseCase: 'mvp', JourneysCompleted: 1, journeyId: ids.journeyId });
    expect(emf[0]._aws.CloudWatchMetrics).toEqual([
      { Namespace: METRICS_NAMESPACE, Dimensions: [['service', 'UseCase']], Metrics: [{ Name: 'JourneysCompleted', Unit: 'Count' }] },
    ]);
  });

  it("writes a step attempt's duration and, when the step is over, its attempts, with use case and step as dimensions", async () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'symphainy-dev');
    const { ports, store, published } = portsWith(inLambda);
    await store.put(input.bucket, input.key, 'sku;stock\nA-1;4\nA-2;7\n');
    const request = JourneyStepRequested.draft({ ...position, step: 'validate_file', stepIndex: 0, completedSteps: [] });
    const handler = createStepFunction('validate_file', ports);
    const { emf } = await stdoutOf(() => handler(sqsEvent(request.detailType, request.detail), inProcessLambdaContext('validate-file', 'r-2')));
    expect(published.map((e) => e.detailType)).toEqual(['Journey Step Completed']);
    expect(emf.map((line) => line._aws.CloudWatchMetrics[0].Metrics[0].Name)).toEqual(['StepDuration', 'StepAttempts']);
    for (const line of emf) {
      expect(line).toMatchObject({ service: 'symphainy-dev', UseCase: 'mvp', Step: 'validate_file', journeyId: ids.journeyId });
      expect(line._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'UseCase', 'Step']]);
    }
    expect(emf[0].StepDuration).toBeGreaterThanOrEqual(0);
    expect(emf[1].StepAttempts).toBe(1);
  });

  it('writes nothing outside a Lambda runtime, or where POWERTOOLS_METRICS_DISABLED says so, and the function works the same', async () => {
    const done = steps.map((name) => record(name));
    const last = JourneyStepCompleted.draft({ ...position, step: 'notify_completion', stepIndex: 3, record: done[3]!, completedSteps: done });
    for (const env of [{}, inLambda]) {
      if (env === inLambda) vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
      const { ports, published } = portsWith(env);
      const handler = createExperienceManagerFunction(ports);
      const { emf, other } = await stdoutOf(() => handler(sqsEvent(last.detailType, last.detail), inProcessLambdaContext('experience-manager', 'r-3')));
      expect({ emf, other }).toEqual({ emf: [], other: [] });
      expect(published.map((e) => e.detailType)).toEqual(['Journey Completed']);
    }
  });

  it('traces nothing and hands on no trace header where Lambda does not run the function (no X-Ray daemon needed)', () => {
    expect(powertoolsTelemetry(inLambda).traceHeader()).toBeUndefined();
  });
});

describe('the EventBridge publisher', () => {
  it('puts the trace header of the publishing segment on every entry, and none when there is no trace', async () => {
    const bodies: any[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const parsed = JSON.parse(body);
        bodies.push(parsed);
        response.setHeader('content-type', 'application/x-amz-json-1.1');
        response.end(JSON.stringify({ FailedEntryCount: 0, Entries: parsed.Entries.map((_: unknown, i: number) => ({ EventId: `e-${i}` })) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new EventBridgeClient({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const header = 'Root=1-67890abc-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1';
      const drafts = [JourneyStepRequested.draft({ ...position, step: 'validate_file', stepIndex: 0, completedSteps: [] })];
      await new EventBridgePublisher(client, 'symphainy-dev', () => header).publish([...drafts, ...drafts]);
      await new EventBridgePublisher(client, 'symphainy-dev').publish(drafts);
      expect(bodies.map((body) => body.Entries.map((entry: any) => entry.TraceHeader))).toEqual([[header, header], [undefined]]);
    } finally {
      server.close();
    }
  });
});
