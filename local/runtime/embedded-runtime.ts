import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { defaultPlatformConfig, type PlatformConfig } from '#domain/ports/platform-config.js';
import type { Clock } from '#domain/ports/clock.js';
import type { ObjectHead } from '#domain/ports/object-store.js';
import { DEAD_LETTER_RECORDER, JOURNEY_SWEEPER, routingTable, type BusRole, type Route } from '#domain/routing/routing-table.js';
import { registryWithFaults, type StepFault } from './step-faults.js';
import { sweepOverdueJourneys, type SweepResult } from '#functions/journey-sweeper/sweep-journeys.js';
import { withinAccess } from '#functions/shared/access-guard.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { JourneyListing } from '#domain/journeys/journey-listing.js';
import { journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { claimKey, releaseAbandonedClaims } from '#functions/shared/idempotency.js';
import { deliveryKey } from '#functions/shared/replay-gate.js';
import { EmbeddedEventBus, type RoutedMessage } from './embedded-event-bus.js';
import { FileObjectStore } from './file-object-store.js';
import { embeddedShardedProfiler, type EmbeddedShardSettings } from '#local/sharding/embedded-sharded-profiler.js';
import type { FunctionQueue, QueueSettings } from './function-queue.js';
import { buildFunctionQueues } from './function-queues.js';
import { objectCreatedDraft } from './object-created-draft.js';
import type { JournalRecord } from './journal.js';
import { RuntimeLedger } from './runtime-ledger.js';
import { DataDirLock, type DataDirHolder } from './data-dir-lock.js';
import { JourneyLog, journeyLogDir } from './journey-log.js';
import { JourneyLogger } from './journey-logger.js';
import type { Recovery } from './recovery.js';

/** Where sharded reads keep their pieces of output while a step runs, inside the data dir this process owns. */
const SCRATCH_DIR = 'scratch';

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
  /** Faults injected into named steps (step-faults.ts): for tests and demos of retries and redrives. */
  faults?: readonly StepFault[];
  /** Scales the retry delays the step policies ask for (1: as declared); tests shorten them. */
  retryDelayScale?: number;
  /** Called once if another live process holds the data directory and this one waits for it. */
  onDataDirWait?: (holder: DataDirHolder) => void;
  /** How a large upload's profile is read: in shards on `workers` threads (default: one per core; 1 reads in one pass). */
  shards?: Partial<EmbeddedShardSettings>;
}

export interface UploadRequest {
  /** A stream is stored as it arrives (for files of any size); the object appears, and its journey starts, once it has all arrived. */
  body: Uint8Array | string | AsyncIterable<Uint8Array>;
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
  /** The journal, the journeys indexed from it and the messages not yet finished with. */
  private readonly ledger: RuntimeLedger;
  /** Every function's log lines about a journey, which `symphainy logs` reads. */
  private readonly journeyLog: JourneyLog;
  private readonly bus: EmbeddedEventBus;
  private readonly queues = new Map<string, FunctionQueue>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly eventListeners = new Set<(event: EventBridgeEnvelope) => void>();
  /** Set while an object is restored, so the restore does not announce itself as an upload. */
  private restoring = false;
  private readonly clock: Clock;
  private closed = false;

  private constructor(
    private readonly options: EmbeddedRuntimeOptions,
    private readonly lock: DataDirLock,
  ) {
    this.config = { ...defaultPlatformConfig, ...options.config };
    this.registry = registryWithFaults(options.registry ?? defaultUseCaseRegistry(), options.faults ?? []);
    this.clock = options.clock ?? { now: () => new Date() };
    this.routes = routingTable(this.registry, { uploadBucket: this.config.uploadBucket });
    this.bus = new EmbeddedEventBus(this.routes, { account: ACCOUNT, region: REGION, now: () => this.clock.now() });
    this.store = new FileObjectStore(
      join(options.dataDir, 'objects'),
      new Map([[this.config.uploadBucket, (head, sequencer) => this.restoring || this.emitObjectCreated(head, sequencer)]]),
    );
    this.ledger = new RuntimeLedger(options.dataDir);
    this.journeyLog = new JourneyLog(journeyLogDir(options.dataDir));
    this.buildQueues();
  }

  /** What opening the data directory had to repair (torn records a crash left), oldest file first. */
  get recoveries(): readonly Recovery[] {
    return [...this.store.recoveries, ...this.ledger.recoveries];
  }

