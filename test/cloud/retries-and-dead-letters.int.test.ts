import { describe, expect, it } from 'vitest';
import { PutObjectCommand, RestoreObjectCommand } from '@aws-sdk/client-s3';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { findUploadJourney, type CloudUpload } from '#local/cloud/cloud-upload.js';
import { recordedJourney, recordedJourneyIds } from '#local/stage/recorded-journeys.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { eventually, recordedEventsOf } from '../support/emulator-journeys.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { readDeadLetters } from '#local/operations/read-dead-letters.js';

const emulator = await emulatorStage();

/**
 * A step that cannot read its input, for a reason retrying may cure: the upload was written
 * straight to the GLACIER storage class. S3 (and MiniStack, which models it) answers HeadObject
 * but refuses GetObject with InvalidObjectState until the object is restored. That is an
 * ordinary error, not bad data, so the step reports the attempt and rethrows; the message comes
 * back from its SQS queue after the visibility timeout. Nothing in the functions knows a test
 * is running: the failure is a property of the uploaded object alone.
 */
describe.skipIf(!emulator.available)('retries through the queue and dead-lettering on the emulator', () => {
  const { stage } = emulator.available ? emulator.emulator : ({} as never);
  const body = 'id,name,amount\n1,alpha,1.5\n2,beta,2.5\n';

  async function uploadArchived(name: string): Promise<{ upload: CloudUpload; before: Set<string> }> {
    const before = new Set(await recordedJourneyIds(stage));
    const key = uniqueKey('mvp', name);
    const out = await stage.s3.send(new PutObjectCommand({ Bucket: stage.uploadBucket, Key: key, Body: body, StorageClass: 'GLACIER' }));
    return {
      upload: { bucket: stage.uploadBucket, key, etag: (out.ETag ?? '').replace(/"/g, ''), ...(out.VersionId ? { versionId: out.VersionId } : {}) },
      before,
    };
  }

  async function journeyWhere(
    upload: CloudUpload,
    before: Set<string>,
    what: string,
    holds: (view: JourneyView) => boolean,
    timeoutMs: number,
  ): Promise<JourneyView> {
    let journeyId: string | undefined;
    return eventually(
      what,
      async () => {
        const view = journeyId ? await recordedJourney(stage, journeyId) : await findUploadJourney(stage, upload, before);
        journeyId ??= view?.journeyId;
        return view && holds(view) ? view : undefined;
      },
      timeoutMs,
    );
  }

  it.concurrent(
    'retries a step whose input cannot be read yet, and the journey completes once it can',
    async () => {
      const { upload, before } = await uploadArchived('archived-then-restored.csv');
      const firstFailure = await journeyWhere(upload, before, 'the first failed attempt of validate_file', (v) => v.steps[0]?.status === 'retrying', 60_000);
      expect(firstFailure.steps[0]).toMatchObject({ name: 'validate_file', attempts: 1, error: { code: 'step_error' } });
      expect(firstFailure.steps[0]!.error!.message).toMatch(/storage class/i);

      await stage.s3.send(
        new RestoreObjectCommand({ Bucket: upload.bucket, Key: upload.key, RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }),
      );
      const done = await journeyWhere(upload, before, 'the journey to end', (v) => v.status !== 'running' && v.delivery !== null, 150_000);
      expect(done.status).toBe('completed');
      expect(done.steps[0]).toMatchObject({ name: 'validate_file', status: 'completed' });
      expect(done.steps[0]!.attempts).toBeGreaterThanOrEqual(2);
    },
    240_000,
  );

  it.concurrent(
    'dead-letters a step that keeps failing and fails the journey with the reason',
    async () => {
      const { upload, before } = await uploadArchived('archived-for-good.csv');
      const failed = await journeyWhere(upload, before, 'the journey to fail', (v) => v.status !== 'running' && v.delivery !== null, 180_000);

      expect(failed.status).toBe('failed');
      expect(failed.error?.code).toBe('step_retries_exhausted');
      expect(failed.error?.message).toMatch(/validate_file threw: .*storage class/i);
      expect(failed.steps[0]).toMatchObject({ name: 'validate_file', status: 'failed', attempts: 3 });
      expect(failed.delivery?.message).toContain('step_retries_exhausted');
      // The step's backoff (2 s, then 4 s, +/-20%) set each retry's visibility: the attempts come
      // back well before the queue's own 30 s visibility timeout would bring them.
      const attempts = (await recordedEventsOf(stage, failed.journeyId))
        .filter((e) => JourneyStepFailed.describes(e))
        .map((e) => JourneyStepFailed.parseDetail(e))
        .sort((a, b) => a.attempt - b.attempt);
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      const gaps = [1, 2].map((i) => Date.parse(attempts[i]!.startedAt) - Date.parse(attempts[i - 1]!.endedAt));
      expect(gaps[0]).toBeGreaterThanOrEqual(1_500);
      expect(gaps[1]).toBeGreaterThanOrEqual(3_000);
      for (const gap of gaps) expect(gap).toBeLessThan(20_000);

      // After its third delivery SQS moves the message to the dead-letter queue, whose recorder
      // keeps it with the reason (the journey already knew: the step reported its last attempt).
      const letter = await eventually(
        `the request for ${failed.journeyId} among the validate-file dead letters`,
        async () =>
          (await readDeadLetters({ store: stage.store, artifactBucket: stage.artifactBucket }, 'validate-file')).find((l) => l.journeyId === failed.journeyId),
        150_000,
      );
      expect(letter).toMatchObject({ detailType: 'Journey Step Requested', step: 'validate_file', attempts: 3, reason: { code: 'step_retries_exhausted' } });
    },
    300_000,
  );
});
