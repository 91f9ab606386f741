import { randomUUID } from 'node:crypto';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { inProcessLambdaContext } from '#functions/shared/lambda-context.js';
import type { SqsEventHandler } from '#functions/shared/sqs-event-function.js';
import type { ServeLog } from '../serve-log.js';
import { toSqsRecord } from './sqs-record.js';

export interface ConsumedQueue {
  /** The routing-table target, which is also the function's name. */
  target: string;
  url: string;
  arn: string;
  visibilityTimeoutSeconds: number;
}

export interface ConsumerSettings {
  sqs: SQSClient;
  region: string;
  /** ReceiveMessage long-poll time, 1 to 20 seconds. */
  waitSeconds: number;
  log: ServeLog;
}

/** Seconds to wait after a failed ReceiveMessage before asking again. */
const RECEIVE_RETRY_MS = 2_000;

/**
 * Does for one queue what Lambda's event source mapping does: long-polls it, hands each batch to
 * the function's handler, deletes the records that succeeded and leaves the reported failures to
 * come back after the visibility timeout, until the queue's redrive policy dead-letters them.
 */
export class QueueConsumer {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private handling = 0;
  /** Why the last ReceiveMessage failed, until one succeeds again. */
  lastError: string | null = null;

  constructor(
    readonly queue: ConsumedQueue,
    private readonly handler: SqsEventHandler,
    private readonly settings: ConsumerSettings,
  ) {}

  start(): void {
    this.running = this.poll();
  }

  /** Stops receiving; the batch being handled finishes (see `stopped`). */
  stop(): void {
    this.stopping.abort();
  }

  /** Resolves once the loop has ended and its last batch is settled. */
  stopped(): Promise<void> {
    return this.running;
  }

  /** Messages received and not yet settled. */
  get inFlight(): number {
    return this.handling;
  }

  private async poll(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      let messages: Message[];
      try {
        const out = await this.settings.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.queue.url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: this.settings.waitSeconds,
            VisibilityTimeout: this.queue.visibilityTimeoutSeconds,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: signal },
        );
        messages = out.Messages ?? [];
        this.lastError = null;
      } catch (error) {
        // A long poll cut short by stop() is the normal way out; whatever SQS had picked for it
        // becomes visible again after the visibility timeout, so nothing is lost.
        if (signal.aborted) break;
        this.lastError = (error as Error).message;
        this.settings.log.error('receive_failed', `${this.queue.target}: ReceiveMessage failed: ${this.lastError}`, { queue: this.queue.target });
        await pause(RECEIVE_RETRY_MS, signal);
        continue;
      }
      if (messages.length) await this.handle(messages);
    }
  }

  private async handle(messages: Message[]): Promise<void> {
    this.handling = messages.length;
    try {
      const event = { Records: messages.map((m) => toSqsRecord(m, this.queue.arn, this.settings.region)) };
      let failed: Set<string>;
      try {
        const context = inProcessLambdaContext(this.queue.target, randomUUID(), this.queue.visibilityTimeoutSeconds * 1000);
        const response = await this.handler(event, context);
        failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch (error) {
        // A handler that throws fails the whole batch, as it does under Lambda.
        this.settings.log.error(
          'batch_failed',
          `${this.queue.target}: the handler threw; the batch comes back after the visibility timeout: ${(error as Error).message}`,
          { queue: this.queue.target },
        );
        failed = new Set(messages.map((m) => m.MessageId!));
      }
      await this.deleteSucceeded(messages.filter((m) => !failed.has(m.MessageId!)));
    } finally {
      this.handling = 0;
    }
  }

  private async deleteSucceeded(messages: Message[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      const out = await this.settings.sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: this.queue.url, Entries: messages.map((m, i) => ({ Id: `m${i}`, ReceiptHandle: m.ReceiptHandle! })) }),
      );
      for (const failure of out.Failed ?? []) {
        this.settings.log.error(
          'delete_failed',
          `${this.queue.target}: a handled message could not be deleted and will be delivered again (handled once, by idempotency): ${failure.Message ?? failure.Code}`,
          { queue: this.queue.target },
        );
      }
    } catch (error) {
      this.settings.log.error(
        'delete_failed',
        `${this.queue.target}: DeleteMessageBatch failed; the messages will be delivered again (handled once, by idempotency): ${(error as Error).message}`,
        { queue: this.queue.target },
      );
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
