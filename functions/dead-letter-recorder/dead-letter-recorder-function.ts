import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyShardCompleted } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import type { ErrorInfo } from '#events/platform-event.js';
import type { ShardPosition } from '#events/shard-position.js';
import { readShardPlan } from '#domain/journeys/shard-fan-out.js';
import { deadLetterKey, deadLetterReason, attemptOutcomeKey, type AttemptOutcome, type DeadLetter } from '#domain/journeys/dead-letter.js';
import { stepFailedDraft } from '#domain/journeys/run-step.js';
import { policyOfStep } from '#domain/journeys/step-policy.js';
import { DEAD_LETTER_RECORDER } from '#domain/routing/routing-table.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { sqsEventFunction, type SqsEventHandler } from '#functions/shared/sqs-event-function.js';
import { withinAccess } from '#functions/shared/access-guard.js';
import { deliveryKey } from '#functions/shared/replay-gate.js';

const decoder = new TextDecoder();

/**
 * Reads the dead-letter queue of every function. Each message is kept in the artifact bucket
 * with why it died (what `symphainy dlq` lists and redrives), and a step request that died
 * without its function saying so (killed, out of memory, timed out, retries used up outside the
 * step) fails its journey, so no journey is left running.
 */
export function createDeadLetterRecorderFunction(allPorts: FunctionPorts, functionNames: readonly string[]): SqsEventHandler {
  const ports = withinAccess(DEAD_LETTER_RECORDER, allPorts);
  const bucket = ports.config.artifactBucket;
  return sqsEventFunction(
    DEAD_LETTER_RECORDER,
    ports,
    async ({ envelope, messageId, sourceQueueArn }) => {
      const source = sourceFunctionOf(sourceQueueArn, functionNames);
      const key = deadLetterKey(source, messageId);
      // Kept already: a redelivery of this message, whose journey was told the first time.
      if (await ports.store.head(bucket, key)) return;
      const stored = await ports.store.get(bucket, attemptOutcomeKey(source, deliveryKey(envelope)));
      const outcome = stored ? (JSON.parse(decoder.decode(stored.body)) as AttemptOutcome) : undefined;
      const detail = (envelope.detail ?? {}) as { journeyId?: string; useCase?: string; step?: string; redrive?: number };
      let reason = outcome?.error ?? { code: 'message_dead_lettered', message: `${source} gave the message up without noting why` };
      let attempts = outcome?.attempt ?? 0;
      // A shard's read or merge that died fails the step it belongs to, the shard named.
      const shard = JourneyShardRequested.describes(envelope)
        ? JourneyShardRequested.parseDetail(envelope)
        : JourneyShardCompleted.describes(envelope)
          ? JourneyShardCompleted.parseDetail(envelope)
          : undefined;
      const plan = shard && (await readShardPlan(ports.store, bucket, shard.planKey).catch((error: unknown) => error as Error));
      // A shard whose plan is gone has no step request left to fail: it is kept, with why.
      if (plan instanceof Error) reason = { code: 'shard_plan_missing', message: `${plan.message}; ${reason.message}` };
      const failing =
        shard && plan && !(plan instanceof Error)
          ? { envelope: plan.request, shard }
          : JourneyStepRequested.describes(envelope)
            ? { envelope, shard: undefined }
            : undefined;
      if (failing) {
        const request = JourneyStepRequested.parseDetail(failing.envelope);
        const policy = policyOfStep(ports.registry, request.step);
        const explained = deadLetterReason(outcome, policy, request.step);
        reason = failing.shard ? shardReason(explained.error, failing.shard, envelope['detail-type']) : explained.error;
        attempts = policy.maxAttempts;
        if (!explained.reported) {
          const now = ports.clock.now().toISOString();
          await ports.publisher.publish([
            stepFailedDraft(failing.envelope, request, {
              attempt: policy.maxAttempts,
              maxAttempts: policy.maxAttempts,
              final: true,
              kind: 'error',
              startedAt: outcome?.at ?? now,
              endedAt: now,
              error: reason,
            }),
          ]);
        }
      }
      const letter: DeadLetter = {
        function: source,
        messageId,
        body: JSON.stringify(envelope),
        detailType: envelope['detail-type'],
        journeyId: detail.journeyId ?? null,
        useCase: detail.useCase ?? null,
        step: detail.step ?? null,
        redrive: detail.redrive ?? 0,
        attempts,
        reason,
        diedAt: ports.clock.now().toISOString(),
      };
      await ports.store.put(bucket, key, `${JSON.stringify(letter, null, 2)}\n`, { contentType: 'application/json' });
    },
    {
      // The kept record is its own idempotency mark.
      claim: false,
      // A message that is not an event (it died of that) is kept all the same, with why.
      onMalformed: async (record, error) => {
        const source = sourceFunctionOf(record.eventSourceARN, functionNames);
        const key = deadLetterKey(source, record.messageId);
        if (await ports.store.head(bucket, key)) return;
        const letter: DeadLetter = {
          function: source,
          messageId: record.messageId,
          body: record.body,
          detailType: '(not an event)',
          journeyId: null,
          useCase: null,
          step: null,
          redrive: 0,
          attempts: Number(record.attributes?.ApproximateReceiveCount ?? 0) || 0,
          reason: { code: 'malformed_event', message: error.message },
          diedAt: ports.clock.now().toISOString(),
        };
        await ports.store.put(bucket, key, `${JSON.stringify(letter, null, 2)}\n`, { contentType: 'application/json' });
      },
    },
  );
}

/** Why a step failed when one of its shards died: the shard, its bytes, and what it died of. */
function shardReason(error: ErrorInfo, position: ShardPosition, detailType: string): ErrorInfo {
  const { index, total, start, end } = position.shard;
  const what = detailType === JourneyShardRequested.detailType ? 'its read' : 'the merge it completed';
  return {
    code: error.code,
    message: `shard ${index} of ${total} (bytes ${start}-${end}) of ${position.step}: ${what} died: ${error.message}`,
    details: [...(error.details ?? []), `shard ${index} (bytes ${start}-${end})`],
  };
}

/** `arn:...:symphainy-dev-process-file-dlq` -> `process-file`: the longest known function name the queue is named after. */
export function sourceFunctionOf(queueArn: string, functionNames: readonly string[]): string {
  const queueName = queueArn.split(':').pop() ?? queueArn;
  const bare = queueName.replace(/-dlq$/, '');
  const match = [...functionNames].sort((a, b) => b.length - a.length).find((name) => bare === name || bare.endsWith(`-${name}`));
  return match ?? bare;
}
