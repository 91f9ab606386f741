import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PutObjectCommand, RestoreObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { findUploadJourney, type CloudUpload } from '#local/cloud/cloud-upload.js';
import { recordedJourney, recordedJourneyIds } from '#local/stage/recorded-journeys.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { eventually } from '../support/emulator-journeys.js';
import { runCli } from '../support/run-cli.js';

const emulator = await emulatorStage();

/** Minute readings of heat pumps as a building-services team exports them (its own names and units), a megabyte at a time. */
async function* heatPumpReadings(rows: number): AsyncGenerator<Uint8Array> {
  const start = Date.UTC(2024, 0, 1);
  let lines = ['measured_at,unit_serial,flow_temp_c,return_temp_c,power_kw,mode'];
  for (let i = 0; i < rows; i++) {
    const flow = 35 + ((i * 7919) % 200) / 10;
    lines.push(
      `${new Date(start + i * 60_000).toISOString()},HP-${String(1 + (i % 250)).padStart(4, '0')},${flow.toFixed(1)},${(flow - 5 - (i % 3)).toFixed(1)},${(2 + ((i * 31) % 90) / 10).toFixed(2)},${i % 11 === 0 ? 'defrost' : 'heat'}`,
    );
    if (lines.length === 16_384) {
      yield Buffer.from(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) yield Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * Redrive on the deployed local stage, with failures that are properties of the world, not of a
 * test hook: a step that runs past its real Lambda timeout, an upload that cannot be read until it
 * is restored from an archive storage class, and a message that is no event in a function queue.
 */
describe.skipIf(!emulator.available)('redrive and dead letters on the emulator', () => {
  const { stage, target, sqs, queueUrl } = emulator.available ? emulator.emulator : ({} as never);
  const endpoint = target?.endpoint ?? '';
  const env = { AWS_ENDPOINT_URL: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', NODE_NO_WARNINGS: '1' };
  const cli = (args: string[]) => runCli([...args, '--endpoint', endpoint], { env });

  async function journeyOf(
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
      2_000,
    );
  }

  async function put(key: string, body: string, options: { metadata?: Record<string, string>; archived?: boolean } = {}) {
    const before = new Set(await recordedJourneyIds(stage));
    const out = await stage.s3.send(
      new PutObjectCommand({
        Bucket: stage.uploadBucket,
        Key: key,
        Body: body,
        ...(options.metadata ? { Metadata: options.metadata } : {}),
        ...(options.archived ? { StorageClass: 'GLACIER' } : {}),
      }),
    );
    const upload: CloudUpload = {
      bucket: stage.uploadBucket,
      key,
      etag: (out.ETag ?? '').replace(/"/g, ''),
      ...(out.VersionId ? { versionId: out.VersionId } : {}),
    };
    return { upload, before };
  }

  it.concurrent(
    'fails a journey whose step ran out of its Lambda timeout, with the reason, and keeps its dead letter',
    async () => {
      // 6,000,000 rows, about 320 MB gzipped, streamed up in parts as the CLI does. A gzip stream
      // can only be read from its start, so load_data reads it in one pass, not in shards: for well
      // over 15 s here (a 100 MB file took 4.7 s), three times the local stage's 5 s timeout. It
      // streams, so its watchdog reports the timeout before the runtime stops the attempt.
      const key = uniqueKey('mvp', 'heat-pumps-2024.csv.gz');
      const before = new Set(await recordedJourneyIds(stage));
      const gzipped = Readable.from(heatPumpReadings(6_000_000)).pipe(createGzip({ level: 1 }));
      const put = await stage.store.putStream(stage.uploadBucket, key, gzipped, { metadata: { journey: 'eda' } });
      expect(put.size).toBeGreaterThan(20_000_000);
      const upload: CloudUpload = { bucket: stage.uploadBucket, key, etag: put.etag.replace(/"/g, ''), ...(put.versionId ? { versionId: put.versionId } : {}) };
      const failed = await journeyOf(upload, before, 'the EDA journey to fail', (v) => v.status !== 'running' && v.delivery !== null, 300_000);
      expect(failed.status).toBe('failed');
      expect(failed.steps[0]).toMatchObject({ name: 'load_data', status: 'failed' });
      expect(failed.error).toMatchObject({ code: 'step_timed_out', message: expect.stringContaining('load_data ran out of its 5 s timeout') });

      // The message comes back once more after the queue's visibility timeout, then goes to the dead-letter queue and its recorder.
      const letter = await eventually(
        'the dead letter of the timed-out request',
        async () => {
          const shown = cli(['dlq', 'show', 'load-data', '--json']);
          if (shown.status !== 0) return undefined;
          return (JSON.parse(shown.stdout) as { journeyId: string; reason: { code: string }; attempts: number }[]).find(
            (l) => l.journeyId === failed.journeyId,
          );
        },
        180_000,
        3_000,
      );
      expect(letter).toMatchObject({ reason: { code: 'step_timed_out' }, attempts: 2 });
    },
    600_000,
  );

  it.concurrent(
    'keeps a message that is no event, sent to a function queue by hand, as a dead letter with its reason',
    async () => {
      const marker = `shipment ${Date.now().toString(36)} left the warehouse`;
      await sqs.send(new SendMessageCommand({ QueueUrl: await queueUrl('validate-file'), MessageBody: marker }));
      const letter = await eventually(
        'the hand-sent message among the validate-file dead letters',
        async () => {
          const shown = cli(['dlq', 'show', 'validate-file', '--json']);
          if (shown.status !== 0) return undefined;
          // Dead letters of earlier runs on this stage may be there too: this one is known by its body.
          for (const candidate of (JSON.parse(shown.stdout) as { messageId: string; detailType: string; reason: { code: string } }[]).filter(
            (l) => l.detailType === '(not an event)' && l.reason.code === 'malformed_event',
          )) {
            const kept = await stage.store.get(stage.artifactBucket, `state/dead-letters/validate-file/${encodeURIComponent(candidate.messageId)}.json`);
            if (kept && (JSON.parse(new TextDecoder().decode(kept.body)) as { body: string }).body === marker) return candidate;
          }
          return undefined;
        },
        240_000,
        3_000,
      );
      const refused = cli(['dlq', 'redrive', 'validate-file', '--message', letter.messageId]);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain('the message is not an event');
    },
    300_000,
  );

  it.concurrent(
    'redrives a journey that failed for good once its input can be read, from the command line',
    async () => {
      const { upload, before } = await put(uniqueKey('mvp', 'archived-sensor-log.csv'), 'sensor,reading_c\nS1,21.5\nS2,19.0\n', { archived: true });
      const failed = await journeyOf(upload, before, 'the journey to fail', (v) => v.status !== 'running' && v.delivery !== null, 180_000);
      expect(failed.error?.code).toBe('step_retries_exhausted');

      const early = cli(['redrive', 'j-00000000000000000000']);
      expect(early.status).toBe(3);
      await stage.s3.send(
        new RestoreObjectCommand({ Bucket: upload.bucket, Key: upload.key, RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }),
      );
      const redriven = cli(['redrive', failed.journeyId, '--json']);
      expect(redriven.status, redriven.stderr).toBe(0);
      expect(JSON.parse(redriven.stdout)).toMatchObject({ redriven: true, step: 'validate_file', redrive: 1 });

      const done = await journeyOf(upload, before, 'the redriven journey to complete', (v) => v.status === 'completed' && v.delivery !== null, 180_000);
      expect(done.steps.every((s) => s.status === 'completed')).toBe(true);
      expect(done.steps[0]!.runs).toEqual([
        expect.objectContaining({ redrive: 0, status: 'failed', attempts: 3 }),
        // Restoring takes effect on the emulator within a few seconds: the redrive may need a retry of its own.
        expect.objectContaining({ redrive: 1, status: 'completed' }),
      ]);
      const again = cli(['redrive', failed.journeyId, '--json']);
      expect(again.status).toBe(1);
      expect(JSON.parse(again.stdout)).toMatchObject({ redriven: false, code: 'journey_completed' });
    },
    420_000,
  );
});
