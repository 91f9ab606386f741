import type { EventBridgeEnvelope, EventDraft, StepRecord } from '#events/platform-event.js';
import type { JourneyStepRequestedDetail } from '#events/journey-step-requested.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { eventEntryBytes, jsonBytes, MAX_EVENT_BYTES, MAX_STEP_RECORD_BYTES } from '#events/event-size.js';
import type { Clock } from '#domain/ports/clock.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { ShardedProfiler } from '#domain/ports/sharded-profiler.js';
import { uploadLimitOf } from '#domain/uploads/upload-limit.js';
import type { StepCatalog } from './step-catalog.js';
import { createStepContext } from './step-context.js';
import { resolveStepPolicy, type StepPolicy } from './step-policy.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';

export interface StepRunDeps {
  /** The use cases' steps: the use-case registry. */
  registry: StepCatalog;
  store: ObjectStore;
  config: PlatformConfig;
  clock: Clock;
  shardedProfiler?: ShardedProfiler;
}

export interface StepRunResult {
  events: EventDraft[];
  /**
   * Set when the attempt failed for a reason a retry may cure: the caller publishes `events`
   * (the failure report) and then rethrows, so the queue retries or dead-letters the message.
   */
  retryableError?: Error;
  /** Set with retryableError when another attempt follows: the attempt whose failure it follows, for the backoff. */
  retryAfterAttempt?: number;
}

/** What a policy's `nonRetryable` list names: an error's own code (Node's, a library's), else its class name. */
function errorCodeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code ? code : error.name;
}

/**
 * Runs one requested step. Bad data (a StepRejection) fails the journey at once; any other error
 * is reported and handed back to be rethrown, so retries and the dead-letter queue do their job.
 */
export async function runRequestedStep(
  envelope: EventBridgeEnvelope,
  request: JourneyStepRequestedDetail,
  attempt: number,
  deps: StepRunDeps,
): Promise<StepRunResult> {
  const common = stepIdentity(envelope, request);
  const startedAt = deps.clock.now().toISOString();
  const registered = deps.registry.step(request.step);
  const policy: StepPolicy = resolveStepPolicy(registered?.definition.policy);
  const failed = (error: { code: string; message: string; details?: string[] }, kind: 'rejected' | 'error', final: boolean) =>
    stepFailedDraft(envelope, request, { attempt, maxAttempts: policy.maxAttempts, final, kind, startedAt, endedAt: deps.clock.now().toISOString(), error });

  if (!registered || registered.useCase !== request.useCase) {
    return {
      events: [failed({ code: 'unknown_step', message: `no step "${request.step}" is registered for use case "${request.useCase}"` }, 'rejected', true)],
    };
  }
  const { context, written } = createStepContext(
    {
      journeyId: request.journeyId,
      useCase: request.useCase,
      journey: request.journey,
      step: request.step,
      input: request.input,
      journeyStartedAt: new Date(request.journeyStartedAt),
      completedSteps: request.completedSteps,
    },
    { ...deps, config: { ...deps.config, maxUploadBytes: uploadLimitOf(deps.registry, request.useCase, deps.config) } },
  );
  try {
    const outcome = await registered.definition.run(context);
    const record: StepRecord = {
      name: request.step,
      attempts: attempt,
      startedAt,
      endedAt: deps.clock.now().toISOString(),
      artifacts: written,
      summary: outcome.summary ?? {},
    };
    const tooLarge = recordTooLarge(record);
    if (tooLarge) return { events: [failed(tooLarge, 'rejected', true)] };
    const completed = JourneyStepCompleted.draft({ ...common, record, completedSteps: [...request.completedSteps, record] });
    const bytes = eventEntryBytes(completed);
    if (bytes > MAX_EVENT_BYTES) {
      return {
        events: [
          failed(
            {
              code: 'step_result_too_large',
              message: `${request.step} completed, but the event carrying the journey on would be ${bytes} bytes; events carry at most ${MAX_EVENT_BYTES}`,
            },
            'rejected',
            true,
          ),
        ],
      };
    }
    return { events: [completed] };
  } catch (error) {
    if (error instanceof StepRejection) {
      return { events: [failed({ code: error.code, message: error.message, details: error.details }, 'rejected', true)] };
    }
    const cause = error instanceof Error ? error : new Error(String(error));
    const code = errorCodeOf(cause);
    if (policy.nonRetryable.includes(code)) {
      return {
        events: [
          failed({ code: 'step_not_retryable', message: `${request.step} threw ${code}, which its policy does not retry: ${cause.message}` }, 'error', true),
        ],
      };
    }
    const final = attempt >= policy.maxAttempts;
    return {
      events: [failed({ code: final ? 'step_retries_exhausted' : 'step_error', message: `${request.step} threw: ${cause.message}` }, 'error', final)],
      retryableError: cause,
      ...(final ? {} : { retryAfterAttempt: attempt }),
    };
  }
}

