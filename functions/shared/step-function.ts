import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyStepRequested, type JourneyStepRequestedDetail } from '#events/journey-step-requested.js';
import { JourneyShardCompleted } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { deleteShardPartials, fanOutStepRequest, mergeWhenComplete, readRequestedShard } from '#domain/journeys/shard-fan-out.js';
import { uploadLimitOf } from '#domain/uploads/upload-limit.js';
import { runRequestedStep, stepFailedDraft } from '#domain/journeys/run-step.js';
import { timedOutError } from '#domain/journeys/dead-letter.js';
import { policyOfStep, retryDelaySeconds } from '#domain/journeys/step-policy.js';
import type { FunctionPorts } from './function-ports.js';
import { sqsEventFunction, type DeliveredEvent, type SqsEventHandler } from './sqs-event-function.js';
import { functionNameForStep } from '#domain/routing/routing-table.js';
import { withinAccess } from './access-guard.js';
import { stepDatapoints } from './journey-metrics.js';

/**
 * How long before the runtime stops an attempt its watchdog reports the timeout: enough for one
 * put and one publish, short enough that a step that would have finished is rarely cut off.
 */
const WATCHDOG_MARGIN_MS = 1_500;

/**
 * A journey step's function: runs the step under its policy, reports the outcome, rethrows what a
 * retry may cure after asking the queue to wait the policy's backoff. A watchdog reports a timeout
 * just before the runtime stops the attempt, which would otherwise leave the journey waiting.
 */
export function createStepFunction(step: string, allPorts: FunctionPorts): SqsEventHandler {
  const ports = withinAccess(functionNameForStep(step), allPorts);
  const policy = policyOfStep(ports.registry, step);
  const profilesInShards = ports.registry.step(step)?.definition.profilesInShards === true;
  return sqsEventFunction(functionNameForStep(step), ports, async (delivered) => {
    const { envelope, attempt } = delivered;
    if (JourneyShardRequested.describes(envelope)) {
      const shard = forThisStep(step, JourneyShardRequested.parseDetail(envelope));
      const report = await readRequestedShard(envelope, shard, attempt, ports);
      await ports.publisher.publish([report]);
      return;
    }
    if (JourneyShardCompleted.describes(envelope)) {
      const report = forThisStep(step, JourneyShardCompleted.parseDetail(envelope));
      const merge = await mergeWhenComplete(envelope, report, ports);
      if (!merge) return;
      await runStep({ ...delivered, envelope: merge.envelope }, merge.request, { ...ports, shardedProfiler: merge.shardedProfiler });
      const deleted = await deleteShardPartials(ports.store, ports.config.artifactBucket, report.planKey).catch((error: unknown) => {
        // Left behind, they cost storage only; the step's outcome stands.
        ports.logger.warn('could not delete the shard partials', { step, error: error as Error });
        return 0;
      });
      ports.logger.info('step merged from shards', { journeyId: merge.request.journeyId, step, partialsDeleted: deleted });
      return;
    }
    const request = forThisStep(step, JourneyStepRequested.parseDetail(envelope));
    if (profilesInShards && !ports.shardedProfiler) {
      const maxUploadBytes = uploadLimitOf(ports.registry, request.useCase, ports.config);
      const shards = await fanOutStepRequest(envelope, request, { ...ports, maxUploadBytes });
      if (shards) {
        ports.logger.info('step fanned out into shards', { journeyId: request.journeyId, step, shards: shards.length });
        await ports.publisher.publish(shards);
        return;
      }
    }
    await runStep(delivered, request, ports);
  });

  /** Runs the requested step under its policy and a watchdog, and reports its outcome. */
  async function runStep(delivered: DeliveredEvent, request: JourneyStepRequestedDetail, ports: FunctionPorts): Promise<void> {
    const { envelope, attempt } = delivered;
    const startedAt = ports.clock.now().toISOString();
    // On every line this attempt logs, so a journey's log (symphainy logs, a CloudWatch filter) has them all.
    const about = { journeyId: request.journeyId, useCase: request.useCase, step, attempt };
    const final = attempt >= policy.maxAttempts;
    const remaining = delivered.remainingMs();
    let timedOut = false;
    const watchdog =
      remaining === undefined
        ? undefined
        : setTimeout(
            () => {
              timedOut = true;
              const error = timedOutError(step, Math.round(remaining / 1000));
              const report = stepFailedDraft(envelope, request, {
                attempt,
                maxAttempts: policy.maxAttempts,
                final,
                kind: 'error',
                startedAt,
                endedAt: ports.clock.now().toISOString(),
                error,
              });
              void Promise.all([delivered.noteOutcome({ outcome: 'timed_out', reported: final, error }), ports.publisher.publish([report])])
                .then(() => ports.telemetry?.emit(stepDatapoints([report])))
                .catch((failure: unknown) => ports.logger.error('could not report the timeout', { ...about, error: failure as Error }));
            },
            Math.max(0, remaining - WATCHDOG_MARGIN_MS),
          );
    try {
      const result = await runRequestedStep(envelope, request, attempt, ports);
      // Finished after the watchdog spoke but before the runtime stopped it: the result stands,
      // and the journey's view takes the completion over the reported timeout.
      if (timedOut) ports.logger.warn('step finished after its timeout was reported', about);
      await ports.publisher.publish(result.events);
      ports.telemetry?.emit(stepDatapoints(result.events));
      if (result.retryableError) {
        const failure = result.events.find((e) => e.detailType === JourneyStepFailed.detailType)?.detail as
          { final?: boolean; error?: { code: string; message: string } } | undefined;
        await delivered.noteOutcome({
          outcome: 'error',
          reported: failure?.final === true,
          error: failure?.error ?? { code: 'step_error', message: result.retryableError.message },
        });
        if (result.retryAfterAttempt !== undefined) {
          // A backoff that cannot be set is no reason to lose the retry: the queue's visibility timeout applies instead.
          await delivered
            .deferRetry(retryDelaySeconds(policy, result.retryAfterAttempt, Math.random()))
            .catch((error: unknown) => ports.logger.warn('could not set the retry backoff', { ...about, error: error as Error }));
        }
        throw result.retryableError;
      }
    } finally {
      if (watchdog) clearTimeout(watchdog);
    }
  }
}

function forThisStep<T extends { step: string }>(step: string, detail: T): T {
  if (detail.step !== step) throw new Error(`function for step ${step} received an event for step ${detail.step}: the routing is wrong`);
  return detail;
}
