import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeEventBusCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { routingTable, type Route } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { S3ObjectStore } from '#functions/adapters/s3-object-store.js';
import { awsPorts } from '#functions/shared/aws-ports.js';
import { createFunctionFor } from '#functions/shared/function-catalogue.js';
import { settlesWithin } from '../bounded-wait.js';
import type { AcceptedUpload, DrainOutcome, PlatformHost, QueueDepth, ReadinessCheck, UploadInput } from '../platform-host.js';
import type { ServeLog } from '../serve-log.js';
import { JourneyIndex } from './journey-index.js';
import { QueueConsumer } from './queue-consumer.js';
import { recordedJourney } from '#local/stage/recorded-journeys.js';
import { resolveStageNames, resolveStageQueues, type StageNames, type StageQueue } from './stage-resources.js';

export interface AwsHostOptions {
  stage: string;
  /** The emulator's (or any) endpoint; otherwise the SDK's default, which honours AWS_ENDPOINT_URL. */
  endpoint?: string;
  region?: string;
  names: Partial<StageNames>;
  /** ReceiveMessage long-poll seconds. */
  waitSeconds: number;
  verbose: boolean;
  log: ServeLog;
}

const PROBE_TIMEOUT_MS = 3_000;
/** Queue depths are a few dozen API calls: scrapes within this share one reading. */
const DEPTH_CACHE_MS = 5_000;

/**
 * `symphainy serve --aws`: the stage's functions run in this process instead of Lambda, each fed
 * by its own SQS queue exactly as the event source mapping would feed it, with the same handler
 * (`createFunctionFor`) over the same AWS ports.
 */
export class AwsHost implements PlatformHost {
  readonly mode = 'aws' as const;
  readonly where: Record<string, string>;
  readonly maxUploadBytes = defaultPlatformConfig.maxUploadBytes;
  readonly registry = defaultUseCaseRegistry();
  readonly uploadBucket: string;
  private readonly index: JourneyIndex;
  readonly objects: S3ObjectStore;
  private readonly consumers: QueueConsumer[];
  private depthReading: { at: number; depths: Promise<QueueDepth[]> } | undefined;

