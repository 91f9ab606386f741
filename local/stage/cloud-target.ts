/** Where a deployed stage lives: an emulator's endpoint (MiniStack, LocalStack) or AWS itself. */
export interface CloudTarget {
  stage: string;
  region: string;
  /** An emulator's endpoint (e.g. MiniStack on http://127.0.0.1:4566); AWS itself when absent. */
  endpoint?: string;
}

/**
 * `--endpoint` wins over `AWS_ENDPOINT_URL`; the region comes from `--region`, `AWS_REGION`, or
 * us-east-1; the stage is `local` (the emulator's) unless named. Callers check the stage name.
 */
export function cloudTarget(options: { stage?: string; endpoint?: string; region?: string }, env: NodeJS.ProcessEnv = process.env): CloudTarget {
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL;
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return { stage: options.stage ?? 'local', region, ...(endpoint ? { endpoint: endpoint.replace(/\/$/, '') } : {}) };
}

/** Region, endpoint and credentials for an SDK client: an emulator takes any credentials; against AWS the SDK's own chain finds them. */
export function awsClientConfig(target: CloudTarget, env: NodeJS.ProcessEnv = process.env) {
  const emulated = target.endpoint !== undefined && !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE;
  return {
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(emulated ? { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : {}),
  };
}
