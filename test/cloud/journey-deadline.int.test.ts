import { describe, expect, it } from 'vitest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { JourneyStarted } from '#events/journey-started.js';
import { journeyDeadlineSeconds, runningMarkerKey, type RunningMarker } from '#domain/journeys/journey-deadline.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { recordedJourney } from '#local/stage/recorded-journeys.js';
import { emulatorStage } from '../support/emulator-stage.js';
import { eventually } from '../support/emulator-journeys.js';

const emulator = await emulatorStage();

/**
 * A journey that stopped moving on the deployed stage: it started, and the request for its first
 * step never reached a queue. The emulator stamps events with the time they arrive, so the
 * journey's start is moved back in the recorder's marker, as if it had started a minute before its
 * deadline (derived from its steps' policies) ran out.
 */
describe.skipIf(!emulator.available)('the journey sweeper on the emulator', () => {
  const { stage, target } = emulator.available ? emulator.emulator : ({} as never);

  it('fails a journey past its deadline with journey_deadline_exceeded, and it is delivered as failed', async () => {
    const journeyId = `j-stalled${Date.now().toString(36)}`;
    const started = JourneyStarted.draft({
      schemaVersion: 1,
      journeyId,
      useCase: 'mvp',
      journey: 'upload',
      correlationId: `upload-${journeyId}`,
      causationId: `upload-${journeyId}`,
      input: { bucket: stage.uploadBucket, key: `uploads/mvp/${journeyId}.csv`, size: 42, etag: '5d41402abc4b2a76b9719d911017c592' },
      steps: ['validate_file', 'process_file', 'store_file', 'notify_completion'],
      resolvedBy: 'key-prefix',
    });
    const put = await new EventBridgeClient(stage.clientConfig).send(
      new PutEventsCommand({
        Entries: [{ EventBusName: stage.eventBusName, Source: started.source, DetailType: started.detailType, Detail: JSON.stringify(started.detail) }],
      }),
    );
    expect(put.FailedEntryCount ?? 0).toBe(0);
    const markerKey = runningMarkerKey(journeyId);
    const marker = await eventually(
      'the running marker the journey recorder keeps',
      async () => {
        const object = await stage.store.get(stage.artifactBucket, markerKey);
        return object ? (JSON.parse(new TextDecoder().decode(object.body)) as RunningMarker) : undefined;
      },
      60_000,
    );
    expect(marker).toMatchObject({ journeyId, useCase: 'mvp', journey: 'upload', redrive: 0 });
    const deadlineMs = journeyDeadlineSeconds(defaultUseCaseRegistry(), 'mvp', 'upload') * 1000;
    const longAgo: RunningMarker = { ...marker, since: new Date(Date.now() - deadlineMs - 60_000).toISOString() };
    await stage.store.put(stage.artifactBucket, markerKey, JSON.stringify(longAgo), { contentType: 'application/json' });

    // What the stage's schedule does every few minutes.
    const invoked = await new LambdaClient(stage.clientConfig).send(new InvokeCommand({ FunctionName: `symphainy-${target.stage}-journey-sweeper` }));
    expect(invoked.FunctionError, new TextDecoder().decode(invoked.Payload)).toBeUndefined();
    expect(JSON.parse(new TextDecoder().decode(invoked.Payload)).failed).toContain(journeyId);

    const failed = await eventually(
      'the stalled journey to fail and be delivered',
      async () => {
        const view = await recordedJourney(stage, journeyId);
        return view && view.status === 'failed' && view.delivery ? view : undefined;
      },
      90_000,
    );
    expect(failed.error).toMatchObject({ code: 'journey_deadline_exceeded', message: expect.stringContaining('validate_file is pending') });
    expect(failed.delivery?.message).toContain('journey_deadline_exceeded');
    await eventually('the marker to be removed', async () => ((await stage.store.head(stage.artifactBucket, markerKey)) ? undefined : true), 60_000);
  }, 240_000);
});
