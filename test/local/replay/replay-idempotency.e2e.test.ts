import { afterEach, describe, expect, it } from 'vitest';
import { JourneyDelivered } from '#events/journey-delivered.js';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { journeyIdForFollowOn, journeyIdForReplay } from '#domain/journeys/journey-id.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { journeyIdOf } from '#local/replay/journey-of-event.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { eventOf, listenOnRuntime, waitForMessagesSettled, type EventListener } from '../../support/wait-for-event.js';

const ORDERS = 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n';

/** Uploads, then waits for the journey's delivery and for every follow-on journey it asked for. */
async function deliveredUpload(runtime: EmbeddedRuntime, bus: EventListener, key: string): Promise<string> {
  const { journeyId } = await runtime.upload({ body: ORDERS, key });
  const delivered = JourneyDelivered.parseDetail(await bus.waitForEvent(eventOf('Journey Delivered', journeyId), { timeout: 30_000 }));
  for (const journey of delivered.followOn) await bus.waitForEvent(eventOf('Journey Delivered', journeyIdForFollowOn(journeyId, journey)), { timeout: 30_000 });
  return journeyId;
}

/** Every object whose key names the journey, with its etag: what a replay must leave as it is. */
async function objectsOf(runtime: EmbeddedRuntime, journeyId: string): Promise<Record<string, string>> {
  const heads = await runtime.store.list(runtime.config.artifactBucket, '');
  return Object.fromEntries(heads.filter((h) => h.key.includes(journeyId)).map((h) => [h.key, h.etag]));
}

/** Every event the journey's journal holds, trigger included, as a replay from an archive re-sends it. */
function journaledEvents(runtime: EmbeddedRuntime, journeyId: string): { bus: 'default' | 'platform'; event: EventBridgeEnvelope }[] {
  return runtime.journalRecords().flatMap((r) => (r.kind === 'event' && journeyIdOf(r.event) === journeyId ? [{ bus: r.bus, event: r.event }] : []));
}

describe('replaying a delivered journey through the platform itself', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('changes nothing: no step runs again, no artifact, notification or event is added (replayed events get new ids)', async () => {
    harness = await embeddedHarness();
    const { runtime } = harness;
    const bus = listenOnRuntime(runtime);
    const journeyId = await deliveredUpload(runtime, bus, 'uploads/mvp/orders.csv');
    const objectsBefore = await objectsOf(runtime, journeyId);
    const eventsBefore = runtime.events(journeyId).length;
    expect(Object.keys(objectsBefore).some((k) => k.startsWith(`deliveries/${journeyId}/notification`))).toBe(true);

    const messages = journaledEvents(runtime, journeyId).flatMap(({ bus: role, event }) =>
      runtime.replay(role, [event], { replayName: 'replay-everything-again' }),
    );
    expect(messages.map((m) => m.target)).toEqual(expect.arrayContaining(['experience-manager', 'validate-file', 'delivery-manager']));
    await waitForMessagesSettled(
      runtime,
      messages.map((m) => m.messageId),
      { timeout: 30_000 },
    );

    expect(await objectsOf(runtime, journeyId)).toEqual(objectsBefore);
    const after = runtime.events(journeyId);
    expect(after.filter((e) => !e['replay-name'])).toHaveLength(eventsBefore);
    expect(runtime.journey(journeyId)).toMatchObject({ status: 'completed' });
    expect(runtime.deadLetters()).toEqual([]);
  });

  it('an as-new replay of the trigger runs the journey again, complete, under a fresh id; the original stays as it was', async () => {
    harness = await embeddedHarness();
    const { runtime } = harness;
    const bus = listenOnRuntime(runtime);
    const journeyId = await deliveredUpload(runtime, bus, 'uploads/mvp/orders.csv');
    const objectsBefore = await objectsOf(runtime, journeyId);
    const trigger = journaledEvents(runtime, journeyId).find((e) => e.event['detail-type'] === 'Object Created')!;

    runtime.replay(trigger.bus, [trigger.event], { replayName: 'as-new-after-the-fix' });
    const fresh = journeyIdForReplay(journeyId, 'as-new-after-the-fix');
    await bus.waitForEvent(eventOf('Journey Delivered', fresh), { timeout: 30_000 });

    const view = runtime.journey(fresh)!;
    expect(view).toMatchObject({ status: 'completed', useCase: 'mvp', journey: 'upload' });
    expect(view.steps.map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(view.artifacts.every((a) => a.key.includes(fresh))).toBe(true);
    expect(await runtime.store.head(runtime.config.artifactBucket, `deliveries/${fresh}/notification.json`)).toBeDefined();
    expect(await objectsOf(runtime, journeyId)).toEqual(objectsBefore);
  });

  it('on a bus that keeps event ids on replay (as MiniStack does), an as-new replay still runs and a plain one still does nothing', async () => {
    harness = await embeddedHarness();
    const { runtime } = harness;
    const bus = listenOnRuntime(runtime);
    const journeyId = await deliveredUpload(runtime, bus, 'uploads/mvp/orders.csv');
    const trigger = journaledEvents(runtime, journeyId).find((e) => e.event['detail-type'] === 'Object Created')!;

    const plain = runtime.replay(trigger.bus, [trigger.event], { replayName: 'same-ids', keepIds: true });
    await waitForMessagesSettled(
      runtime,
      plain.map((m) => m.messageId),
      { timeout: 30_000 },
    );
    const started = () =>
      bus.seen
        .filter((e) => e['detail-type'] === 'Journey Started' && !e['replay-name'])
        .map((e) => (e.detail as { replayOf?: string; journeyId: string }).replayOf ?? (e.detail as { journeyId: string }).journeyId);
    expect(started().filter((id) => id === journeyId)).toHaveLength(1);

    runtime.replay(trigger.bus, [trigger.event], { replayName: 'as-new-same-ids', keepIds: true });
    await bus.waitForEvent(eventOf('Journey Delivered', journeyIdForReplay(journeyId, 'as-new-same-ids')), { timeout: 30_000 });
    expect(runtime.journey(journeyIdForReplay(journeyId, 'as-new-same-ids'))).toMatchObject({ status: 'completed' });
  });
});
