import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueControl } from '#functions/shared/function-ports.js';

/** The SQS service's queue URL for a queue ARN (`arn:aws:sqs:<region>:<account>:<name>`), at an emulator's endpoint when one is set. */
export function queueUrlOf(queueArn: string, endpoint?: string): string {
  const [, , , region, account, name] = queueArn.split(':');
  if (!region || !account || !name) throw new Error(`not an SQS queue ARN: ${queueArn}`);
  return `${endpoint ? endpoint.replace(/\/$/, '') : `https://sqs.${region}.amazonaws.com`}/${account}/${name}`;
}

/**
 * Backoff through the message's visibility: the message being handled stays invisible for the
 * delay, and the batch failure that follows leaves it so. The URL is built from the record's
 * queue ARN, so no GetQueueUrl call (or permission) is needed.
 */
export class SqsQueueControl implements QueueControl {
  constructor(
    private readonly client: SQSClient,
    private readonly endpoint?: string,
  ) {}

  async deferRetry(message: { receiptHandle: string; eventSourceARN: string }, seconds: number): Promise<void> {
    await this.client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrlOf(message.eventSourceARN, this.endpoint),
        ReceiptHandle: message.receiptHandle,
        VisibilityTimeout: Math.max(0, Math.round(seconds)),
      }),
    );
  }
}
