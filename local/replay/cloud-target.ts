import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

export interface CloudTarget {
  /** An emulator's endpoint (e.g. MiniStack on http://127.0.0.1:4566); AWS itself when absent. */
  endpoint?: string;
  region: string;
}

/** `--endpoint` wins over `AWS_ENDPOINT_URL`; the region comes from `--region`, `AWS_REGION`, or us-east-1. */
export function cloudTarget(options: { endpoint?: string; region?: string }, env: NodeJS.ProcessEnv = process.env): CloudTarget {
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL;
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return { ...(endpoint ? { endpoint } : {}), region };
}

/** An emulator takes any credentials; against AWS the SDK's own chain finds them. */
export function eventBridgeClient(target: CloudTarget, env: NodeJS.ProcessEnv = process.env): EventBridgeClient {
  const emulated = target.endpoint !== undefined && !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE;
  return new EventBridgeClient({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(emulated ? { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : {}),
  });
}

/** The bus a stage deploys (`symphainy-<stage>`). */
export function stageBusName(stage: string): string {
  return `symphainy-${stage}`;
}
