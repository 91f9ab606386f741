import type { Logger } from '@aws-lambda-powertools/logger';
import type { Clock } from '#domain/ports/clock.js';
import type { EventPublisher } from '#domain/ports/event-publisher.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { ShardedProfiler } from '#domain/ports/sharded-profiler.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import type { Telemetry } from './telemetry.js';

/** Everything a function needs from the outside world, chosen in one place per runtime. */
export interface FunctionPorts {
  store: ObjectStore;
  publisher: EventPublisher;
  clock: Clock;
  config: PlatformConfig;
  registry: UseCaseRegistry;
  logger: Logger;
  /**
   * Told about every record that fails, with the error. The embedded runtime uses it to record
   * why a message went to its dead-letter queue; in the cloud the error log line says it.
   */
  onRecordFailure?: (messageId: string, error: Error) => void;
  /** Control over the queue a record came from; absent where records do not come from a queue. */
  queue?: QueueControl;
  /** Metrics and traces, where the runtime collects them (Lambda); absent elsewhere, which then prints and traces nothing. */
  telemetry?: Telemetry;
  /** Profiles a large upload in shards side by side, where the runtime can (worker threads when embedded); absent elsewhere. */
  shardedProfiler?: ShardedProfiler;
}

/** What a function may do to the message it is handling, besides failing it. */
export interface QueueControl {
  /** Makes the message come back no sooner than `seconds` from now (SQS ChangeMessageVisibility): the backoff before its next attempt. */
  deferRetry(message: { messageId: string; receiptHandle: string; eventSourceARN: string }, seconds: number): Promise<void>;
}
