import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '#functions/adapters/s3-object-store.js';
import { awsClientConfig, type CloudTarget } from '#local/stage/cloud-target.js';
import { STACK_OUTPUTS, stackName as stackNameOf } from '#local/stage/stage-names.js';

/** A deployed stage as the CLI uses it: its buckets (from the stack's outputs) and an S3 client. */
export interface CloudStage {
  target: CloudTarget;
  stackName: string;
  uploadBucket: string;
  artifactBucket: string;
  s3: S3Client;
  store: S3ObjectStore;
  /** The stage's platform bus; empty when the stack does not say. */
  eventBusName: string;
  /** Region, endpoint and credentials for any other client the CLI needs against the stage. */
  clientConfig: ReturnType<typeof awsClientConfig>;
}

/** The stage cannot be used as asked; the message says what to do. */
export class CloudStageError extends Error {
  override readonly name = 'CloudStageError';
}

/** Finds the stage's bucket names in its stack's outputs (CloudFormation DescribeStacks). */
export async function openCloudStage(target: CloudTarget, env: NodeJS.ProcessEnv = process.env): Promise<CloudStage> {
  const config = awsClientConfig(target, env);
  const stackName = stackNameOf(target.stage);
  const where = target.endpoint ?? `AWS ${target.region}`;
  let outputs: Record<string, string>;
  try {
    const out = await new CloudFormationClient(config).send(new DescribeStacksCommand({ StackName: stackName }));
    outputs = Object.fromEntries((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (error) {
    const reason = (error as Error).message;
    const hint = /does not exist|not found/i.test(reason)
      ? target.stage === 'local'
        ? 'deploy it with npm run deploy:local'
        : `deploy it with npx sls deploy --stage ${target.stage}`
      : target.endpoint
        ? 'is the emulator running? (npm run local:up)'
        : 'check your AWS credentials and region';
    throw new CloudStageError(`cannot read stack ${stackName} at ${where}: ${reason}; ${hint}`);
  }
  const uploadBucket = outputs[STACK_OUTPUTS.uploadBucket];
  const artifactBucket = outputs[STACK_OUTPUTS.artifactBucket];
  if (!uploadBucket || !artifactBucket)
    throw new CloudStageError(
      `stack ${stackName} at ${where} has no ${STACK_OUTPUTS.uploadBucket}/${STACK_OUTPUTS.artifactBucket} outputs: is it a symphainy stack?`,
    );
  // Emulators serve buckets by path, not by virtual host.
  const s3 = new S3Client({ ...config, forcePathStyle: target.endpoint !== undefined });
  return {
    target,
    stackName,
    uploadBucket,
    artifactBucket,
    s3,
    store: new S3ObjectStore(s3),
    eventBusName: outputs[STACK_OUTPUTS.eventBus] ?? '',
    clientConfig: config,
  };
}
