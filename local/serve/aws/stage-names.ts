/**
 * How a deployed stage names what `serve --aws` consumes; serverless.yml deploys by the same
 * contract: stack and bus `symphainy-<stage>`, one queue per routing-table target
 * `symphainy-<stage>-<target>`, its dead-letter queue `symphainy-<stage>-<target>-dlq`.
 */
export const stackName = (stage: string) => `symphainy-${stage}`;
export const functionQueueName = (stage: string, target: string) => `symphainy-${stage}-${target}`;
export const deadLetterQueueName = (stage: string, target: string) => `${functionQueueName(stage, target)}-dlq`;

/** The stack outputs that name the stage's buckets and bus. */
export const STACK_OUTPUTS = { uploadBucket: 'UploadBucketName', artifactBucket: 'ArtifactBucketName', eventBus: 'EventBusName' } as const;

/** Stage names as the Serverless Framework accepts them, short enough for every derived name. */
export const STAGE_PATTERN = /^[a-zA-Z0-9-]{1,32}$/;
