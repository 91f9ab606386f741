import { afterAll, describe, expect, it } from 'vitest';
import { PutObjectCommand, RestoreObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { findUploadJourney, type CloudUpload } from '#local/cloud/cloud-upload.js';
import { recordedJourney, recordedJourneyIds } from '#local/cloud/recorded-journeys.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { eventually } from '../support/emulator-journeys.js';
import { runCli } from '../support/run-cli.js';

const emulator = await emulatorStage();

/** Half-hourly heat-pump readings as a building-services team exports them: its own column names and units. */
function heatPumpReadings(rows: number): string {
  const lines = ['measured_at,unit_serial,flow_temp_c,return_temp_c,power_kw,mode'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const flow = 35 + ((i * 7919) % 200) / 10;
    lines.push(`${new Date(start + i * 60_000).toISOString()},HP-${String(1 + (i % 250)).padStart(4, '0')},${flow.toFixed(1)},${(flow - 5 - (i % 3)).toFixed(1)},${(2 + ((i * 31) % 90) / 10).toFixed(2)},${i % 11 === 0 ? 'defrost' : 'heat'}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Redrive on the deployed local stage, with failures that are properties of the world, not of a
 * test hook: a Lambda that runs past its real timeout, and an upload that cannot be read until
 * it is restored from an archive storage class.
 */
describe.skipIf(!emulator.available)('redrive and dead letters on the emulator', () => {
  const { stage, target, sqs, queueUrl } = emulator.available ? emulator.emulator : ({} as never);
  const endpoint = target?.endpoint ?? '';
  const env = { AWS_ENDPOINT_URL: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', NODE_NO_WARNINGS: '1' };
  const cli = (args: string[]) => runCli([...args, '--endpoint', endpoint], { env });
  const lambda = emulator.available ? new LambdaClient(stage.clientConfig) : (undefined as never);
  const deployedTimeouts = new Map<string, number>();
  afterAll(async () => {
    for (const [name, timeout] of deployedTimeouts) await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: timeout }));
  });

  async function journeyOf(upload: CloudUpload, before: Set<string>, what: string, holds: (view: JourneyView) => boolean, timeoutMs: number): Promise<JourneyView> {
    let journeyId: string | undefined;
    return eventually(what, async () => {
      const view = journeyId ? await recordedJourney(stage, journeyId) : await findUploadJourney(stage, upload, before);
      journeyId ??= view?.journeyId;
      return view && holds(view) ? view : undefined;
    }, timeoutMs, 2_000);
  }

  async function put(key: string, body: string, options: { metadata?: Record<string, string>; archived?: boolean } = {}) {
    const before = new Set(await recordedJourneyIds(stage));
    const out = await stage.s3.send(new PutObjectCommand({ Bucket: stage.uploadBucket, Key: key, Body: body, ...(options.metadata ? { Metadata: options.metadata } : {}), ...(options.archived ? { StorageClass: 'GLACIER' } : {}) }));
    const upload: CloudUpload = { bucket: stage.uploadBucket, key, etag: (out.ETag ?? '').replace(/"/g, ''), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
    return { upload, before };
  }

  it.concurrent('fails a journey whose step the runtime stopped at its Lambda timeout, with the reason, keeps the dead letter, and its redrive from dlq completes the journey without re-running the steps before', async () => {
    // 1,600,000 rows (about 96 MB, just under the upload limit): loading them takes longer than the
    // local stage's 5 s (600,000 rows took 1.8 s). load_data admits the file in one synchronous
    // parse, during which its watchdog cannot run: the runtime stops it without a report, and the
    // recorder can only say it was killed (step_out_of_memory, which names the timeout too). A step
    // that streams, as explore_data does, reports step_timed_out itself. Either one is redriven.
    const { upload, before } = await put(uniqueKey('mvp', 'heat-pumps-2024.csv'), heatPumpReadings(1_600_000), { metadata: { journey: 'eda' } });
    const failed = await journeyOf(upload, before, 'the EDA journey to fail', (v) => v.status !== 'running' && v.delivery !== null, 240_000);
    expect(failed.status).toBe('failed');
    const index = failed.steps.findIndex((s) => s.status === 'failed');
    const timedOut = failed.steps[index]!;
    expect(['load_data', 'explore_data']).toContain(timedOut.name);
    expect(failed.error).toMatchObject(
      failed.error?.code === 'step_out_of_memory'
        ? { message: expect.stringContaining(`${timedOut.name} attempt 2 of 2 stopped without reporting`) }
        : { code: 'step_timed_out', message: expect.stringContaining(`${timedOut.name} ran out of its 5 s timeout`) },
    );
    const earlier = failed.steps.slice(0, index);
    const functionName = timedOut.name.replace(/_/g, '-');

    // The message comes back once more after the queue's visibility timeout, then goes to the dead-letter queue and its recorder.
    const letter = await eventually('the dead letter of the timed-out request', async () => {
      const shown = cli(['dlq', 'show', functionName, '--json']);
      if (shown.status !== 0) return undefined;
      return (JSON.parse(shown.stdout) as { journeyId: string; messageId: string; reason: { code: string }; attempts: number }[]).find((l) => l.journeyId === failed.journeyId);
    }, 150_000, 3_000);
    expect(letter).toMatchObject({ reason: { code: failed.error!.code }, attempts: 2 });

    // The operator's fix: more time for the EDA functions. Then the dead letter is redriven.
    for (const name of ['load-data', 'explore-data']) {
      const deployed = `symphainy-${target.stage}-${name}`;
      if (!deployedTimeouts.has(deployed)) deployedTimeouts.set(deployed, (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: deployed }))).Timeout!);
      await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: deployed, Timeout: 120 }));
    }
    const redriven = cli(['dlq', 'redrive', functionName, '--message', letter.messageId, '--json']);
    expect(redriven.status, redriven.stderr).toBe(0);
    expect(JSON.parse(redriven.stdout).results[0]).toMatchObject({ outcome: 'redriven', journeyId: failed.journeyId });

    const done = await journeyOf(upload, before, 'the redriven journey to complete', (v) => v.status === 'completed' && v.delivery !== null, 240_000);
    expect(done.redrives).toBe(1);
    // The steps before did not run again: the same records, the same artifacts.
    expect(done.steps.slice(0, index)).toEqual(earlier);
    expect(done.steps[index]!.runs.map((r) => [r.redrive, r.status])).toEqual([[0, 'failed'], [1, 'completed']]);
    const stillDead = JSON.parse(cli(['dlq', 'show', functionName, '--json']).stdout) as { journeyId: string }[];
    expect(stillDead.some((l) => l.journeyId === failed.journeyId)).toBe(false);
  }, 600_000);

  it.concurrent('keeps a message that is no event, sent to a function queue by hand, as a dead letter with its reason', async () => {
    const marker = `shipment ${Date.now().toString(36)} left the warehouse`;
    await sqs.send(new SendMessageCommand({ QueueUrl: await queueUrl('validate-file'), MessageBody: marker }));
    const letter = await eventually('the hand-sent message among the validate-file dead letters', async () => {
      const shown = cli(['dlq', 'show', 'validate-file', '--json']);
      if (shown.status !== 0) return undefined;
      // Dead letters of earlier runs on this stage may be there too: this one is known by its body.
      for (const candidate of (JSON.parse(shown.stdout) as { messageId: string; detailType: string; reason: { code: string } }[]).filter((l) => l.detailType === '(not an event)' && l.reason.code === 'malformed_event')) {
        const kept = await stage.store.get(stage.artifactBucket, `state/dead-letters/validate-file/${encodeURIComponent(candidate.messageId)}.json`);
        if (kept && (JSON.parse(new TextDecoder().decode(kept.body)) as { body: string }).body === marker) return candidate;
      }
      return undefined;
    }, 240_000, 3_000);
    const refused = cli(['dlq', 'redrive', 'validate-file', '--message', letter.messageId]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('the message is not an event');
  }, 300_000);

  it.concurrent('redrives a journey that failed for good once its input can be read, from the command line', async () => {
    const { upload, before } = await put(uniqueKey('mvp', 'archived-sensor-log.csv'), 'sensor,reading_c\nS1,21.5\nS2,19.0\n', { archived: true });
    const failed = await journeyOf(upload, before, 'the journey to fail', (v) => v.status !== 'running' && v.delivery !== null, 180_000);
    expect(failed.error?.code).toBe('step_retries_exhausted');

    const early = cli(['redrive', 'j-00000000000000000000']);
    expect(early.status).toBe(3);
    await stage.s3.send(new RestoreObjectCommand({ Bucket: upload.bucket, Key: upload.key, RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }));
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
  }, 420_000);
});
