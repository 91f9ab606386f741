import { describe, expect, it } from 'vitest';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { foldJourney } from '#domain/journeys/journey-state.js';
import { inCausalOrder } from '#domain/journeys/journey-record.js';
import { embeddedHarness } from '../../support/embedded-harness.js';

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the journey recorder', () => {
  it('rebuilds a journey from its recorded events alone, in whatever order storage lists them', async () => {
    const harness = await embeddedHarness();
    try {
      const view = await harness.uploadAndWait('id,name\n1,a\n2,b\n', 'uploads/mvp/record.csv');
      expect(view.status).toBe('completed');
      const { store, config } = harness.runtime;
      const heads = await store.list(config.artifactBucket, `journeys/${view.journeyId}/events/`);
      const recorded = await Promise.all(
        heads.map(async (h) => JSON.parse(new TextDecoder().decode((await store.get(h.bucket, h.key))!.body)) as EventBridgeEnvelope),
      );
      const journal = harness.runtime.events(view.journeyId);
      expect(recorded.map((e) => e.id).sort()).toEqual(journal.map((e) => e.id).sort());
      // Whole-second times tie within a fast journey: the causal chain restores journal order.
      for (const seed of [1, 2, 3]) {
        expect(inCausalOrder(shuffled(recorded, seed)).map((e) => e.id)).toEqual(journal.map((e) => e.id));
      }
      const rebuilt = foldJourney(view.journeyId, inCausalOrder(recorded));
      expect(rebuilt).toEqual(view);
    } finally {
      harness.close();
    }
  });
});
