import { describe, expect, it } from 'vitest';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { JourneyCompletedDetail } from '#events/journey-completed.js';
import type { JourneyDeliveredDetail } from '#events/journey-delivered.js';
import { NOTIFICATION_ARTIFACT } from '#domain/delivery/notification.js';
import { deliveryNotificationKey, journeyDelivered, onJourneyCompleted } from '#domain/managers/delivery-manager.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { InMemoryObjectStore } from '../../support/in-memory-object-store.js';

const config = defaultPlatformConfig;
const envelope: EventBridgeEnvelope = {
  version: '0',
  id: 'evt-1',
  'detail-type': 'Journey Completed',
  source: 'symphainy.platform',
  account: '0',
  time: '2026-11-26T09:00:02Z',
  region: 'eu-west-1',
  resources: [],
  detail: {},
};

/** A completed journey of a use case no registry knows, whose one step wrote `body` as its notification.json. */
async function completedWithNotification(store: InMemoryObjectStore, body: string): Promise<JourneyCompletedDetail> {
  const key = `journeys/j-1/notify/${NOTIFICATION_ARTIFACT}`;
  await store.put(config.artifactBucket, key, body);
  return {
    schemaVersion: 1,
    journeyId: 'j-1',
    useCase: 'lab',
    journey: 'upload',
    correlationId: 'c',
    causationId: 'x',
    input: { bucket: config.uploadBucket, key: 'uploads/lab/orders.csv' },
    steps: [
      {
        name: 'notify',
        attempts: 1,
        startedAt: '2026-11-26T09:00:00.000Z',
        endedAt: '2026-11-26T09:00:01.000Z',
        summary: {},
        artifacts: [
          {
            name: NOTIFICATION_ARTIFACT,
            step: 'notify',
            bucket: config.artifactBucket,
            key,
            contentType: 'application/json',
            sha256: '0'.repeat(64),
            size: body.length,
          },
        ],
      },
    ],
  };
}

describe('delivery manager', () => {
  it('sends the notification a step wrote, and marks the journey delivered under notification.json', async () => {
    const store = new InMemoryObjectStore();
    const detail = await completedWithNotification(store, JSON.stringify({ subject: 'orders.csv is ready', message: '12 rows curated.' }));
    const registry = new UseCaseRegistry();
    const [delivered] = await onJourneyCompleted(envelope, detail, { registry, store, config });
    expect((delivered!.detail as JourneyDeliveredDetail).notification).toMatchObject({ subject: 'orders.csv is ready', message: '12 rows curated.' });
    expect(deliveryNotificationKey('j-1')).toBe('deliveries/j-1/notification.json');
    expect(await journeyDelivered(store, config.artifactBucket, 'j-1')).toBe(true);
  });

  it('falls back to its own wording when the step notification lacks a message', async () => {
    const store = new InMemoryObjectStore();
    const detail = await completedWithNotification(store, JSON.stringify({ subject: 'half a note' }));
    const [delivered] = await onJourneyCompleted(envelope, detail, { registry: new UseCaseRegistry(), store, config });
    expect((delivered!.detail as JourneyDeliveredDetail).notification).toMatchObject({ subject: 'orders.csv: upload journey completed' });
  });
});