/** The ids and position of a step request, which its shard events carry on too. */
export function stepPosition(envelope: EventBridgeEnvelope, request: JourneyStepRequestedDetail) {
  return {
    schemaVersion: 1 as const,
    journeyId: request.journeyId,
    useCase: request.useCase,
    journey: request.journey,
    correlationId: request.correlationId,
    causationId: envelope.id,
    ...(request.redrive ? { redrive: request.redrive } : {}),
    step: request.step,
    stepIndex: request.stepIndex,
    input: request.input,
  };
}

/** The ids and position every event about this step request carries on. */
function stepIdentity(envelope: EventBridgeEnvelope, request: JourneyStepRequestedDetail) {
  return { ...stepPosition(envelope, request), journeyStartedAt: request.journeyStartedAt, steps: request.steps };
}

/**
 * A `Journey Step Failed` for a request: what a step that threw reports, and also what its
 * function's watchdog (a timeout) and the dead-letter recorder (an attempt that never reported) say.
 */
export function stepFailedDraft(
  envelope: EventBridgeEnvelope,
  request: JourneyStepRequestedDetail,
  outcome: {
    attempt: number;
    maxAttempts: number;
    final: boolean;
    kind: 'rejected' | 'error';
    startedAt: string;
    endedAt: string;
    error: { code: string; message: string; details?: string[] };
  },
): EventDraft {
  return JourneyStepFailed.draft({
    ...stepIdentity(envelope, request),
    ...outcome,
    error: boundedError(outcome.error),
    completedSteps: request.completedSteps,
  });
}

const MAX_MESSAGE_CHARS = 2_000;
const MAX_DETAIL_CHARS = 500;
const MAX_DETAILS = 100;

/** An error as an event can carry it, whatever a step threw: long texts are cut with a note. */
function boundedError(error: { code: string; message: string; details?: string[] }): { code: string; message: string; details?: string[] } {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text);
  const details = error.details?.slice(0, MAX_DETAILS).map((d) => cut(d, MAX_DETAIL_CHARS));
  if (error.details && error.details.length > MAX_DETAILS) details!.push(`… and ${error.details.length - MAX_DETAILS} more`);
  return { code: error.code, message: cut(error.message, MAX_MESSAGE_CHARS), ...(details ? { details } : {}) };
}

/** Why a step's record cannot travel on to the next step, naming the summary entries that made it big. */
function recordTooLarge(record: StepRecord): { code: string; message: string; details: string[] } | undefined {
  const bytes = jsonBytes(record);
  if (bytes <= MAX_STEP_RECORD_BYTES) return undefined;
  const entries = Object.entries(record.summary)
    .map(([key, value]) => ({ key, bytes: jsonBytes(value) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return {
    code: 'step_result_too_large',
    message: `${record.name} completed, but its summary and artifact list are ${bytes} bytes; a step may carry at most ${MAX_STEP_RECORD_BYTES} to the next (its artifacts hold the full result)`,
    details: entries.map((e) => `summary.${e.key}: ${e.bytes} bytes`),
  };
}
