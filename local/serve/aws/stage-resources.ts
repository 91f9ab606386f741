import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ConsumedQueue } from './queue-consumer.js';
import { functionQueueName, STACK_OUTPUTS, stackName } from '#local/stage/stage-names.js';

export interface StageNames {
  uploadBucket: string;
  artifactBucket: string;
  eventBus: string;
}

export interface StageQueue extends ConsumedQueue {
  /** From the queue's redrive policy: deliveries before SQS dead-letters a message. */
  maxReceiveCount?: number;
  deadLetterUrl?: string;
}

/** The stage is not there as `serve --aws` needs it; the message says what to do. */
export class StageError extends Error {
  override readonly name = 'StageError';
}

/** Buckets and bus: what was named explicitly, the rest from the stack's outputs. */
export async function resolveStageNames(stage: string, given: Partial<StageNames>, cloudFormation: CloudFormationClient): Promise<StageNames> {
  if (given.uploadBucket && given.artifactBucket && given.eventBus) return given as StageNames;
  const stack = stackName(stage);
  let outputs: Record<string, string>;
  try {
    const out = await cloudFormation.send(new DescribeStacksCommand({ StackName: stack }));
    outputs = Object.fromEntries((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (error) {
    throw new StageError(
      `cannot read the outputs of stack ${stack}: ${(error as Error).message}. Deploy the stage first, or name them with --upload-bucket, --artifact-bucket and --event-bus`,
    );
  }
  const pick = (name: keyof StageNames) => {
    const value = given[name] ?? outputs[STACK_OUTPUTS[name]];
    if (!value)
      throw new StageError(`stack ${stack} has no output ${STACK_OUTPUTS[name]}; name it with --${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    return value;
  };
  return { uploadBucket: pick('uploadBucket'), artifactBucket: pick('artifactBucket'), eventBus: pick('eventBus') };
}

/** Each target's queue by the naming contract, with what its attributes say about retries. */
export async function resolveStageQueues(stage: string, targets: readonly string[], sqs: SQSClient): Promise<StageQueue[]> {
  const results = await Promise.allSettled(targets.map((target) => resolveQueue(stage, target, sqs)));
  const missing = results.flatMap((r, i) => (r.status === 'rejected' ? [`${functionQueueName(stage, targets[i]!)} (${(r.reason as Error).message})`] : []));
  if (missing.length) throw new StageError(`stage ${stage} lacks ${missing.length} of ${targets.length} function queues: ${missing.join('; ')}`);
  return results.map((r) => (r as PromiseFulfilledResult<StageQueue>).value);
}

async function resolveQueue(stage: string, target: string, sqs: SQSClient): Promise<StageQueue> {
  const { QueueUrl: url } = await sqs.send(new GetQueueUrlCommand({ QueueName: functionQueueName(stage, target) }));
  if (!url) throw new Error('no queue URL');
  const { Attributes: attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn', 'VisibilityTimeout', 'RedrivePolicy'] }),
  );
  const queue: StageQueue = { target, url, arn: attributes.QueueArn ?? '', visibilityTimeoutSeconds: Number(attributes.VisibilityTimeout ?? 30) || 30 };
  if (attributes.RedrivePolicy) {
    const policy = JSON.parse(attributes.RedrivePolicy) as { deadLetterTargetArn?: string; maxReceiveCount?: number | string };
    const maxReceiveCount = Number(policy.maxReceiveCount);
    if (Number.isInteger(maxReceiveCount) && maxReceiveCount > 0) queue.maxReceiveCount = maxReceiveCount;
    const deadLetterName = policy.deadLetterTargetArn?.split(':').at(-1);
    if (deadLetterName) {
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: deadLetterName }));
      if (QueueUrl) queue.deadLetterUrl = QueueUrl;
    }
  }
  return queue;
}