  private constructor(
    private readonly clients: { sqs: SQSClient; s3: S3Client; eventBridge: EventBridgeClient; cloudFormation: CloudFormationClient },
    private readonly names: StageNames,
    private readonly queues: StageQueue[],
    options: AwsHostOptions,
    region: string,
  ) {
    this.uploadBucket = names.uploadBucket;
    this.where = {
      stage: options.stage,
      region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      uploadBucket: names.uploadBucket,
      eventBus: names.eventBus,
    };
    this.index = new JourneyIndex({ region });
    this.objects = new S3ObjectStore(clients.s3);
    const routes = new Map<string, Route>();
    for (const route of routingTable(defaultUseCaseRegistry(), { uploadBucket: names.uploadBucket }))
      if (!routes.has(route.target)) routes.set(route.target, route);
    this.consumers = queues.map((queue) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        UPLOAD_BUCKET: names.uploadBucket,
        ARTIFACT_BUCKET: names.artifactBucket,
        EVENT_BUS_NAME: names.eventBus,
        // A step's last attempt is the one its queue dead-letters after.
        ...(queue.maxReceiveCount ? { MAX_ATTEMPTS: String(queue.maxReceiveCount) } : {}),
        ...(options.endpoint ? { AWS_ENDPOINT_URL: options.endpoint } : {}),
      };
      const ports = awsPorts(queue.target, env);
      ports.logger = new Logger({ serviceName: queue.target, logLevel: options.verbose ? 'INFO' : 'WARN' });
      ports.publisher = this.index.tap(ports.publisher);
      return new QueueConsumer(queue, createFunctionFor(routes.get(queue.target)!, ports), {
        sqs: clients.sqs,
        region,
        waitSeconds: options.waitSeconds,
        log: options.log,
      });
    });
  }

  static async open(options: AwsHostOptions): Promise<AwsHost> {
    const endpoint = options.endpoint ? { endpoint: options.endpoint } : {};
    const region = options.region ? { region: options.region } : {};
    const clients = {
      sqs: new SQSClient({ ...endpoint, ...region }),
      s3: new S3Client({ ...endpoint, ...region, forcePathStyle: Boolean(options.endpoint) }),
      eventBridge: new EventBridgeClient({ ...endpoint, ...region }),
      cloudFormation: new CloudFormationClient({ ...endpoint, ...region }),
    };
    try {
      const resolvedRegion = await clients.sqs.config.region();
      const names = await resolveStageNames(options.stage, options.names, clients.cloudFormation);
      const targets = [...new Set(routingTable(defaultUseCaseRegistry(), { uploadBucket: names.uploadBucket }).map((r) => r.target))];
      const queues = await resolveStageQueues(options.stage, targets, clients.sqs);
      const host = new AwsHost(clients, names, queues, options, resolvedRegion);
      for (const consumer of host.consumers) consumer.start();
      return host;
    } catch (error) {
      for (const client of Object.values(clients)) client.destroy();
      throw error;
    }
  }

  async upload(input: UploadInput): Promise<AcceptedUpload> {
    const put = await this.objects.putStream(this.names.uploadBucket, input.key, input.body, {
      metadata: input.metadata,
      ...(input.contentType ? { contentType: input.contentType } : {}),
    });
    return {
      // Knowable up front only for a versioned bucket (as deployed); otherwise it hangs on the event's sequencer.
      journeyId: put.versionId ? journeyIdForUpload({ bucket: this.names.uploadBucket, key: input.key, versionId: put.versionId }) : null,
      bucket: this.names.uploadBucket,
      key: input.key,
      ...(put.versionId ? { versionId: put.versionId } : {}),
    };
  }

  journey(journeyId: string) {
    return this.index.journey(journeyId);
  }

  /**
   * The journey recorder's copy when the stage has one: it holds the events of every process
   * and Lambda working on the stage. Otherwise what this process saw itself.
   */
  async lookupJourney(journeyId: string) {
    return (await recordedJourney({ store: this.objects, artifactBucket: this.names.artifactBucket }, journeyId)) ?? this.index.journey(journeyId);
  }

  journeys() {
    return this.index.journeys();
  }

  onEvent(listener: Parameters<JourneyIndex['onEvent']>[0]) {
    return this.index.onEvent(listener);
  }

  async readiness(): Promise<ReadinessCheck[]> {
    const probe = async (name: string, call: (signal: AbortSignal) => Promise<unknown>, detail: string): Promise<ReadinessCheck> => {
      const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
      try {
        await call(signal);
        return { name, ok: true, detail };
      } catch (error) {
        return { name, ok: false, detail: `${detail}: ${signal.aborted ? `no answer within ${PROBE_TIMEOUT_MS} ms` : (error as Error).message}` };
      }
    };
    const firstQueue = this.queues[0]!;
    const failing = this.consumers.filter((c) => c.lastError !== null);
    return [
      ...(await Promise.all([
        probe(
          'store',
          (abortSignal) => this.clients.s3.send(new HeadBucketCommand({ Bucket: this.names.uploadBucket }), { abortSignal }),
          `s3://${this.names.uploadBucket}`,
        ),
        probe(
          'bus',
          (abortSignal) => this.clients.eventBridge.send(new DescribeEventBusCommand({ Name: this.names.eventBus }), { abortSignal }),
          `event bus ${this.names.eventBus}`,
        ),
        probe(
          'queues',
          (abortSignal) => this.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: firstQueue.url, AttributeNames: ['QueueArn'] }), { abortSignal }),
          `${this.queues.length} queues`,
        ),
      ])),
      {
        name: 'consumers',
        ok: failing.length === 0,
        detail: failing.length === 0 ? `polling ${this.consumers.length} queues` : failing.map((c) => `${c.queue.target}: ${c.lastError}`).join('; '),
      },
    ];
  }

  depths(): Promise<QueueDepth[]> {
    if (!this.depthReading || Date.now() - this.depthReading.at > DEPTH_CACHE_MS) this.depthReading = { at: Date.now(), depths: this.readDepths() };
    return this.depthReading.depths;
  }

  private async readDepths(): Promise<QueueDepth[]> {
    const count = async (
      url: string,
      names: ('ApproximateNumberOfMessages' | 'ApproximateNumberOfMessagesNotVisible' | 'ApproximateNumberOfMessagesDelayed')[],
    ) => {
      try {
        const { Attributes = {} } = await this.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names }));
        return names.reduce((sum, name) => sum + Number(Attributes[name] ?? 0), 0);
      } catch {
        return NaN;
      }
    };
    return Promise.all(
      this.queues.map(async (queue) => ({
        queue: queue.target,
        depth: await count(queue.url, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed']),
        deadLetters: queue.deadLetterUrl ? await count(queue.deadLetterUrl, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible']) : null,
      })),
    );
  }

  async drain(timeoutMs: number): Promise<DrainOutcome> {
    for (const consumer of this.consumers) consumer.stop();
    const drained = await settlesWithin(Promise.all(this.consumers.map((c) => c.stopped())), timeoutMs);
    const unfinished = this.consumers.reduce((sum, c) => sum + c.inFlight, 0);
    return { drained: drained && unfinished === 0, unfinished };
  }

  async close(): Promise<void> {
    for (const consumer of this.consumers) consumer.stop();
    for (const client of Object.values(this.clients)) client.destroy();
  }
}
