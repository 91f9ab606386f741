import { describe, expect, it } from 'vitest';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { journeyIdOfRecordKey, recordedEventKey, recordEvent } from '#domain/journeys/journey-record.js';
import { InMemoryObjectStore } from '../../support/in-memory-object-store.js';

describe('the journey record', () => {
  it('keys each event under its journey, time first', () => {
    const event = { id: 'e-1', time: '2026-01-02T03:04:05Z', 'detail-type': 'Journey Started', detail: { journeyId: 'j-abc' } } as EventBridgeEnvelope;
    const key = recordedEventKey(event);
    expect(key).toBe('journeys/j-abc/events/2026-01-02T03:04:05Z-e-1.json');
    expect(journeyIdOfRecordKey(key)).toBe('j-abc');
    expect(journeyIdOfRecordKey('journeys/j-abc/validate_file/report.json')).toBeUndefined();
    expect(() => recordedEventKey({ ...event, detail: {} })).toThrow(/no usable journeyId/);
  });

  it('writes an event once: a redelivery finds it recorded', async () => {
    const store = new InMemoryObjectStore();
    const event = { id: 'e-1', time: '2026-01-02T03:04:05Z', 'detail-type': 'Journey Started', detail: { journeyId: 'j-abc' } } as EventBridgeEnvelope;
    expect(await recordEvent(event, { store, bucket: 'artifacts' })).toBe(true);
    expect(await recordEvent(event, { store, bucket: 'artifacts' })).toBe(false);
    expect((await store.list('artifacts', 'journeys/j-abc/events/')).map((h) => h.key)).toEqual([recordedEventKey(event)]);
  });
});
