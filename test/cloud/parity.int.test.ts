import { describe, expect, it } from 'vitest';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { followOnsOf, recordedEventsOf, sha256, uploadAndWait } from '../support/emulator-journeys.js';
import { embeddedHarness } from '../support/embedded-harness.js';

const emulator = await emulatorStage();

interface JourneyTrace {
  journey: string;
  status: string;
  error: string | null;
  detailTypes: string[];
  steps: { name: string; status: string; attempts: number }[];
  artifacts: { step: string; name: string; sha256: string }[];
}

/**
 * What necessarily differs between two runs of the same file: the journey ids (derived from the
 * object version S3 assigned), the journeys' start times (each step is handed its journey's
 * start, which artifacts may print) and the object's version id. Artifacts that mention them are
 * hashed with them replaced; every other artifact must be byte-identical.
 */
function identifiersOf(runs: readonly { view: JourneyView; events: EventBridgeEnvelope[] }[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const { view, events } of runs) {
    pairs.push([view.journeyId, `<journey:${view.journey}>`]);
    const starts = new Set(events.map((e) => (e.detail as { journeyStartedAt?: string }).journeyStartedAt).filter((t): t is string => typeof t === 'string'));
    for (const start of starts) pairs.push([new Date(start).toISOString(), '<started-at>'], [start, '<started-at>']);
    if (view.input?.versionId) pairs.push([view.input.versionId, '<version>']);
  }
  return pairs;
}

async function traceOf(
  views: readonly JourneyView[],
  eventsOf: (id: string) => Promise<EventBridgeEnvelope[]>,
  store: ObjectStore,
): Promise<{ traces: JourneyTrace[]; identical: number }> {
  const runs = await Promise.all(views.map(async (view) => ({ view, events: await eventsOf(view.journeyId) })));
  const identifiers = identifiersOf(runs);
  let identical = 0;
  const traces: JourneyTrace[] = [];
  for (const { view: run, events } of runs) {
    const artifacts = [];
    for (const artifact of run.artifacts) {
      const object = await store.get(artifact.bucket, artifact.key);
      if (!object) throw new Error(`artifact ${artifact.key} is missing`);
      expect(sha256(object.body), artifact.key).toBe(artifact.sha256);
      let text = new TextDecoder().decode(object.body);
      for (const [value, placeholder] of identifiers) text = text.split(value).join(placeholder);
      // The manifest names the source's version: null where the S3 event carries none.
      text = text.replace(/"versionId": (null|"<version>")/g, '"versionId": <version>');
      const normalised = sha256(text);
      if (normalised === artifact.sha256) identical++;
      artifacts.push({ step: artifact.step, name: artifact.name, sha256: normalised });
    }
    traces.push({
      journey: run.journey,
      status: run.status,
      error: run.error?.code ?? null,
      detailTypes: events.map((e) => e['detail-type']),
      steps: run.steps.map((s) => ({ name: s.name, status: s.status, attempts: s.attempts })),
      artifacts,
    });
  }
  return { traces, identical };
}

/**
 * The same sample files through real Lambdas on the emulator and through the embedded runtime
 * (configured with the stage's bucket names): the journeys must be indistinguishable.
 */
describe.skipIf(!emulator.available)('parity between the deployed stage and the embedded runtime', () => {
  const { stage } = emulator.available ? emulator.emulator : ({} as never);
  const firstGood = builtInUseCases.map((useCase) => ({ useCase: useCase.id, sample: useCase.samples(11).find((s) => s.expect.status === 'completed')! }));
  const firstBad = builtInUseCases.map((useCase) => ({ useCase: useCase.id, sample: useCase.samples(11).find((s) => s.expect.status !== 'completed')! }));

  it.concurrent.each([...firstGood, ...firstBad])(
    '$useCase: $sample.fileName',
    async ({ useCase, sample }) => {
      const key = uniqueKey(useCase, sample.fileName);
      const { view } = await uploadAndWait(stage, { key, body: sample.body, metadata: sample.metadata });
      const cloudRuns = [view, ...(await followOnsOf(stage, view))];

      const harness = await embeddedHarness({ config: { uploadBucket: stage.uploadBucket, artifactBucket: stage.artifactBucket } });
      try {
        const embedded = await harness.uploadAndWait(sample.body, key, sample.metadata);
        const embeddedRuns = [
          embedded,
          ...harness.runtime
            .journeys()
            .filter((j) => j.parentJourneyId === embedded.journeyId)
            .sort((a, b) => a.journey.localeCompare(b.journey)),
        ];

        const cloud = await traceOf(cloudRuns, (id) => recordedEventsOf(stage, id), stage.store);
        const local = await traceOf(embeddedRuns, async (id) => harness.runtime.events(id), harness.runtime.store);
        expect(cloud.traces).toEqual(local.traces);
        expect(cloud.traces[0]!.status).toBe(sample.expect.status);
        // Most artifacts do not mention the journey at all and are the very same bytes.
        expect(cloud.identical).toBe(local.identical);
      } finally {
        harness.close();
      }
    },
    240_000,
  );
});
