/**
 * How a deployed stage names what it holds; serverless.yml deploys by the same contract: stack
 * and bus `symphainy-<stage>`, one queue per routing-table target `symphainy-<stage>-<target>`,
 * its dead-letter queue `symphainy-<stage>-<target>-dlq`, and the buckets
 * `symphainy-<stage>-<uploads|artifacts>-<account>-<region>` (serverless/resources/buckets.yml).
 */
export const stackName = (stage: string) => `symphainy-${stage}`;
export const stageBusName = (stage: string) => `symphainy-${stage}`;
export const functionQueueName = (stage: string, target: string) => `symphainy-${stage}-${target}`;
export const deadLetterQueueName = (stage: string, target: string) => `${functionQueueName(stage, target)}-dlq`;
export const stageBucketName = (stage: string, role: 'uploads' | 'artifacts', account: string, region: string) =>
  `symphainy-${stage}-${role}-${account}-${region}`;

/** The stack outputs that name the stage's buckets and bus. */
export const STACK_OUTPUTS = { uploadBucket: 'UploadBucketName', artifactBucket: 'ArtifactBucketName', eventBus: 'EventBusName' } as const;
