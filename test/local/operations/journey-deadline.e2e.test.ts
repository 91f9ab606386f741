import { afterEach, describe, expect, it } from 'vitest';
import { JourneyStarted } from '#events/journey-started.js';
import { journeyDeadlineSeconds, RUNNING_PREFIX } from '#domain/journeys/journey-deadline.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

/** A journey nothing moves any more: its first step's request never reached a queue. */
describe('journeys that stop moving', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('are failed with journey_deadline_exceeded once their deadline passes, and delivered as failed', async () => {
    let offsetMs = 0;
    harness = await embeddedHarness({ clock: { now: () => new Date(Date.now() + offsetMs) } });
    const { runtime } = harness;
    const finished = await harness.uploadAndWait('Kunde;Betrag\nA;10\n', 'uploads/mvp/finished.csv');
    expect(finished.status).toBe('completed');

    // Started, but the request for its first step was lost before any queue had it.
    await runtime.put('platform', [
      JourneyStarted.draft({
        schemaVersion: 1,
        journeyId: 'j-lost000000000000001',
        useCase: 'mvp',
        journey: 'upload',
        correlationId: 'lost-upload',
        causationId: 'lost-upload',
        input: { bucket: runtime.config.uploadBucket, key: 'uploads/mvp/lost.csv', size: 18, etag: 'e0' },
        steps: ['validate_file', 'process_file', 'store_file', 'notify_completion'],
        resolvedBy: 'key-prefix',
      }),
    ]);
    await runtime.idle();
    expect(runtime.journey('j-lost000000000000001')?.status).toBe('running');
    const markers = await runtime.store.list(runtime.config.artifactBucket, RUNNING_PREFIX);
    // Only the stuck journey is unfinished; the completed ones left no marker.
    expect(markers.map((m) => m.key)).toEqual([`${RUNNING_PREFIX}j-lost000000000000001.json`]);

    expect((await runtime.sweepOverdueJourneys()).failed).toEqual([]);
    offsetMs = (journeyDeadlineSeconds(defaultUseCaseRegistry(), 'mvp', 'upload') + 1) * 1000;
    const swept = await runtime.sweepOverdueJourneys();
    expect(swept).toMatchObject({ running: 1, failed: ['j-lost000000000000001'] });
    await runtime.idle();

    const view = runtime.journey('j-lost000000000000001')!;
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('journey_deadline_exceeded');
    expect(view.error?.message).toContain('validate_file is pending');
    expect(view.delivery?.message).toContain('journey_deadline_exceeded');
    expect(await runtime.store.list(runtime.config.artifactBucket, RUNNING_PREFIX)).toEqual([]);
    expect(runtime.journey(finished.journeyId)?.status).toBe('completed');
  });

  it('get a deadline from their steps\u2019 policies unless the use case declares one', () => {
    const registry = defaultUseCaseRegistry();
    // Every attempt of every step timing out and coming back after its queue's visibility timeout.
    // Three streaming passes (900 s, visibility 5,400 s, 3 attempts) and the notice (15 s, 90 s, 3 attempts).
    expect(journeyDeadlineSeconds(registry, 'mvp', 'upload')).toBe(3 * 3 * 5400 + 3 * 90);
    // Four EDA passes of 900 s with two attempts each.
    expect(journeyDeadlineSeconds(registry, 'mvp', 'eda')).toBe(4 * 2 * 5400);
  });
});
