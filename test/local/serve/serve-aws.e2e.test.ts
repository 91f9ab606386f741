import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { encodeS3EventKey } from '#events/s3-object-created.js';
import { runCli } from '../../support/run-cli.js';
import { getJson, postUpload } from './http-client.js';
import { emulatorAvailability, emulatorSettings } from '../../support/wait-for-event.js';
import { createTestStage, EMULATOR, EMULATOR_ENV, type TestStage } from './emulator-stage.js';
import { parsePrometheusText } from '../../support/python-tools.js';
import { startServe, type ServeProcess } from './serve-process.js';

// Runs when an emulator answers; with SYMPHAINY_EMULATOR=required (or CI) a missing one is a failure, not a skip.
const emulator = await emulatorAvailability(emulatorSettings({ ...process.env, AWS_ENDPOINT_URL: EMULATOR }));

const ORDERS = 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n';
const WAIT_MS = 30_000;

/** Polls until `check` returns a value; each round waits for its answer, the loop is bounded. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

describe.skipIf(!emulator.run)(`symphainy serve --aws against the emulator (${emulator.reason})`, () => {
  let stage: TestStage;
  let serve: ServeProcess;
  const listened: Record<string, any>[] = [];

  /** Platform events the stage's bus delivered to the test-only listener queue. */
  const nextEvent = (detailType: string, journeyId: string) =>
    eventually(`a "${detailType}" of ${journeyId} on the bus`, async () => {
      const seen = listened.find((e) => e['detail-type'] === detailType && e.detail.journeyId === journeyId);
      if (seen) return seen;
      const out = await stage.sqs.send(new ReceiveMessageCommand({ QueueUrl: stage.listenerUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of out.Messages ?? []) {
        listened.push(JSON.parse(m.Body!));
        await stage.sqs.send(new DeleteMessageCommand({ QueueUrl: stage.listenerUrl, ReceiptHandle: m.ReceiptHandle! }));
      }
      return undefined;
    });

  const messagesIn = async (url: string) => {
    const { Attributes = {} } = await stage.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
  };

  beforeAll(async () => {
    stage = await createTestStage();
    serve = await startServe(
      // Buckets and bus come from the stack's outputs, as for a deployed stage.
      ['--aws', '--stage', stage.stage, '--endpoint', EMULATOR, '--poll-seconds', '1'],
      EMULATOR_ENV,
    );
  });
  afterAll(async () => {
    const code = serve ? await serve.stop('SIGTERM') : undefined;
    await stage?.destroy();
    if (serve) expect(code).toBe(0);
  });

  it('is live and ready: the store, the bus and every queue answer', async () => {
    expect((await getJson(`${serve.url}/health`)).body).toMatchObject({ status: 'ok', mode: 'aws' });
    const ready = await getJson(`${serve.url}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['store', true],
      ['bus', true],
      ['queues', true],
      ['consumers', true],
    ]);
  });

  it('puts an upload in the bucket, and handles its Object Created from the experience manager queue: journey started, message deleted', async () => {
    const accepted = await postUpload(serve.url, ORDERS, { 'use-case': 'mvp', name: 'orders.csv' });
    expect(accepted.status).toBe(202);
    const { journeyId, versionId, key } = accepted.body;
    expect(journeyId).toMatch(/^j-[0-9a-f]{20}$/);
    const head = await stage.s3.send(new HeadObjectCommand({ Bucket: stage.uploadBucket, Key: key }));
    expect(head.VersionId).toBe(versionId);

    // Play EventBridge's part: the rule would put S3's event on the experience manager's queue.
    const objectCreated = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '000000000000',
      time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: EMULATOR_ENV.AWS_REGION,
      resources: [`arn:aws:s3:::${stage.uploadBucket}`],
      detail: {
        version: '0',
        bucket: { name: stage.uploadBucket },
        object: { key: encodeS3EventKey(key), size: ORDERS.length, etag: head.ETag!.replace(/"/g, ''), 'version-id': versionId, sequencer: '0001' },
        'request-id': randomUUID(),
        requester: '000000000000',
        reason: 'PutObject',
      },
    };
    await stage.sqs.send(new SendMessageCommand({ QueueUrl: stage.queueUrl('experience-manager'), MessageBody: JSON.stringify(objectCreated) }));

    // The manager ran in the server: its events reached the real bus, under the id the upload was promised.
    const requested = await nextEvent('Journey Step Requested', journeyId);
    expect(requested.detail).toMatchObject({ step: 'validate_file', useCase: 'mvp', input: { key, versionId } });
    await eventually('the Object Created message deleted', async () => ((await messagesIn(stage.queueUrl('experience-manager'))) === 0 ? true : undefined));
    const journey = await getJson(`${serve.url}/journeys/${journeyId}`);
    expect(journey.status).toBe(200);
    expect(journey.body).toMatchObject({ journeyId, status: 'running', useCase: 'mvp', steps: [{ name: 'validate_file', status: 'requested' }, {}, {}, {}] });

    // And the step: its request, forwarded to its queue, runs validate_file against the bucket.
    await stage.sqs.send(new SendMessageCommand({ QueueUrl: stage.queueUrl('validate-file'), MessageBody: JSON.stringify(requested) }));
    const completed = await nextEvent('Journey Step Completed', journeyId);
    expect(completed.detail.record.artifacts.length).toBeGreaterThan(0);
    for (const artifact of completed.detail.record.artifacts) {
      expect(artifact.bucket).toBe(stage.artifactBucket);
      await stage.s3.send(new HeadObjectCommand({ Bucket: artifact.bucket, Key: artifact.key }));
    }
    await eventually('the step request deleted', async () => ((await messagesIn(stage.queueUrl('validate-file'))) === 0 ? true : undefined));
    const after = await getJson(`${serve.url}/journeys/${journeyId}`);
    expect(after.body.steps[0]).toMatchObject({ name: 'validate_file', status: 'completed', attempts: 1 });
  });

  it('shows a journey it never worked on from the journey record (events another process published, recorded by the recorder it hosts)', async () => {
    const journeyId = `j-${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const steps = ['validate_file', 'process_file', 'store_file', 'notify_completion'];
    const ids = { schemaVersion: 1, journeyId, useCase: 'mvp', journey: 'upload', correlationId: randomUUID() };
    const input = { bucket: stage.uploadBucket, key: 'uploads/mvp/elsewhere.csv' };
    const envelope = (id: string, detailType: string, detail: object) => ({
      version: '0',
      id,
      'detail-type': detailType,
      source: 'symphainy.journeys',
      account: '000000000000',
      time: '2026-11-26T09:14:04Z',
      region: EMULATOR_ENV.AWS_REGION,
      resources: [],
      detail,
    });
    const startedId = randomUUID();
    const started = envelope(startedId, 'Journey Started', { ...ids, causationId: ids.correlationId, input, steps, resolvedBy: 'key-prefix' });
    const requested = envelope(randomUUID(), 'Journey Step Requested', {
      ...ids,
      causationId: startedId,
      step: steps[0],
      stepIndex: 0,
      input,
      journeyStartedAt: '2026-11-26T09:14:03Z',
      steps,
      completedSteps: [],
    });
    // Play the recorder rule: every platform event also lands on the journey recorder's queue.
    for (const event of [requested, started])
      await stage.sqs.send(new SendMessageCommand({ QueueUrl: stage.queueUrl('journey-recorder'), MessageBody: JSON.stringify(event) }));
    const journey = await eventually('the recorded journey', async () => {
      const res = await getJson(`${serve.url}/journeys/${journeyId}`);
      return res.status === 200 && res.body.steps[0]?.status === 'requested' ? res.body : undefined;
    });
    expect(journey).toMatchObject({ journeyId, status: 'running', useCase: 'mvp', input, steps: steps.map((name) => ({ name })) });
    expect((await getJson(`${serve.url}/journeys`)).body.map((j: { journeyId: string }) => j.journeyId)).not.toContain(journeyId);
  });

  it('leaves a failing message on its queue, where the redrive policy dead-letters it, and counts it', async () => {
    await stage.sqs.send(new SendMessageCommand({ QueueUrl: stage.queueUrl('process-file'), MessageBody: '{"not":"an EventBridge event"}' }));
    await eventually('the message in the dead-letter queue', async () => ((await messagesIn(stage.deadLetterUrl('process-file'))) === 1 ? true : undefined));
    expect(await messagesIn(stage.queueUrl('process-file'))).toBe(0);
    const deadLetters = await eventually('the dead letter in /metrics', async () => {
      const families = parsePrometheusText(await (await fetch(`${serve.url}/metrics`)).text());
      const sample = families.flatMap((f) => f.samples).find((s) => s.name === 'symphainy_dead_letter_depth' && s.labels.queue === 'process-file');
      return sample?.value === 1 ? sample : undefined;
    });
    expect(deadLetters.value).toBe(1);
  });

  it('refuses to start on a stage that is not there, saying what is missing (exit 1)', () => {
    const absent = `${stage.stage}-gone`;
    const noStack = runCli(['serve', '--aws', '--stage', absent, '--endpoint', EMULATOR], { env: EMULATOR_ENV });
    expect(noStack.status).toBe(1);
    expect(noStack.stderr).toContain(`cannot read the outputs of stack symphainy-${absent}`);
    const noQueues = runCli(
      ['serve', '--aws', '--stage', absent, '--endpoint', EMULATOR, '--upload-bucket', 'b', '--artifact-bucket', 'b', '--event-bus', 'b'],
      { env: EMULATOR_ENV },
    );
    expect(noQueues.status).toBe(1);
    expect(noQueues.stderr).toContain(`symphainy-${absent}-experience-manager`);
  });
});
