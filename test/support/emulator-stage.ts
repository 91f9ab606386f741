import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { openCloudStage, type CloudStage } from '#local/cloud/cloud-stage.js';
import type { CloudTarget } from '#local/stage/cloud-target.js';
import { deadLetterQueueName, functionQueueName } from '#local/stage/stage-names.js';

/**
 * The deployed `local` stage the emulator tests (`*.int.test.ts`) run against.
 *
 * They run whenever `npm test` finds the emulator up with the stage deployed. When
 * SYMPHAINY_EMULATOR=required (CI sets it, `.ci/run` too) a missing emulator or stage FAILS the
 * suite instead; otherwise they are reported as skipped, with the reason printed once.
 */
export interface EmulatorStage {
  stage: CloudStage;
  target: CloudTarget;
  sqs: SQSClient;
  /** URL of a function's queue, or of its dead-letter queue, by the stage's naming contract. */
  queueUrl(functionName: string, deadLetter?: boolean): Promise<string>;
}

export type EmulatorAvailability = { available: true; emulator: EmulatorStage } | { available: false; reason: string };

export function emulatorRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SYMPHAINY_EMULATOR === 'required' || env.CI === 'true';
}

let cached: Promise<EmulatorAvailability> | undefined;

export function emulatorStage(): Promise<EmulatorAvailability> {
  cached ??= probe();
  return cached;
}

async function probe(): Promise<EmulatorAvailability> {
  const endpoint = (process.env.SYMPHAINY_EMULATOR_ENDPOINT ?? process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566').replace(/\/$/, '');
  const target: CloudTarget = { stage: 'local', region: process.env.AWS_REGION ?? 'us-east-1', endpoint };
  let stage: CloudStage;
  try {
    stage = await openCloudStage(target, {});
  } catch (error) {
    const reason = `no deployed local stage at ${endpoint} (${(error as Error).message.split('; ')[0]}): run npm run local:up && npm run deploy:local`;
    if (emulatorRequired()) throw new Error(`emulator tests are required here (SYMPHAINY_EMULATOR=required or CI) but there is ${reason}`, { cause: error });
    console.warn(`emulator tests skipped: ${reason}`);
    return { available: false, reason };
  }
  const sqs = new SQSClient({ region: target.region, endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const queueUrl = async (functionName: string, deadLetter = false) => {
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: (deadLetter ? deadLetterQueueName : functionQueueName)(target.stage, functionName) }),
    );
    if (!QueueUrl) throw new Error(`no queue for ${functionName}`);
    return QueueUrl;
  };
  return { available: true, emulator: { stage, target, sqs, queueUrl } };
}

/** A key no other test (nor a previous run) uses, so no test sees another's leftovers. */
export function uniqueKey(useCase: string, fileName: string): string {
  return `uploads/${useCase}/int-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${fileName}`;
}
