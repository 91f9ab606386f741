import { afterEach, describe, expect, it } from 'vitest';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

describe('at-least-once delivery', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('every event delivered twice still yields one set of artifacts and one notification', async () => {
    harness = await embeddedHarness({ duplicateDeliveries: true });
    const view = await harness.uploadAndWait('id,city\n1,Oslo\n2,Lima\n', 'uploads/mvp/twice.csv');
    expect(view.status).toBe('completed');

    const events = harness.runtime.events(view.journeyId);
    const count = (type: string) => events.filter((e) => e['detail-type'] === type).length;
    expect(count('Journey Started')).toBe(1);
    expect(count('Journey Completed')).toBe(1);
    expect(count('Journey Delivered')).toBe(1);
    for (const step of view.steps) {
      expect(events.filter((e) => e['detail-type'] === 'Journey Step Completed' && (e.detail as { step: string }).step === step.name)).toHaveLength(1);
    }
    const artifactBucket = harness.runtime.config.artifactBucket;
    const notifications = await harness.runtime.store.list(artifactBucket, `deliveries/${view.journeyId}/notification`);
    expect(notifications).toHaveLength(1);
    const written = await harness.runtime.store.list(artifactBucket, `journeys/${view.journeyId}/`);
    const names = written.map((h) => h.key);
    expect(new Set(names).size).toBe(names.length);
    expect(harness.runtime.deadLetters()).toEqual([]);
  });
});
