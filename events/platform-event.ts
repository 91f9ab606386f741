import { z } from 'zod';

/** The `source` of every event the platform itself publishes. */
export const PLATFORM_SOURCE = 'symphainy.journeys';

/**
 * An event exactly as EventBridge hands it to a target (and as the journal stores it).
 * `replay-name` is present on events re-driven from an archive.
 */
export const eventBridgeEnvelope = z.object({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.unknown(),
  'replay-name': z.string().optional(),
});
export type EventBridgeEnvelope = z.infer<typeof eventBridgeEnvelope>;

/** What a producer hands to the bus: PutEvents' entry without the bus name. */
export interface EventDraft<Detail = unknown> {
  source: string;
  detailType: string;
  detail: Detail;
  resources?: string[];
}

/** A reference to an object in the object store; events carry these, never the data. */
export const objectRef = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
  etag: z.string().optional(),
  versionId: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});
export type ObjectRef = z.infer<typeof objectRef>;

/** An artifact a step left behind: where it is and what it is. */
export const artifactRef = objectRef.extend({
  name: z.string().min(1),
  step: z.string().min(1),
  contentType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
export type ArtifactRef = z.infer<typeof artifactRef>;

/** Ids every platform event carries so a journey can be followed across functions. */
export const journeyIds = z.object({
  schemaVersion: z.literal(1),
  journeyId: z.string().min(1),
  useCase: z.string().min(1),
  journey: z.string().min(1),
  /** Id of the event that started the whole chain (the S3 event, or the parent journey's). */
  correlationId: z.string().min(1),
  /** Id of the event this one was published in reaction to. */
  causationId: z.string().min(1),
  /**
   * How many times the journey has been redriven from a failed step (absent before the first):
   * every event of a redrive carries it, so the history keeps each run's attempts apart.
   */
  redrive: z.number().int().positive().optional(),
});
export type JourneyIds = z.infer<typeof journeyIds>;

/** A step that has finished, as carried forward in later events so managers stay stateless. */
export const stepRecord = z.object({
  name: z.string(),
  attempts: z.number().int().positive(),
  startedAt: z.string(),
  endedAt: z.string(),
  artifacts: z.array(artifactRef),
  summary: z.record(z.string(), z.unknown()).default({}),
});
export type StepRecord = z.infer<typeof stepRecord>;

export const errorInfo = z.object({
  code: z.string().min(1),
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type ErrorInfo = z.infer<typeof errorInfo>;

/**
 * Where a step event sits in its journey: the step, the plan, the input and the journey's start.
 * Every step event carries it so the managers can move the journey on without keeping state.
 */
export const stepPosition = journeyIds.extend({
  step: z.string().min(1),
  stepIndex: z.number().int().nonnegative(),
  input: objectRef,
  /** When the journey began (its trigger's event time): a stable date for layouts and checks. */
  journeyStartedAt: z.string(),
  steps: z.array(z.string()).min(1),
});
