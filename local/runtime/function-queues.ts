import { AsyncLocalStorage } from 'node:async_hooks';
import type { SQSEvent } from 'aws-lambda';
import type { EventDraft } from '#events/platform-event.js';
import type { Clock } from '#domain/ports/clock.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { ShardedProfiler } from '#domain/ports/sharded-profiler.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import { DEAD_LETTER_RECORDER, type Route } from '#domain/routing/routing-table.js';
import { policyOfStep } from '#domain/journeys/step-policy.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { createDeadLetterRecorderFunction } from '#functions/dead-letter-recorder/dead-letter-recorder-function.js';
import { createFunctionFor } from '#functions/shared/function-catalogue.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { inProcessLambdaContext } from '#functions/shared/lambda-context.js';
import type { SqsEventHandler } from '#functions/shared/sqs-event-function.js';
import { FunctionQueue, type QueueSettings } from './function-queue.js';
import type { JourneyLogger } from './journey-logger.js';
import { stopAwareStore } from './stop-aware-store.js';

/** The managers' and recorders' timeout, as the stack's provider default gives them. */
const MANAGER_TIMEOUT_SECONDS = 60;

/** What the functions run against, and where their queues report what became of each message. */
export interface FunctionQueueWiring {
  routes: readonly Route[];
  registry: UseCaseRegistry;
  config: PlatformConfig;
  clock: Clock;
  store: ObjectStore;
  shardedProfiler?: ShardedProfiler;
  /** Overrides every queue's settings (tests shorten timeouts). */
  queueSettings?: Partial<QueueSettings>;
  /** Scales the retry delays the step policies ask for (1: as declared). */
  retryDelayScale: number;
  loggerFor(functionName: string): JourneyLogger;
  publish(drafts: readonly EventDraft[]): Promise<void>;
  acknowledged(queue: string, messageId: string): void;
  deadLettered(queue: string, messageId: string, receiveCount: number, error: string, body: string): void;
  stoppedAtTimeout(queue: string, bodies: string[]): void;
  settled(): void;
}

/**
 * One queue per function of the routing table, plus the dead-letter recorder's, each feeding the
 * same handler the stack deploys, with the retry count and timeout of its step's policy as the
 * function's SQS event source would have them.
 */
export function buildFunctionQueues(wiring: FunctionQueueWiring): Map<string, FunctionQueue> {
  const queues = new Map<string, FunctionQueue>();
  // The stop signal of the invocation an async call belongs to: a stopped (timed-out) invocation may change nothing.
  const invocation = new AsyncLocalStorage<AbortSignal>();
  const guard = () => {
    if (invocation.getStore()?.aborted) throw new Error('the invocation was stopped at its timeout');
  };
  const publisher = {
    publish: async (drafts: readonly EventDraft[]) => {
      guard();
      return wiring.publish(drafts);
    },
  };
  const store = stopAwareStore(wiring.store, guard);
  const base = { visibilityTimeoutMs: 200, batchSize: 10, concurrency: 4 };
  const addQueue = (target: string, settings: QueueSettings, build: (ports: FunctionPorts) => SqsEventHandler) => {
    const queueRef: { queue?: FunctionQueue } = {};
    const ports: FunctionPorts = {
      store,
      publisher,
      clock: wiring.clock,
      config: wiring.config,
      registry: wiring.registry,
      ...(wiring.shardedProfiler ? { shardedProfiler: wiring.shardedProfiler } : {}),
      logger: wiring.loggerFor(target),
      onRecordFailure: (messageId, error) => queueRef.queue?.noteFailure(messageId, error),
      queue: { deferRetry: async (message, seconds) => queueRef.queue?.changeVisibility(message.messageId, seconds * 1000 * wiring.retryDelayScale) },
    };
    const handler = build(ports);
    let invocations = 0;
    const invoke = (event: SQSEvent, stopped: AbortSignal) =>
      invocation.run(stopped, () => handler(event, inProcessLambdaContext(target, `${target}-${++invocations}`, settings.timeoutMs)));
    const queue = new FunctionQueue(target, invoke, settings, {
      acknowledged: wiring.acknowledged,
      deadLettered: wiring.deadLettered,
      stoppedAtTimeout: wiring.stoppedAtTimeout,
      settled: wiring.settled,
    });
    queueRef.queue = queue;
    queues.set(target, queue);
  };
  for (const route of wiring.routes) {
    if (queues.has(route.target)) continue;
    const policy = route.step ? policyOfStep(wiring.registry, route.step) : undefined;
    const settings: QueueSettings = {
      ...base,
      maxReceiveCount: policy?.maxAttempts ?? wiring.config.maxAttempts,
      timeoutMs: (policy?.timeoutSeconds ?? MANAGER_TIMEOUT_SECONDS) * 1000,
      ...wiring.queueSettings,
    };
    addQueue(route.target, settings, (ports) => createFunctionFor(route, ports));
  }
  const targets = [...new Set(wiring.routes.map((route) => route.target))];
  const recorderSettings = { ...base, maxReceiveCount: wiring.config.maxAttempts, timeoutMs: MANAGER_TIMEOUT_SECONDS * 1000, ...wiring.queueSettings };
  addQueue(DEAD_LETTER_RECORDER, recorderSettings, (ports) => createDeadLetterRecorderFunction(ports, targets));
  return queues;
}