  /** Opens (or creates) the runtime's data directory and resumes whatever was in flight. */
  static async open(options: EmbeddedRuntimeOptions): Promise<EmbeddedRuntime> {
    const lock = await DataDirLock.acquire(options.dataDir, options.onDataDirWait ? { onWait: options.onDataDirWait } : {});
    let runtime: EmbeddedRuntime;
    try {
      runtime = new EmbeddedRuntime(options, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
    // A sharded read's pieces of output that a stopped process left behind are only ever read by the step that wrote them.
    rmSync(join(options.dataDir, SCRATCH_DIR), { recursive: true, force: true });
    const pending = runtime.ledger.recover((bus, event) => runtime.routeMessages(bus, event));
    // This process owns the data directory (the lock says so): whatever a previous one left half-done is dead.
    await releaseAbandonedClaims(
      runtime.store,
      runtime.config.artifactBucket,
      pending.map((m) => claimKey(m.target, deliveryKey(JSON.parse(m.body) as EventBridgeEnvelope))),
    );
    for (const message of pending) runtime.send(message.target, message.messageId, message.body, message.sourceQueue);
    return runtime;
  }

  private buildQueues(): void {
    const queues = buildFunctionQueues({
      routes: this.routes,
      registry: this.registry,
      config: this.config,
      clock: this.clock,
      store: this.store,
      shardedProfiler: embeddedShardedProfiler((bucket, key) => this.store.locate(bucket, key), {
        workers: this.options.shards?.workers ?? availableParallelism(),
        scratchDir: join(this.options.dataDir, SCRATCH_DIR),
        ...(this.options.shards?.shardBytes ? { shardBytes: this.options.shards.shardBytes } : {}),
      }),
      ...(this.options.queue ? { queueSettings: this.options.queue } : {}),
      retryDelayScale: this.options.retryDelayScale ?? 1,
      loggerFor: (functionName) => this.loggerFor(functionName),
      publish: (drafts) => this.put('platform', drafts),
      acknowledged: (queueName, messageId) => this.ledger.recordFinished({ kind: 'ack', queue: queueName, messageId }),
      deadLettered: (queueName, messageId, receiveCount, error, body) => {
        this.ledger.recordFinished({ kind: 'dead-letter', queue: queueName, messageId, receiveCount, error, body });
        if (queueName !== DEAD_LETTER_RECORDER) this.sendDeadLetter(queueName, messageId, body);
      },
      stoppedAtTimeout: (queueName, bodies) => void this.releaseClaimsOf(queueName, bodies),
      settled: () => this.notifyIfIdle(),
    });
    for (const [target, queue] of queues) this.queues.set(target, queue);
  }

  private loggerFor(functionName: string): JourneyLogger {
    return new JourneyLogger({ serviceName: functionName, consoleLevel: this.options.logLevel ?? 'SILENT', journeyLog: this.journeyLog });
  }

  /** As a function's dead-letter queue feeds the recorder in the cloud: the same message id, from `<function>-dlq`. */
  private sendDeadLetter(queueName: string, messageId: string, body: string): void {
    this.send(DEAD_LETTER_RECORDER, messageId, body, `${queueName}-dlq`);
  }

  /** A stopped invocation cannot release its idempotency claims: its retry must not wait for them to expire. */
  private async releaseClaimsOf(queueName: string, bodies: string[]): Promise<void> {
    const keys = bodies.flatMap((body) => {
      try {
        return [claimKey(queueName, deliveryKey(JSON.parse(body) as EventBridgeEnvelope))];
      } catch {
        return [];
      }
    });
    await releaseAbandonedClaims(this.store, this.config.artifactBucket, keys);
  }

  /** The journey sweeper's pass (the cloud runs it on a schedule): fails journeys past their deadline. */
  async sweepOverdueJourneys(): Promise<SweepResult> {
    if (this.closed) throw new Error('the embedded runtime is closed');
    const ports = withinAccess(JOURNEY_SWEEPER, {
      store: this.store,
      publisher: { publish: async (drafts: readonly EventDraft[]) => this.put('platform', drafts) },
      clock: this.clock,
      config: this.config,
      registry: this.registry,
      logger: this.loggerFor(JOURNEY_SWEEPER),
    });
    return sweepOverdueJourneys(ports);
  }

  /**
   * Sends a message to a function's queue again, under a new id: a dead letter redriven by hand
   * (`symphainy dlq redrive`). Returns the new message id.
   */
  redeliver(target: string, body: string): string {
    if (this.closed) throw new Error('the embedded runtime is closed');
    if (!this.queues.has(target)) throw new Error(`no function ${target}`);
    const messageId = `redriven-${randomUUID()}`;
    this.send(target, messageId, body);
    return messageId;
  }

  private send(target: string, messageId: string, body: string, sourceQueue?: string): void {
    this.ledger.sent({ target, messageId, body, ...(sourceQueue ? { sourceQueue } : {}) });
    this.queues.get(target)!.send(messageId, body, sourceQueue ? { sourceQueue } : {});
  }

  /** PutEvents: journal first (so nothing routed is ever unrecorded), then route. */
  async put(bus: BusRole, drafts: readonly EventDraft[]): Promise<void> {
    if (this.closed) throw new Error('the embedded runtime is closed');
    for (const event of drafts.map((draft) => this.bus.envelope(draft))) this.dispatch(bus, event);
  }

  /**
   * Re-drives recorded events as an EventBridge replay does: each goes through the routing again
   * stamped with `replay-name`, under a new id (as events replayed through a bus get) unless
   * `keepIds` says the events already carry the id a bus gave them. Returns the queue messages
   * it produced, so a caller can tell when each has been finished with (see `onJournal`).
   */
  replay(
    bus: BusRole,
    events: readonly EventBridgeEnvelope[],
    options: { replayName: string; keepIds?: boolean },
  ): { target: string; rule: string; messageId: string }[] {
    if (this.closed) throw new Error('the embedded runtime is closed');
    return events.flatMap((original) => {
      const event: EventBridgeEnvelope = { ...original, id: options.keepIds ? original.id : randomUUID(), 'replay-name': options.replayName };
      return this.dispatch(bus, event).map((m) => ({ target: m.route.target, rule: m.route.rule, messageId: m.messageId }));
    });
  }

  private dispatch(bus: BusRole, event: EventBridgeEnvelope): RoutedMessage[] {
    this.ledger.recordEvent(bus, event);
    for (const listener of this.eventListeners) listener(event);
    const messages = this.routeMessages(bus, event);
    for (const message of messages) {
      this.send(message.route.target, message.messageId, message.body);
      if (this.options.duplicateDeliveries) this.send(message.route.target, `${message.messageId}:duplicate`, message.body);
    }
    return messages;
  }

  /** A replayed event may keep its original id (a bus that preserves ids): its messages must not collide with the original's. */
  private routeMessages(bus: BusRole, event: EventBridgeEnvelope): RoutedMessage[] {
    const replayName = event['replay-name'];
    const messages = this.bus.route(bus, event);
    return replayName ? messages.map((m) => ({ ...m, messageId: `${m.messageId}@${replayName}` })) : messages;
  }

  /** Puts a file into the upload bucket as a user would; its `Object Created` starts the journey. */
  async upload(request: UploadRequest): Promise<{ journeyId: string; bucket: string; key: string; versionId?: string }> {
    const options = {
      ...(request.contentType ? { contentType: request.contentType } : {}),
      ...(request.metadata ? { metadata: request.metadata } : {}),
    };
    const { body } = request;
    const put =
      typeof body === 'string' || body instanceof Uint8Array
        ? await this.store.put(this.config.uploadBucket, request.key, body, options)
        : await this.store.putStream(this.config.uploadBucket, request.key, body, options);
    return {
      journeyId: journeyIdForUpload({
        bucket: this.config.uploadBucket,
        key: request.key,
        etag: put.etag,
        ...(put.versionId ? { versionId: put.versionId } : {}),
      }),
      bucket: this.config.uploadBucket,
      key: request.key,
      ...(put.versionId ? { versionId: put.versionId } : {}),
    };
  }

  private emitObjectCreated(head: ObjectHead, sequencer: string): void {
    void this.put('default', [objectCreatedDraft(head, sequencer, ACCOUNT)]);
  }

  /**
   * Puts an object into a bucket without an `Object Created` notification, as restoring a backup
   * would: replaying a recorded upload needs its bytes back, but the recorded trigger (not a new
   * one) must decide what starts.
   */
  async restoreObject(
    bucket: string,
    key: string,
    body: Uint8Array | string,
    options: { contentType?: string; metadata?: Record<string, string> } = {},
  ): Promise<void> {
    this.restoring = true;
    try {
      await this.store.put(bucket, key, body, options);
    } finally {
      this.restoring = false;
    }
  }

  /** The journal as written so far, oldest first: every event put and every message finished with. */
  journalRecords(): JournalRecord[] {
    return this.ledger.records();
  }

  /** Calls back with every journal record (event, ack, dead-letter) from now on; returns the unsubscribe. */
  onJournal(listener: (record: JournalRecord) => void): () => void {
    return this.ledger.onRecord(listener);
  }

  /** Calls back with every event put on any bus from now on; returns the unsubscribe. */
  onEvent(listener: (event: EventBridgeEnvelope) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  journey(journeyId: string): JourneyView | undefined {
    return this.ledger.journeys.journey(journeyId);
  }

  journeys(): JourneyView[] {
    return this.ledger.journeys.journeys();
  }

  /** Every journey's listing: what `symphainy journeys` prints, without reading each journey whole. */
  journeyListings(): JourneyListing[] {
    return this.ledger.journeys.listings();
  }

  events(journeyId: string): EventBridgeEnvelope[] {
    return this.ledger.journeys.events(journeyId);
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
    if (this.closed) return;
    this.closed = true;
    for (const queue of this.queues.values()) queue.stop();
    this.ledger.close();
    this.journeyLog.close();
    this.store.close();
    this.lock.release();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
