import { describe, expect, it } from 'vitest';
import { JourneyStarted } from '#events/journey-started.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { recordedEventKey, recordEvent } from '#domain/journeys/journey-record.js';
import { recordedEvents, recordedJourney } from '#local/stage/recorded-journeys.js';
import { InMemoryObjectStore } from '../../support/in-memory-object-store.js';

const ids = { schemaVersion: 1 as const, journeyId: 'j-1', useCase: 'mvp', journey: 'upload', correlationId: 'c-1' };
const input = { bucket: 'uploads', key: 'uploads/mvp/orders.csv' };

function envelope(draft: EventDraft, id: string, time: string): EventBridgeEnvelope {
  return {
    version: '0',
    id,
    'detail-type': draft.detailType,
    source: draft.source,
    account: '0',
    time,
    region: 'us-east-1',
    resources: [],
    detail: draft.detail,
  };
}

// The step request is recorded with an earlier time than the start that caused it: order comes from causation, not from the clock.
const started = envelope(
  JourneyStarted.draft({ ...ids, causationId: 's3-1', input, steps: ['validate_file'], resolvedBy: 'key-prefix' }),
  'e-start',
  '2026-11-26T09:00:01Z',
);
const requested = envelope(
  JourneyStepRequested.draft({
    ...ids,
    causationId: 'e-start',
    input,
    step: 'validate_file',
    stepIndex: 0,
    journeyStartedAt: '2026-11-26T08:59:59Z',
    steps: ['validate_file'],
    completedSteps: [],
  }),
  'e-step',
  '2026-11-26T09:00:00Z',
);

describe("a journey read back from the stage's record", () => {
  it('folds the recorded events in causal order, leaving out objects that are not events', async () => {
    const store = new InMemoryObjectStore();
    const records = { store, artifactBucket: 'artifacts' };
    for (const event of [started, requested]) await recordEvent(event, { store, bucket: 'artifacts' });
    await store.put('artifacts', 'journeys/j-1/events/2026-11-26T09:00:02Z-half.json', '{"id": "cut sho');
    await store.put('artifacts', 'journeys/j-1/events/2026-11-26T09:00:03Z-foreign.json', '{"hello": "world"}');

    expect((await recordedEvents(records, 'j-1')).map((e) => e.id)).toEqual(['e-start', 'e-step']);
    const journey = await recordedJourney(records, 'j-1');
    expect(journey).toMatchObject({ journeyId: 'j-1', useCase: 'mvp', status: 'running', input });
    expect(journey!.steps.map((s) => s.name)).toEqual(['validate_file']);
    expect(recordedEventKey(requested) < recordedEventKey(started)).toBe(true);
  });

  it('has nothing for a journey never recorded, nor for an id that cannot name one', async () => {
    const store = new InMemoryObjectStore();
    await recordEvent(started, { store, bucket: 'artifacts' });
    const records = { store, artifactBucket: 'artifacts' };
    expect(await recordedJourney(records, 'j-2')).toBeUndefined();
    expect(await recordedEvents(records, '../j-1')).toEqual([]);
  });
});
