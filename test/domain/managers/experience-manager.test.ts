import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eventBridgeEnvelope } from '#events/platform-event.js';
import { S3ObjectCreated } from '#events/s3-object-created.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { onObjectCreated, onStepCompleted, resolveUseCase } from '#domain/managers/experience-manager.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { InMemoryObjectStore } from '../../support/in-memory-object-store.js';

const registry = defaultUseCaseRegistry();
const s3Sample = eventBridgeEnvelope.parse(JSON.parse(readFileSync(new URL('../../../events/samples/s3-object-created.json', import.meta.url), 'utf8')));

describe('use-case resolution', () => {
  it('prefers object metadata over the key prefix', () => {
    expect(resolveUseCase('uploads/mvp/a.csv', { 'use-case': 'insurance_ai' }, registry)).toMatchObject({
      ok: true,
      useCase: 'insurance_ai',
      resolvedBy: 'metadata',
    });
    expect(resolveUseCase('uploads/autonomous_vehicle/a.csv', {}, registry)).toMatchObject({
      ok: true,
      useCase: 'autonomous_vehicle',
      resolvedBy: 'key-prefix',
    });
  });

  it('explains what it cannot place', () => {
    expect(resolveUseCase('uploads/a.csv', {}, registry)).toMatchObject({ ok: false, code: 'missing_use_case' });
    expect(resolveUseCase('uploads/rockets/a.csv', {}, registry)).toMatchObject({ ok: false, code: 'unknown_use_case', useCase: 'rockets' });
    const unknownJourney = resolveUseCase('uploads/mvp/a.csv', { journey: 'teleport' }, registry);
    expect(unknownJourney).toMatchObject({ ok: false, code: 'unknown_journey' });
    expect(!unknownJourney.ok && unknownJourney.message).toContain('mvp');
  });
});

describe('experience manager', () => {
  it('starts the upload journey for a placed upload, with the decoded key and the same journey id for a redelivery', async () => {
    const store = new InMemoryObjectStore();
    await store.put('symphainy-uploads', 'uploads/mvp/customers 2026 Q4.csv', 'a,b\n1,2\n');
    const detail = S3ObjectCreated.parseDetail(s3Sample);
    const first = await onObjectCreated(s3Sample, detail, { registry, store });
    const again = await onObjectCreated(s3Sample, detail, { registry, store });
    expect(first.map((d) => d.detailType)).toEqual(['Journey Started', 'Journey Step Requested']);
    expect(first[1]!.detail).toMatchObject({ step: 'validate_file', stepIndex: 0, useCase: 'mvp', input: { key: 'uploads/mvp/customers 2026 Q4.csv' } });
    expect((again[0]!.detail as { journeyId: string }).journeyId).toBe((first[0]!.detail as { journeyId: string }).journeyId);
  });

  it('rejects an upload whose object is already gone', async () => {
    const drafts = await onObjectCreated(s3Sample, S3ObjectCreated.parseDetail(s3Sample), { registry, store: new InMemoryObjectStore() });
    expect(drafts.map((d) => d.detailType)).toEqual(['Upload Rejected']);
    expect(drafts[0]!.detail).toMatchObject({ error: { code: 'object_missing' } });
  });

  it('rejects an upload whose key no journey may take, with the reason, before reading the object', async () => {
    const store = new InMemoryObjectStore();
    const key = 'uploads/mvp/\u001b[2Jcleared.csv';
    await store.put('symphainy-uploads', key, 'a,b\n1,2\n');
    const detail = S3ObjectCreated.parseDetail(s3Sample);
    const drafts = await onObjectCreated(s3Sample, { ...detail, object: { ...detail.object, key: encodeURIComponent(key) } }, { registry, store });
    expect(drafts.map((d) => d.detailType)).toEqual(['Upload Rejected']);
    expect(drafts[0]!.detail).toMatchObject({ error: { code: 'invalid_key', message: expect.stringContaining('control character U+001B') } });
  });

  it('requests the next step after a step completes, and completes the journey after the last', () => {
    const record = { name: 'store_file', attempts: 1, startedAt: '2026-11-26T09:00:00.000Z', endedAt: '2026-11-26T09:00:01.000Z', artifacts: [], summary: {} };
    const base = {
      schemaVersion: 1 as const,
      journeyId: 'j-1',
      useCase: 'mvp',
      journey: 'upload',
      correlationId: 'c',
      causationId: 'x',
      input: { bucket: 'b', key: 'uploads/mvp/a.csv' },
      journeyStartedAt: '2026-11-26T09:00:00Z',
      steps: ['validate_file', 'process_file', 'store_file', 'notify_completion'],
      record,
      completedSteps: [record],
    };
    const envelope = { ...s3Sample, id: 'evt-9', source: JourneyStepCompleted.source, 'detail-type': JourneyStepCompleted.detailType };
    const next = onStepCompleted(envelope, JourneyStepCompleted.draft({ ...base, step: 'store_file', stepIndex: 2 }).detail);
    expect(next[0]).toMatchObject({
      detailType: 'Journey Step Requested',
      detail: { step: 'notify_completion', stepIndex: 3, causationId: 'evt-9', journeyStartedAt: '2026-11-26T09:00:00Z' },
    });
    const done = onStepCompleted(envelope, JourneyStepCompleted.draft({ ...base, step: 'notify_completion', stepIndex: 3 }).detail);
    expect(done[0]).toMatchObject({ detailType: 'Journey Completed' });
  });
});
