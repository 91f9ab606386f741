import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { encodeS3EventKey, S3ObjectCreated } from '#events/s3-object-created.js';
import { defaultPlatformConfig, type PlatformConfig } from '#domain/ports/platform-config.js';
import type { Clock } from '#domain/ports/clock.js';
import type { ObjectHead } from '#domain/ports/object-store.js';
import { routingTable, type BusRole, type Route } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { foldJourney, type JourneyView } from '#domain/journeys/journey-state.js';
import { journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { createFunctionFor } from '#functions/shared/function-catalogue.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { inProcessLambdaContext } from '#functions/shared/lambda-context.js';
import { releaseAbandonedClaims } from '#functions/shared/idempotency.js';
import type { SqsEventHandler } from '#functions/shared/sqs-event-function.js';
import { EmbeddedEventBus } from './embedded-event-bus.js';
import { FileObjectStore } from './file-object-store.js';
import { FunctionQueue, type QueueSettings } from './function-queue.js';
import { Journal } from './journal.js';

export interface EmbeddedRuntimeOptions {
  dataDir: string;
  registry?: UseCaseRegistry;
  config?: Partial<PlatformConfig>;
  clock?: Clock;
  queue?: Partial<QueueSettings>;
  /** Deliver every message twice, as EventBridge's at-least-once delivery may. */
  duplicateDeliveries?: boolean;
  /** Powertools log level for the functions; silent unless asked, so the CLI's output stays readable. */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

export interface UploadRequest {
  body: Uint8Array | string;
  key: string;
  metadata?: Record<string, string>;
  contentType?: string;
}

const ACCOUNT = '000000000000';
const REGION = 'local';

/**
 * The platform in one process: the same function handlers, routed by the same rules, over a
 * file-backed object store, an in-process bus and a queue per function, with every event kept in
 * a durable journal. Opening it on an existing data directory resumes in-flight journeys.
 */
export class EmbeddedRuntime {
  readonly store: FileObjectStore;
  readonly routes: Route[];
  readonly config: PlatformConfig;
  readonly registry: UseCaseRegistry;
  private readonly journal: Journal;
  private readonly bus: EmbeddedEventBus;
  private readonly queues = new Map<string, FunctionQueue>();
  private readonly eventsByJourney = new Map<string, EventBridgeEnvelope[]>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly eventListeners = new Set<(event: EventBridgeEnvelope) => void>();
  private readonly clock: Clock;
  private closed = false;

  private constructor(private readonly options: EmbeddedRuntimeOptions) {
    this.config = { ...defaultPlatformConfig, ...options.config };
    this.registry = options.registry ?? defaultUseCaseRegistry();
    this.clock = options.clock ?? { now: () => new Date() };
    this.routes = routingTable(this.registry, { uploadBucket: this.config.uploadBucket });
    this.bus = new EmbeddedEventBus(this.routes, { account: ACCOUNT, region: REGION, now: () => this.clock.now() });
    this.store = new FileObjectStore(join(options.dataDir, 'objects'), new Map([[this.config.uploadBucket, (head, sequencer) => this.emitObjectCreated(head, sequencer)]]));
    this.journal = new Journal(join(options.dataDir, 'journal.ndjson'));
    this.buildQueues();
  }

  /** Opens (or creates) the runtime's data directory and resumes whatever was in flight. */
  static async open(options: EmbeddedRuntimeOptions): Promise<EmbeddedRuntime> {
    const runtime = new EmbeddedRuntime(options);
    // This process owns the data directory: whatever a previous process left half-done is dead.
    await releaseAbandonedClaims(runtime.store, runtime.config.artifactBucket);
    runtime.recover();
    return runtime;
  }

  private buildQueues(): void {
    const settings: QueueSettings = { maxReceiveCount: this.config.maxAttempts, visibilityTimeoutMs: 200, batchSize: 10, concurrency: 4, ...this.options.queue };
    const publisher = { publish: async (drafts: readonly EventDraft[]) => this.put('platform', drafts) };
    for (const route of this.routes) {
      if (this.queues.has(route.target)) continue;
      const queueRef: { queue?: FunctionQueue } = {};
      const ports: FunctionPorts = {
        store: this.store,
        publisher,
        clock: this.clock,
        config: this.config,
        registry: this.registry,
        logger: new Logger({ serviceName: route.target, logLevel: this.options.logLevel ?? 'SILENT' }),
        onRecordFailure: (messageId, error) => queueRef.queue?.noteFailure(messageId, error),
      };
      const handler: SqsEventHandler = createFunctionFor(route, ports);
      let invocation = 0;
      const invoke = (event: SQSEvent) => handler(event, inProcessLambdaContext(route.target, `${route.target}-${++invocation}`));
      const queue = new FunctionQueue(route.target, invoke, settings, {
        acknowledged: (queueName, messageId) => this.journal.append({ kind: 'ack', queue: queueName, messageId }),
        deadLettered: (queueName, messageId, receiveCount, error) => this.journal.append({ kind: 'dead-letter', queue: queueName, messageId, receiveCount, error }),
        settled: () => this.notifyIfIdle(),
      });
      queueRef.queue = queue;
      this.queues.set(route.target, queue);
    }
  }

  /** Rebuilds the journey index and re-enqueues every routed message not yet finished with. */
  private recover(): void {
    const finished = new Set<string>();
    const events: { bus: BusRole; event: EventBridgeEnvelope }[] = [];
    for (const record of this.journal.read()) {
      if (record.kind === 'event') events.push(record);
      else finished.add(`${record.queue}|${record.messageId}`);
    }
    for (const { bus, event } of events) {
      this.index(event);
      for (const message of this.bus.route(bus, event)) {
        if (!finished.has(`${message.route.target}|${message.messageId}`)) this.queues.get(message.route.target)!.send(message.messageId, message.body);
      }
    }
  }

  /** PutEvents: journal first (so nothing routed is ever unrecorded), then route. */
  async put(bus: BusRole, drafts: readonly EventDraft[]): Promise<void> {
    if (this.closed) throw new Error('the embedded runtime is closed');
    const envelopes = drafts.map((draft) => this.bus.envelope(draft));
    for (const event of envelopes) {
      this.journal.append({ kind: 'event', bus, event });
      this.index(event);
      for (const listener of this.eventListeners) listener(event);
      for (const message of this.bus.route(bus, event)) {
        const queue = this.queues.get(message.route.target)!;
        queue.send(message.messageId, message.body);
        if (this.options.duplicateDeliveries) queue.send(`${message.messageId}:duplicate`, message.body);
      }
    }
  }

  /** Puts a file into the upload bucket as a user would; its `Object Created` starts the journey. */
  async upload(request: UploadRequest): Promise<{ journeyId: string; bucket: string; key: string; versionId?: string }> {
    const put = await this.store.put(this.config.uploadBucket, request.key, request.body, {
      ...(request.contentType ? { contentType: request.contentType } : {}),
      ...(request.metadata ? { metadata: request.metadata } : {}),
    });
    return {
      journeyId: journeyIdForUpload({ bucket: this.config.uploadBucket, key: request.key, etag: put.etag, ...(put.versionId ? { versionId: put.versionId } : {}) }),
      bucket: this.config.uploadBucket,
      key: request.key,
      ...(put.versionId ? { versionId: put.versionId } : {}),
    };
  }

  private emitObjectCreated(head: ObjectHead, sequencer: string): void {
    void this.put('default', [
      {
        source: S3ObjectCreated.source,
        detailType: S3ObjectCreated.detailType,
        resources: [`arn:aws:s3:::${head.bucket}`],
        detail: {
          version: '0',
          bucket: { name: head.bucket },
          object: {
            key: encodeS3EventKey(head.key),
            size: head.size,
            etag: head.etag.replace(/"/g, ''),
            ...(head.versionId ? { 'version-id': head.versionId } : {}),
            sequencer,
          },
          'request-id': sequencer,
          requester: ACCOUNT,
          'source-ip-address': '127.0.0.1',
          reason: 'PutObject',
        },
      },
    ]);
  }

  private index(event: EventBridgeEnvelope): void {
    const journeyId = (event.detail as { journeyId?: unknown } | null)?.journeyId;
    if (typeof journeyId !== 'string') return;
    const list = this.eventsByJourney.get(journeyId);
    if (list) list.push(event);
    else this.eventsByJourney.set(journeyId, [event]);
  }

  /** Calls back with every event put on any bus from now on; returns the unsubscribe. */
  onEvent(listener: (event: EventBridgeEnvelope) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  journey(journeyId: string): JourneyView | undefined {
    return foldJourney(journeyId, this.eventsByJourney.get(journeyId) ?? []);
  }

  journeys(): JourneyView[] {
    return [...this.eventsByJourney.keys()].map((id) => this.journey(id)).filter((v): v is JourneyView => v !== undefined);
  }

  events(journeyId: string): EventBridgeEnvelope[] {
    return [...(this.eventsByJourney.get(journeyId) ?? [])];
  }

  deadLetters(): { queue: string; messageId: string; receiveCount: number; error: string; body: string }[] {
    return [...this.queues.values()].flatMap((q) => q.deadLetters.map((d) => ({ queue: q.name, ...d })));
  }

  queueDepths(): Record<string, number> {
    return Object.fromEntries([...this.queues.entries()].map(([name, q]) => [name, q.depth]));
  }

  isIdle(): boolean {
    return [...this.queues.values()].every((q) => q.isIdle());
  }

  /** Resolves once every queue is empty: all journeys in flight have ended or are dead-lettered. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    // Let handlers that are publishing right now finish routing before declaring idleness.
    setImmediate(() => {
      if (!this.isIdle()) return;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }

  /** Stops delivering; what is still queued stays in the journal and resumes on the next open. */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) queue.stop();
    this.journal.close();
    this.store.close();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
