import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { deferredObjectStore, deferredPublisher, deferredQueueControl } from '../adapters/deferred-adapters.js';
import type { FunctionPorts } from './function-ports.js';
import { powertoolsTelemetry } from './telemetry.js';

/**
 * 64 MiB: a shard's profile takes about 1.2-1.4 s on one core and leaves a 4 MiB partial
 * (measured on the embedded runtime), so a shard is cheap next to a Lambda's timeout, and a
 * 100 GB file makes 1,600 of them.
 */
const DEFAULT_FAN_OUT_SHARD_BYTES = 64 * 1024 * 1024;

const environment = z.object({
  UPLOAD_BUCKET: z.string().min(1),
  ARTIFACT_BUCKET: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  MAX_ATTEMPTS: z.coerce.number().int().positive().default(3),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(defaultPlatformConfig.maxUploadBytes),
  /** A step that profiles in shards fans an input larger than this out into shard requests; 0: never. */
  SHARD_BYTES: z.coerce.number().int().nonnegative().default(DEFAULT_FAN_OUT_SHARD_BYTES),
  /** At most this many shards per fan-out (AWS's Distributed Map runs up to 10,000 children). */
  MAX_SHARDS: z.coerce.number().int().min(2).default(10_000),
  /** Set for the local stage so the SDK talks to the emulator. */
  AWS_ENDPOINT_URL: z.string().url().optional(),
});

/** The ports of a deployed function, read and validated once per cold start. */
export function awsPorts(functionName: string, env: NodeJS.ProcessEnv = process.env): FunctionPorts {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    throw new Error(`${functionName}: bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const settings = parsed.data;
  const endpoint = settings.AWS_ENDPOINT_URL ? { endpoint: settings.AWS_ENDPOINT_URL } : {};
  const telemetry = powertoolsTelemetry(env);
  return {
    // The SDK loads on the first S3 or EventBridge call, not at cold start (nodejs22.x provides it).
    store: deferredObjectStore(async () => {
      const [{ S3Client }, { S3ObjectStore }] = await Promise.all([import('@aws-sdk/client-s3'), import('../adapters/s3-object-store.js')]);
      return new S3ObjectStore(await telemetry.captured(new S3Client({ ...endpoint, forcePathStyle: Boolean(settings.AWS_ENDPOINT_URL) })));
    }),
    publisher: deferredPublisher(async () => {
      const [{ EventBridgeClient }, { EventBridgePublisher }] = await Promise.all([
        import('@aws-sdk/client-eventbridge'),
        import('../adapters/eventbridge-publisher.js'),
      ]);
      return new EventBridgePublisher(await telemetry.captured(new EventBridgeClient(endpoint)), settings.EVENT_BUS_NAME, () => telemetry.traceHeader());
    }),
    queue: deferredQueueControl(async () => {
      const [{ SQSClient }, { SqsQueueControl }] = await Promise.all([import('@aws-sdk/client-sqs'), import('../adapters/sqs-queue-control.js')]);
      return new SqsQueueControl(await telemetry.captured(new SQSClient(endpoint)), settings.AWS_ENDPOINT_URL);
    }),
    clock: { now: () => new Date() },
    config: {
      uploadBucket: settings.UPLOAD_BUCKET,
      artifactBucket: settings.ARTIFACT_BUCKET,
      maxAttempts: settings.MAX_ATTEMPTS,
      maxUploadBytes: settings.MAX_UPLOAD_BYTES,
      ...(settings.SHARD_BYTES > 0 ? { shardBytes: settings.SHARD_BYTES, maxShards: settings.MAX_SHARDS } : {}),
    },
    registry: defaultUseCaseRegistry(),
    logger: new Logger({ serviceName: functionName }),
    telemetry,
  };
}

/** Defers building ports to the first invocation, so importing a handler has no side effects. */
export function lazyHandler<H extends (...args: any[]) => any>(build: () => H): H {
  let built: H | undefined;
  return ((...args: Parameters<H>) => (built ??= build())(...args)) as H;
}
