import { describe, expect, it } from 'vitest';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { followOnsOf, sha256, uploadAndWait } from '../support/emulator-journeys.js';

const emulator = await emulatorStage();

/**
 * Every sample file of every use case, uploaded to the deployed local stage with S3 PutObject (with the sample's object metadata):
 * Object Created -> default bus -> rule -> SQS -> experience manager Lambda -> ... The journeys
 * run in real Lambdas, and each ends as its use case says it should.
 */
describe.skipIf(!emulator.available)('upload journeys on the emulator (real Lambdas)', () => {
  const { stage } = emulator.available ? emulator.emulator : ({} as never);
  const samples = builtInUseCases.flatMap((useCase) => useCase.samples(7).map((sample) => ({ useCase: useCase.id, sample })));

  it.concurrent.each(samples)(
    '$useCase: $sample.fileName ends $sample.expect.status',
    async ({ useCase, sample }) => {
      const { view } = await uploadAndWait(stage, { key: uniqueKey(useCase, sample.fileName), body: sample.body, metadata: sample.metadata });

      expect(view.useCase).toBe(useCase);
      expect(view.status).toBe(sample.expect.status);
      if (sample.expect.status !== 'completed') {
        expect(view.error?.code).toBe(sample.expect.code);
        expect(view.delivery?.message).toContain(sample.expect.code);
        return;
      }
      expect(view.steps.map((s) => s.status)).toEqual(view.steps.map(() => 'completed'));
      // Every artifact the journey reports is in the artifact bucket with the bytes it reports.
      for (const artifact of view.artifacts) {
        const object = await stage.store.get(artifact.bucket, artifact.key);
        expect(object, artifact.key).toBeDefined();
        expect(sha256(object!.body), artifact.key).toBe(artifact.sha256);
      }
      expect(view.delivery?.manifestKey).toBeTruthy();
      // Follow-on journeys (eda after upload) are started by the delivery manager and complete too.
      for (const followOn of await followOnsOf(stage, view)) {
        expect({ journey: followOn.journey, status: followOn.status, error: followOn.error }).toEqual({
          journey: followOn.journey,
          status: 'completed',
          error: null,
        });
      }
    },
    240_000,
  );
});
