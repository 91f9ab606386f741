import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import type { FunctionPorts } from './function-ports.js';
import { attemptOutcomeKey, type AttemptOutcome } from '#domain/journeys/dead-letter.js';
import { claimKey, runOnce } from './idempotency.js';
import { deliveryKey, isReplayOfDeliveredJourney } from './replay-gate.js';

export type SqsEventHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export interface DeliveredEvent {
  envelope: EventBridgeEnvelope;
  /** Which delivery of this message this is (SQS ApproximateReceiveCount), starting at 1. */
  attempt: number;
  messageId: string;
  /** The queue the message came from: a function's queue, or for the dead-letter recorder a dead-letter queue. */
  sourceQueueArn: string;
  /** Milliseconds the invocation has left; undefined outside Lambda. */
  remainingMs(): number | undefined;
  /** Asks for the next delivery of this message no sooner than `seconds` from now (a no-op where the queue cannot). */
  deferRetry(seconds: number): Promise<void>;
  /** Notes how this attempt ended without success, for the dead-letter recorder to explain the message if it dies. */
  noteOutcome(outcome: Omit<AttemptOutcome, 'attempt' | 'at'>): Promise<void>;
}

export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
}

/**
 * The one middleware chain every function shares: an SQS batch of EventBridge events, each
 * parsed against the envelope schema, handled once per event id (idempotency), with structured
 * logs carrying journey id and use case. Failed records are reported back as batch item failures
 * so SQS retries them and, past maxReceiveCount, moves them to the dead-letter queue.
 */
export function sqsEventFunction(
  functionName: string,
  ports: FunctionPorts,
  handle: (delivered: DeliveredEvent) => Promise<void>,
  /**
   * `claim: false` for work that is idempotent by itself (a write-once put): no claim to pay for.
   * `onMalformed` takes a record that is not an EventBridge event instead of failing it (the
   * dead-letter recorder keeps such messages too).
   */
  options: { claim?: boolean; onMalformed?: (record: SQSRecord, error: MalformedEventError) => Promise<void> } = {},
): SqsEventHandler {
  const processRecord = async (record: SQSRecord, context?: Context): Promise<void> => {
    try {
      await processEnvelope(record, context);
    } catch (error) {
      ports.onRecordFailure?.(record.messageId, error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  };

  const processEnvelope = async (record: SQSRecord, context?: Context): Promise<void> => {
    let envelope: EventBridgeEnvelope;
    try {
      envelope = parseEnvelope(record);
    } catch (error) {
      if (error instanceof MalformedEventError && options.onMalformed) return options.onMalformed(record, error);
      throw error;
    }
    const detail = (envelope.detail ?? {}) as { journeyId?: string; useCase?: string; step?: string };
    const attempt = Number(record.attributes?.ApproximateReceiveCount ?? '1') || 1;
    // Plain log attributes rather than a child logger: a child costs a Logger per record.
    const keys = {
      journeyId: detail.journeyId ?? null,
      useCase: detail.useCase ?? null,
      eventId: envelope.id,
      detailType: envelope['detail-type'],
      attempt,
    };
    let noted = false;
    const noteOutcome = async (outcome: Omit<AttemptOutcome, 'attempt' | 'at'>) => {
      noted = true;
      const body: AttemptOutcome = { ...outcome, attempt, at: ports.clock.now().toISOString() };
      await ports.store.put(ports.config.artifactBucket, attemptOutcomeKey(functionName, deliveryKey(envelope)), JSON.stringify(body), {
        contentType: 'application/json',
      });
    };
    const delivered: DeliveredEvent = {
      envelope,
      attempt,
      messageId: record.messageId,
      sourceQueueArn: record.eventSourceARN,
      remainingMs: () => context?.getRemainingTimeInMillis(),
      deferRetry: async (seconds) => {
        if (ports.queue) await ports.queue.deferRetry(record, seconds);
      },
      noteOutcome,
    };
    const work = async () => {
      try {
        await handle(delivered);
      } catch (error) {
        ports.logger.error('event handling failed', { ...keys, error: error as Error });
        // Whatever failed outside the step's own report (a publish, a claim) is noted too, so a
        // message that dies of it is explained.
        if (!noted) {
          await noteOutcome({ outcome: 'error', reported: false, error: { code: 'function_error', message: (error as Error).message ?? String(error) } }).catch(
            () => undefined,
          );
        }
        throw error;
      }
    };
    const handleOnce = async () => {
      if (await isReplayOfDeliveredJourney(envelope, ports)) {
        ports.logger.info('replayed event of a delivered journey skipped', { ...keys, replayName: envelope['replay-name'] });
        return;
      }
      if (options.claim === false) {
        await work();
        ports.logger.info('event handled', keys);
        return;
      }
      const outcome = await runOnce(
        { store: ports.store, clock: ports.clock, bucket: ports.config.artifactBucket },
        claimKey(functionName, deliveryKey(envelope)),
        work,
        // A claim outlives its holder by no more than the invocation could have run.
        context ? { lockMs: Math.max(1_000, context.getRemainingTimeInMillis()) } : {},
      );
      ports.logger.info(outcome === 'duplicate' ? 'duplicate delivery skipped' : 'event handled', keys);
    };
    // One subsegment per record, annotated with its journey: a batch of ten is ten journeys' work.
    const annotations = { journeyId: detail.journeyId, useCase: detail.useCase, step: detail.step, detailType: envelope['detail-type'], attempt };
    return ports.telemetry ? ports.telemetry.traced(`record ${envelope['detail-type']}`, annotations, handleOnce) : handleOnce();
  };

  const base = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, processInParallel: false });

  const handler = middy(base).use(injectLambdaContext(ports.logger));
  if (ports.telemetry) handler.use(ports.telemetry.handlerMiddleware());
  return handler as unknown as SqsEventHandler;
}

function parseEnvelope(record: SQSRecord): EventBridgeEnvelope {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new MalformedEventError(`message ${record.messageId} is not JSON`);
  }
  const parsed = eventBridgeEnvelope.safeParse(body);
  if (!parsed.success) {
    throw new MalformedEventError(
      `message ${record.messageId} is not an EventBridge event: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
