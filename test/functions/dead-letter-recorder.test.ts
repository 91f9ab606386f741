import { describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import type { EventDraft } from '#events/platform-event.js';
import { DEAD_LETTER_PREFIX, type DeadLetter } from '#domain/journeys/dead-letter.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { createDeadLetterRecorderFunction } from '#functions/dead-letter-recorder/dead-letter-recorder-function.js';
import { inProcessLambdaContext } from '#functions/shared/lambda-context.js';
import { InMemoryObjectStore } from '../support/in-memory-object-store.js';

/** The recorder as a dead-letter queue feeds it, over an in-memory store: which journeys it fails and what it keeps. */
function recorder(store = new InMemoryObjectStore()) {
  const published: EventDraft[] = [];
  const handler = createDeadLetterRecorderFunction(
    {
      store,
      publisher: { publish: async (drafts) => void published.push(...drafts) },
      clock: { now: () => new Date('2026-12-01T08:00:00Z') },
      config: defaultPlatformConfig,
      registry: defaultUseCaseRegistry(),
      logger: new Logger({ serviceName: 'dead-letter-recorder', logLevel: 'SILENT' }),
    },
    ['process-file', 'validate-file', 'load-data'],
  );
  const deliver = (messageId: string, body: string, queue = 'symphainy-dev-process-file-dlq') =>
    handler(
      {
        Records: [
          {
            messageId,
            receiptHandle: messageId,
            body,
            attributes: { ApproximateReceiveCount: '1' } as never,
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: `arn:aws:sqs:eu-west-1:123456789012:${queue}`,
            awsRegion: 'eu-west-1',
          },
        ],
      } as SQSEvent,
      inProcessLambdaContext('dead-letter-recorder', 'r-1'),
    );
  const kept = async () =>
    Promise.all(
      (await store.list(defaultPlatformConfig.artifactBucket, DEAD_LETTER_PREFIX)).map(
        async (h) => JSON.parse(new TextDecoder().decode((await store.get(h.bucket, h.key))!.body)) as DeadLetter,
      ),
    );
  return { deliver, kept, published, store };
}

const request = JourneyStepRequested.draft({
  schemaVersion: 1,
  journeyId: 'j-0123456789abcdef0123',
  useCase: 'mvp',
  journey: 'upload',
  correlationId: 'c-1',
  causationId: 'c-1',
  step: 'process_file',
  stepIndex: 1,
  input: { bucket: 'symphainy-uploads', key: 'uploads/mvp/lagerbestand.csv', size: 2048, etag: 'abc' },
  journeyStartedAt: '2026-12-01T07:59:00Z',
  steps: ['validate_file', 'process_file', 'store_file', 'notify_completion'],
  completedSteps: [],
});
const envelope = {
  version: '0',
  id: 'e-1',
  'detail-type': request.detailType,
  source: request.source,
  account: '123456789012',
  time: '2026-12-01T07:59:30Z',
  region: 'eu-west-1',
  resources: [],
  detail: request.detail,
};

describe('the dead-letter recorder', () => {
  it('fails the journey of a request whose last attempt never reported (killed), once, and keeps the message with why', async () => {
    const { deliver, kept, published } = recorder();
    expect((await deliver('m-1', JSON.stringify(envelope))).batchItemFailures).toEqual([]);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      detailType: 'Journey Step Failed',
      detail: { journeyId: 'j-0123456789abcdef0123', step: 'process_file', final: true, attempt: 3, error: { code: 'step_out_of_memory' } },
    });
    const [letter] = await kept();
    expect(letter).toMatchObject({
      function: 'process-file',
      messageId: 'm-1',
      journeyId: 'j-0123456789abcdef0123',
      step: 'process_file',
      attempts: 3,
      reason: { code: 'step_out_of_memory' },
    });

    // Redelivered (the recorder's own retry): nothing is said twice.
    await deliver('m-1', JSON.stringify(envelope));
    expect(published).toHaveLength(1);
    expect(await kept()).toHaveLength(1);
  });

  it('keeps a message that is not an event at all, with the reason it could not be read', async () => {
    const { deliver, kept, published } = recorder();
    expect((await deliver('m-2', 'order 4711 shipped', 'symphainy-dev-validate-file-dlq')).batchItemFailures).toEqual([]);
    expect(published).toEqual([]);
    const [letter] = await kept();
    expect(letter).toMatchObject({
      function: 'validate-file',
      body: 'order 4711 shipped',
      detailType: '(not an event)',
      reason: { code: 'malformed_event', message: expect.stringContaining('is not JSON') },
    });
  });

  describe('a shard request that died', () => {
    const loadData = JourneyStepRequested.draft({
      ...request.detail,
      journey: 'eda',
      step: 'load_data',
      stepIndex: 0,
      steps: ['load_data', 'explore_data'],
    });
    const planKey = 'journeys/j-0123456789abcdef0123/load_data/shards/0/plan.json';
    const shardRequest = (key: string) => {
      const draft = JourneyShardRequested.draft({
        ...loadData.detail,
        causationId: 'e-2',
        shard: { index: 2, total: 5, start: 819_200, end: 1_228_800 },
        planKey: key,
      });
      return { ...envelope, id: 'e-3', 'detail-type': draft.detailType, detail: draft.detail };
    };

    it('fails its step once, the shard and its bytes named, and keeps the message', async () => {
      const { deliver, kept, published, store } = recorder();
      const stepEnvelope = { ...envelope, id: 'e-2', detail: loadData.detail };
      await store.put(defaultPlatformConfig.artifactBucket, planKey, JSON.stringify({ request: stepEnvelope, layout: {} }));
      expect((await deliver('m-9', JSON.stringify(shardRequest(planKey)), 'symphainy-dev-load-data-dlq')).batchItemFailures).toEqual([]);
      expect(published).toHaveLength(1);
      expect(published[0]!.detailType).toBe(JourneyStepFailed.detailType);
      const failure = published[0]!.detail as { step: string; final: boolean; error: { message: string; details: string[] } };
      expect(failure).toMatchObject({ step: 'load_data', final: true });
      expect(failure.error.message).toMatch(/^shard 2 of 5 \(bytes 819200-1228800\) of load_data: its read died: /);
      expect(failure.error.details.at(-1)).toBe('shard 2 (bytes 819200-1228800)');
      expect((await kept()).map((l) => [l.function, l.detailType, l.step])).toEqual([['load-data', 'Journey Shard Requested', 'load_data']]);
      await deliver('m-9', JSON.stringify(shardRequest(planKey)), 'symphainy-dev-load-data-dlq');
      expect(published).toHaveLength(1);
    });

    it('is kept with why when its plan is gone (nothing to fail it against), rather than dying again', async () => {
      const { deliver, kept, published } = recorder();
      const key = 'journeys/j-0123456789abcdef0123/load_data/shards/7/plan.json';
      expect((await deliver('m-10', JSON.stringify(shardRequest(key)), 'symphainy-dev-load-data-dlq')).batchItemFailures).toEqual([]);
      expect(published).toEqual([]);
      const [letter] = await kept();
      expect(letter!.reason.message).toContain('shard plan');
    });
  });
});
