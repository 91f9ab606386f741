import type { StepRecord } from '#events/platform-event.js';
import { createStepContext } from '#domain/journeys/step-context.js';
import { defaultPlatformConfig, type PlatformConfig } from '#domain/ports/platform-config.js';
import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { InMemoryObjectStore } from './in-memory-object-store.js';

export interface StepsRun {
  store: InMemoryObjectStore;
  records: StepRecord[];
  config: PlatformConfig;
  /** Parsed JSON of an artifact by name (latest writer wins). */
  json<T = any>(name: string): T;
  text(name: string): string;
  /** An artifact by key, for those a step lists in one of its own (a lake's partition files). */
  textAt(key: string): string;
  /** The records of an NDJSON artifact by name. */
  ndjson<T = any>(name: string): T[];
}

/**
 * Runs a use case's journey steps one after another in memory, without the event machinery,
 * so a step's real work can be unit-tested. Throws whatever a step throws (e.g. StepRejection).
 */
export async function runJourneySteps(
  module: UseCaseModule,
  journey: string,
  body: string | Uint8Array,
  options: {
    key?: string;
    journeyId?: string;
    upTo?: string;
    store?: InMemoryObjectStore;
    /** Artifacts the later steps do not see, as in a journey whose earlier steps ran on an older release. */
    hidden?: readonly string[];
  } = {},
): Promise<StepsRun> {
  // Passed in by a test that looks at what a failing step left behind.
  const store = options.store ?? new InMemoryObjectStore();
  const config = defaultPlatformConfig;
  const key = options.key ?? `uploads/${module.id}/sample.csv`;
  const put = await store.put(config.uploadBucket, key, body);
  const input = {
    bucket: config.uploadBucket,
    key,
    etag: put.etag,
    versionId: put.versionId,
    size: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
  };
  const records: StepRecord[] = [];
  const clock = { now: () => new Date('2026-11-27T10:00:00.000Z') };
  for (const step of module.journeys[journey] ?? []) {
    const { context, written } = createStepContext(
      { journeyId: options.journeyId ?? 'j-test', useCase: module.id, journey, step: step.name, input, journeyStartedAt: clock.now(), completedSteps: records },
      { store, config, clock },
    );
    const outcome = await step.run(context);
    records.push({
      name: step.name,
      attempts: 1,
      startedAt: clock.now().toISOString(),
      endedAt: clock.now().toISOString(),
      artifacts: written.filter((a) => !options.hidden?.includes(a.name)),
      summary: outcome.summary ?? {},
    });
    if (options.upTo === step.name) break;
  }
  const find = (name: string) => {
    for (const record of [...records].reverse()) {
      const artifact = record.artifacts.find((a) => a.name === name);
      if (artifact) return store.text(artifact.bucket, artifact.key)!;
    }
    throw new Error(`no artifact named ${name}`);
  };
  const textAt = (key: string) => {
    const text = store.text(config.artifactBucket, key);
    if (text === undefined) throw new Error(`no artifact at ${key}`);
    return text;
  };
  return {
    store,
    records,
    config,
    text: find,
    textAt,
    json: (name) => JSON.parse(find(name)),
    ndjson: (name) =>
      find(name)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line)),
  };
}
