import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import type { FunctionPorts } from './function-ports.js';
import { IDEMPOTENCY_PREFIX, runOnce } from './idempotency.js';

export type SqsEventHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export interface DeliveredEvent {
  envelope: EventBridgeEnvelope;
  /** Which delivery of this message this is (SQS ApproximateReceiveCount), starting at 1. */
  attempt: number;
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
export function sqsEventFunction(functionName: string, ports: FunctionPorts, handle: (delivered: DeliveredEvent) => Promise<void>): SqsEventHandler {
  const processRecord = async (record: SQSRecord, context?: Context): Promise<void> => {
    try {
      await processEnvelope(record, context);
    } catch (error) {
      ports.onRecordFailure?.(record.messageId, error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  };

  const processEnvelope = async (record: SQSRecord, context?: Context): Promise<void> => {
    const envelope = parseEnvelope(record);
    const detail = (envelope.detail ?? {}) as { journeyId?: string; useCase?: string; step?: string };
    const attempt = Number(record.attributes?.ApproximateReceiveCount ?? '1') || 1;
    const log = ports.logger.createChild({
      persistentKeys: {
        journeyId: detail.journeyId ?? null,
        useCase: detail.useCase ?? null,
        eventId: envelope.id,
        detailType: envelope['detail-type'],
        attempt,
      },
    });
    const outcome = await runOnce(
      { store: ports.store, clock: ports.clock, bucket: ports.config.artifactBucket },
      `${IDEMPOTENCY_PREFIX}${functionName}/${envelope.id}.json`,
      async () => {
        try {
          await handle({ envelope, attempt });
        } catch (error) {
          log.error('event handling failed', error as Error);
          throw error;
        }
      },
      // A claim outlives its holder by no more than the invocation could have run.
      context ? { lockMs: Math.max(1_000, context.getRemainingTimeInMillis()) } : {},
    );
    log.info(outcome === 'duplicate' ? 'duplicate delivery skipped' : 'event handled');
  };

  const base = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, processInParallel: false });

  return middy(base).use(injectLambdaContext(ports.logger)) as unknown as SqsEventHandler;
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
    throw new MalformedEventError(`message ${record.messageId} is not an EventBridge event: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
