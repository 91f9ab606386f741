import type { EventBridgeEnvelope, EventDraft, StepRecord } from '#events/platform-event.js';
import type { JourneyStepRequestedDetail } from '#events/journey-step-requested.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import type { Clock } from '#domain/ports/clock.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { createStepContext } from './step-context.js';
import { StepRejection } from './step-rejection.js';

export interface StepRunDeps {
  registry: UseCaseRegistry;
  store: ObjectStore;
  config: PlatformConfig;
  clock: Clock;
}

export interface StepRunResult {
  events: EventDraft[];
  /**
   * Set when the attempt failed for a reason a retry may cure: the caller publishes `events`
   * (the failure report) and then rethrows, so the queue retries or dead-letters the message.
   */
  retryableError?: Error;
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
  const ids = {
    schemaVersion: 1 as const,
    journeyId: request.journeyId,
    useCase: request.useCase,
    journey: request.journey,
    correlationId: request.correlationId,
    causationId: envelope.id,
  };
  const common = { ...ids, step: request.step, stepIndex: request.stepIndex, input: request.input, journeyStartedAt: request.journeyStartedAt, steps: request.steps };
  const startedAt = deps.clock.now().toISOString();
  const failed = (error: { code: string; message: string; details?: string[] }, kind: 'rejected' | 'error', final: boolean) =>
    JourneyStepFailed.draft({
      ...common,
      attempt,
      maxAttempts: deps.config.maxAttempts,
      final,
      kind,
      startedAt,
      endedAt: deps.clock.now().toISOString(),
      error,
      completedSteps: request.completedSteps,
    });

  const registered = deps.registry.step(request.step);
  if (!registered || registered.useCase !== request.useCase) {
    return { events: [failed({ code: 'unknown_step', message: `no step "${request.step}" is registered for use case "${request.useCase}"` }, 'rejected', true)] };
  }
  const { context, written } = createStepContext(
    { journeyId: request.journeyId, useCase: request.useCase, journey: request.journey, step: request.step, input: request.input, journeyStartedAt: new Date(request.journeyStartedAt), completedSteps: request.completedSteps },
    deps,
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
    return { events: [JourneyStepCompleted.draft({ ...common, record, completedSteps: [...request.completedSteps, record] })] };
  } catch (error) {
    if (error instanceof StepRejection) {
      return { events: [failed({ code: error.code, message: error.message, details: error.details.slice(0, 100) }, 'rejected', true)] };
    }
    const cause = error instanceof Error ? error : new Error(String(error));
    const final = attempt >= deps.config.maxAttempts;
    return {
      events: [failed({ code: final ? 'step_retries_exhausted' : 'step_error', message: `${request.step} threw: ${cause.message}` }, 'error', final)],
      retryableError: cause,
    };
  }
}
