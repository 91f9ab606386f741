import type { StepDefinition } from '#domain/journeys/step-definition.js';
import type { TableShardPass } from '#domain/sharding/table-shard.js';

/** A sample file a use case can generate deterministically from a seed. */
export interface SampleFile {
  fileName: string;
  body: string;
  /** What should happen to it: the journey completes, or fails/rejects with this error code. */
  expect: { status: 'completed' } | { status: 'failed' | 'rejected'; code: string };
  description: string;
  /** Object metadata the sample is uploaded with, e.g. a declared `column-map`. */
  metadata?: Record<string, string>;
}

export interface DeliveryNotice {
  subject: string;
  message: string;
}

export interface DeliverySummary {
  journeyId: string;
  useCase: string;
  journey: string;
  inputKey: string;
  outcome: 'completed' | 'failed' | 'rejected';
  /** Step summaries by step name, for completed journeys. */
  summaries: Record<string, Record<string, unknown>>;
  error?: { code: string; message: string };
}

/**
 * Everything specific to one use case. The managers, the runtime and the routing find use cases
 * only through the registry, so a new one is a new module and nothing else.
 */
export interface UseCaseModule {
  /** The use-case tag, as found in object metadata `use-case` or the key prefix `uploads/<tag>/`. */
  readonly id: string;
  readonly title: string;
  /** Journey name -> its steps, in order. */
  readonly journeys: Readonly<Record<string, readonly StepDefinition[]>>;
  /** Journeys the delivery manager starts once another completes, e.g. `{ upload: ['eda'] }`. */
  readonly followOn?: Readonly<Record<string, readonly string[]>>;
  /**
   * Seconds a journey may stay unfinished before it is failed with `journey_deadline_exceeded`,
   * by journey; without one, the most its steps' policies can take (journey-deadline.ts).
   */
  readonly journeyDeadlineSeconds?: Readonly<Record<string, number>>;
  /**
   * The largest upload (bytes as stored) this use case's journeys take, where it is below the
   * platform's: what its slowest step can read within its Lambda timeout and memory.
   */
  readonly maxUploadBytes?: number;
  /** Passes over a table its steps read in shards where the runtime can (TableShardPass), found by name in the shard workers. */
  readonly tableShardPasses?: readonly TableShardPass[];
  /** The notification sent when a journey ends; a generic one is used when absent. */
  describeDelivery?(summary: DeliverySummary): DeliveryNotice;
  /** Deterministic sample files: good ones and bad ones. */
  samples(seed: number): SampleFile[];
}
