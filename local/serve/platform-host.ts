import type { JourneyOperations } from '#local/operations/journey-operations.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { ObjectStore } from '#domain/ports/object-store.js';

export interface UploadInput {
  /** Streamed into the bucket as it arrives; the object appears once all of it has. */
  body: AsyncIterable<Uint8Array>;
  key: string;
  metadata: Record<string, string>;
  contentType?: string;
}

export interface AcceptedUpload {
  /** Null only when the bucket is unversioned: the id then depends on the S3 event's sequencer. */
  journeyId: string | null;
  bucket: string;
  key: string;
  versionId?: string;
}

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface QueueDepth {
  /** The routing-table target the queue feeds. */
  queue: string;
  /** Messages waiting or being handled. */
  depth: number;
  /** Messages in its dead-letter queue; null when it has none or it cannot be read. */
  deadLetters: number | null;
}

export interface DrainOutcome {
  /** True when everything in flight finished within the bound. */
  drained: boolean;
  /** Messages still unfinished; they are not lost (journal or queue redelivers them). */
  unfinished: number;
}

/**
 * What `symphainy serve` runs on: the embedded runtime, or a deployed stage's queues. The HTTP
 * layer and the metrics speak only to this, so both modes answer the same endpoints.
 */
export interface PlatformHost {
  readonly mode: 'embedded' | 'aws';
  /** Where the state lives, for the start-up line and /ready. */
  readonly where: Record<string, string>;
  readonly maxUploadBytes: number;
  /** The use cases it runs, for their upload limits. */
  readonly registry: UseCaseRegistry;
  /** The buckets uploads land in. */
  readonly uploadBucket: string;
  /** Where the journeys' artifacts are read from (the column mapping a journey's report carries). */
  readonly objects: ObjectStore;
  upload(input: UploadInput): Promise<AcceptedUpload>;
  /** What this process knows of a journey now, without I/O (waiting on events uses it). */
  journey(journeyId: string): JourneyView | undefined;
  /** The most complete account of one journey the host can give, reading storage if it must. */
  lookupJourney(journeyId: string): Promise<JourneyView | undefined>;
  journeys(): JourneyView[];
  /** Every event of one journey so far, in the order they were put. Absent on a host that only sees its own. */
  journeyEvents?(journeyId: string): EventBridgeEnvelope[];
  /** Every event the platform publishes from now on; returns the unsubscribe. */
  onEvent(listener: (event: EventBridgeEnvelope) => void): () => void;
  /**
   * Redrive and the dead letters, as `symphainy redrive` and `symphainy dlq` work them. Absent on
   * a host that cannot (a stage's are worked with the CLI's --stage).
   */
  operations?(): JourneyOperations;
  readiness(): Promise<ReadinessCheck[]>;
  depths(): Promise<QueueDepth[]>;
  /** Takes no new messages and waits, up to the bound, for those in flight. */
  drain(timeoutMs: number): Promise<DrainOutcome>;
  close(): Promise<void>;
}
