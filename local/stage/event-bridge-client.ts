import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { awsClientConfig, type CloudTarget } from './cloud-target.js';

// Apart from the target itself, so the commands that only name a stage do not load the AWS SDK.
export function eventBridgeClient(target: CloudTarget, env: NodeJS.ProcessEnv = process.env): EventBridgeClient {
  return new EventBridgeClient(awsClientConfig(target, env));
}
