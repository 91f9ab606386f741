import { createHash } from 'node:crypto';
import type { StepRecord } from '#events/platform-event.js';
import { createStepContext } from '#domain/journeys/step-context.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { defaultPlatformConfig, type PlatformConfig } from '#domain/ports/platform-config.js';
import { InMemoryObjectStore } from '../../../../support/in-memory-object-store.js';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Like runJourneySteps, but with the clock, config and store chosen by the test, and steps that
 * can be run again on the same store (a redelivery).
 */
export async function runStepsWith(
  steps: readonly StepDefinition[],
  body: string | Uint8Array,
  options: { now?: string; config?: Partial<PlatformConfig>; key?: string; journeyId?: string; store?: InMemoryObjectStore; records?: StepRecord[] } = {},
) {
  const store = options.store ?? new InMemoryObjectStore();
  const config = { ...defaultPlatformConfig, ...options.config };
  const key = options.key ?? 'uploads/mvp/input.csv';
  const put = options.store ? await store.head(config.uploadBucket, key) : await store.put(config.uploadBucket, key, body);
  const input = {
    bucket: config.uploadBucket,
    key,
    etag: put!.etag,
    versionId: put!.versionId,
    size: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
  };
  const clock = { now: () => new Date(options.now ?? '2026-11-27T10:00:00.000Z') };
  const records: StepRecord[] = options.records ?? [];
  for (const step of steps) {
    const { context, written } = createStepContext(
      {
        journeyId: options.journeyId ?? 'j-test',
        useCase: 'mvp',
        journey: 'upload',
        step: step.name,
        input,
        journeyStartedAt: clock.now(),
        completedSteps: records,
      },
      { store, config, clock },
    );
    const outcome = await step.run(context);
    records.push({
      name: step.name,
      attempts: 1,
      startedAt: clock.now().toISOString(),
      endedAt: clock.now().toISOString(),
      artifacts: written,
      summary: outcome.summary ?? {},
    });
  }
  const artifact = (name: string) => {
    const ref = [...records]
      .reverse()
      .flatMap((r) => [...r.artifacts].reverse())
      .find((a) => a.name === name);
    if (!ref) throw new Error(`no artifact named ${name}`);
    return { ref, text: store.text(ref.bucket, ref.key)! };
  };
  return { store, records, config, artifact, json: <T = any>(name: string): T => JSON.parse(artifact(name).text) as T };
}
