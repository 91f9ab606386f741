import { randomBytes } from 'node:crypto';
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { PLATFORM_SOURCE } from '#events/platform-event.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { deadLetterQueueName, functionQueueName, stackName, stageBusName, STACK_OUTPUTS } from '#local/stage/stage-names.js';

export const EMULATOR = process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566';
export const EMULATOR_ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' };

export interface TestStage {
  stage: string;
  uploadBucket: string;
  artifactBucket: string;
  eventBus: string;
  targets: string[];
  queueUrl(target: string): string;
  deadLetterUrl(target: string): string;
  /** A test-only queue that gets every platform event put on the stage's bus. */
  listenerUrl: string;
  sqs: SQSClient;
  s3: S3Client;
  destroy(): Promise<void>;
}

const client = { endpoint: EMULATOR, region: EMULATOR_ENV.AWS_REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

/**
 * What `serve --aws` needs of a stage, made by hand under a unique name: the buckets (uploads
 * versioned, as deployed), the bus, and per function a queue and its dead-letter queue
 * (maxReceiveCount 1, a short visibility timeout) named by the stage contract, and a stack
 * `symphainy-<stage>` whose outputs name the buckets and bus. No functions, no routing rules:
 * the test plays EventBridge by putting messages on the queues itself.
 */
export async function createTestStage(): Promise<TestStage> {
  const stage = `t${randomBytes(4).toString('hex')}`;
  const sqs = new SQSClient(client);
  const s3 = new S3Client({ ...client, forcePathStyle: true });
  const eventBridge = new EventBridgeClient(client);
  const cloudFormation = new CloudFormationClient(client);
  const uploadBucket = `symphainy-${stage}-uploads`;
  const artifactBucket = `symphainy-${stage}-artifacts`;
  const eventBus = stageBusName(stage);
  const listenerRule = `symphainy-${stage}-test-listener`;
  const targets = [...new Set(routingTable(defaultUseCaseRegistry(), { uploadBucket }).map((r) => r.target))];
  const queues = new Map<string, { url: string; deadLetterUrl: string }>();
  const created: { buckets: string[]; queueUrls: string[]; bus?: string; rule?: string; stack?: string } = { buckets: [], queueUrls: [] };

  const destroy = async () => {
    if (created.stack) await cloudFormation.send(new DeleteStackCommand({ StackName: created.stack })).catch(() => undefined);
    if (created.rule) {
      await eventBridge.send(new RemoveTargetsCommand({ Rule: created.rule, EventBusName: eventBus, Ids: ['listener'] })).catch(() => undefined);
      await eventBridge.send(new DeleteRuleCommand({ Name: created.rule, EventBusName: eventBus })).catch(() => undefined);
    }
    if (created.bus) await eventBridge.send(new DeleteEventBusCommand({ Name: created.bus })).catch(() => undefined);
    await Promise.all(created.queueUrls.map((url) => sqs.send(new DeleteQueueCommand({ QueueUrl: url })).catch(() => undefined)));
    for (const bucket of created.buckets) await emptyAndDelete(s3, bucket);
    for (const c of [sqs, s3, eventBridge, cloudFormation]) c.destroy();
  };

  try {
    for (const bucket of [uploadBucket, artifactBucket]) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      created.buckets.push(bucket);
    }
    await s3.send(new PutBucketVersioningCommand({ Bucket: uploadBucket, VersioningConfiguration: { Status: 'Enabled' } }));
    await eventBridge.send(new CreateEventBusCommand({ Name: eventBus }));
    created.bus = eventBus;
    await Promise.all(
      targets.map(async (target) => {
        const dlq = await sqs.send(new CreateQueueCommand({ QueueName: deadLetterQueueName(stage, target) }));
        created.queueUrls.push(dlq.QueueUrl!);
        const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl!, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
        const queue = await sqs.send(
          new CreateQueueCommand({
            QueueName: functionQueueName(stage, target),
            Attributes: { VisibilityTimeout: '2', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }) },
          }),
        );
        created.queueUrls.push(queue.QueueUrl!);
        queues.set(target, { url: queue.QueueUrl!, deadLetterUrl: dlq.QueueUrl! });
      }),
    );
    const listener = await sqs.send(new CreateQueueCommand({ QueueName: `symphainy-${stage}-test-listener` }));
    created.queueUrls.push(listener.QueueUrl!);
    const listenerArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: listener.QueueUrl!, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    await eventBridge.send(new PutRuleCommand({ Name: listenerRule, EventBusName: eventBus, EventPattern: JSON.stringify({ source: [PLATFORM_SOURCE] }) }));
    created.rule = listenerRule;
    await eventBridge.send(new PutTargetsCommand({ Rule: listenerRule, EventBusName: eventBus, Targets: [{ Id: 'listener', Arn: listenerArn }] }));
    // The stack holds one placeholder resource (a template needs one); its outputs are what counts.
    const stack = stackName(stage);
    const template = {
      Resources: { Placeholder: { Type: 'AWS::SQS::Queue', Properties: { QueueName: `symphainy-${stage}-stack-placeholder` } } },
      Outputs: {
        [STACK_OUTPUTS.uploadBucket]: { Value: uploadBucket },
        [STACK_OUTPUTS.artifactBucket]: { Value: artifactBucket },
        [STACK_OUTPUTS.eventBus]: { Value: eventBus },
      },
    };
    await cloudFormation.send(new CreateStackCommand({ StackName: stack, TemplateBody: JSON.stringify(template) }));
    created.stack = stack;
    await stackComplete(cloudFormation, stack);
    return {
      stage,
      uploadBucket,
      artifactBucket,
      eventBus,
      targets,
      queueUrl: (target) => queues.get(target)!.url,
      deadLetterUrl: (target) => queues.get(target)!.deadLetterUrl,
      listenerUrl: listener.QueueUrl!,
      sqs,
      s3,
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}

async function stackComplete(cloudFormation: CloudFormationClient, stack: string): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const status = (await cloudFormation.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0]?.StackStatus ?? '';
    if (status === 'CREATE_COMPLETE') return;
    if (status.endsWith('FAILED') || status.includes('ROLLBACK')) throw new Error(`stack ${stack}: ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`stack ${stack} not created in time`);
}

async function emptyAndDelete(s3: S3Client, bucket: string): Promise<void> {
  try {
    for (;;) {
      const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
      const objects = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
      if (objects.length === 0) break;
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
      if (!listed.IsTruncated) break;
    }
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch {
    // Leftovers of a uniquely named test stage harm no one; the test's own assertions matter.
  }
}
