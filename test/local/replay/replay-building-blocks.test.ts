import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { matchesFilter, parseTimeArgument } from '#local/replay/event-filter.js';
import { readFixtureFile } from '#local/replay/fixture-files.js';
import { journeyIdOf } from '#local/replay/journey-of-event.js';
import { planReplay } from '#local/replay/replay-plan.js';
import { replayNameFor } from '#local/replay/replay-name.js';
import { routeExplainer } from '#local/replay/route-explanation.js';
import { busOf } from '#local/replay/sourced-event.js';
import { diffTraces, isTolerablyUnstable } from '#local/replay/trace-diff.js';
import { readRecording } from '#local/replay/recording.js';
import { putPlannedEvents } from '#local/replay/embedded-replay.js';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';

const sample = (name: string): EventBridgeEnvelope =>
  eventBridgeEnvelope.parse(JSON.parse(readFileSync(new URL(`../../../events/samples/${name}.json`, import.meta.url), 'utf8')));
const objectCreated = sample('s3-object-created');
const stepRequested = sample('journey-step-requested');
const routes = routingTable(defaultUseCaseRegistry(), { uploadBucket: defaultPlatformConfig.uploadBucket });

describe('fixture files', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'symphainy-fixtures-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('read one envelope, an array of them, NDJSON, and recordings, each event on its bus', () => {
    expect(readFixtureFile(write('one.json', JSON.stringify(objectCreated))).events.map((e) => e.bus)).toEqual(['default']);
    expect(readFixtureFile(write('two.json', JSON.stringify([objectCreated, stepRequested]))).events.map((e) => e.origin.split(' ').pop())).toEqual([
      '[0]',
      '[1]',
    ]);
    const ndjson = readFixtureFile(write('lines.ndjson', `${JSON.stringify(stepRequested)}\n\n${JSON.stringify(objectCreated)}\n`));
    expect(ndjson.events.map((e) => [e.bus, e.origin.split(' ').slice(-2).join(' ')])).toEqual([
      ['platform', 'line 1'],
      ['default', 'line 3'],
    ]);
    const recording = readFixtureFile(new URL('../../../events/recordings/mvp-orders.json', import.meta.url).pathname);
    expect(recording.recording?.name).toBe('mvp-orders');
    expect(recording.events).toHaveLength(1);
  });

  it('say where and why an event breaks its contract, and then offer no events at all', () => {
    const broken = readFixtureFile(
      write('broken.json', JSON.stringify([objectCreated, { ...stepRequested, detail: { ...(stepRequested.detail as object), stepIndex: -1 } }, { id: 'x' }])),
    );
    expect(broken.events).toEqual([]);
    expect(broken.problems[0]).toMatch(/^\[1\]: Journey Step Requested: detail\.stepIndex: /);
    expect(broken.problems.some((p) => p.startsWith('[2]: version:'))).toBe(true);
    expect(readFixtureFile(write('empty.ndjson', '\n')).problems).toEqual(['holds no events']);
    const tampered = JSON.parse(readFileSync(new URL('../../../events/recordings/mvp-orders.json', import.meta.url), 'utf8'));
    tampered.input.body = tampered.input.body.replace('9.99', '9.98');
    expect(readFixtureFile(write('tampered.json', JSON.stringify(tampered))).problems.join()).toContain('recording input.sha256: recorded');
  });
});

describe('which events a replay selects', () => {
  it('finds an upload trigger by the journey id it derives, and its use case by the key prefix', () => {
    const journeyId = journeyIdOf(objectCreated)!;
    expect(journeyId).toMatch(/^j-[0-9a-f]{20}$/);
    expect(matchesFilter(objectCreated, { journeys: [journeyId], useCases: ['mvp'] })).toBe(true);
    expect(matchesFilter(objectCreated, { useCases: ['insurance_ai'] })).toBe(false);
    expect(matchesFilter(stepRequested, { detailTypes: ['Journey Step Requested'], sources: ['symphainy.journeys'] })).toBe(true);
    expect(matchesFilter(stepRequested, { since: new Date(Date.parse(stepRequested.time) + 1000) })).toBe(false);
  });

  it('reads times as ISO 8601 or as a span back from now', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(parseTimeArgument('--since', '2h', now).toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(parseTimeArgument('--since', '2026-11-26T09:00:00Z', now).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(() => parseTimeArgument('--until', 'soon', now)).toThrow(/--until "soon" is neither/);
  });

  it('names replays as EventBridge allows, and as-new ones with the prefix the experience manager reads', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(replayNameFor({ asNew: false, now })).toMatch(/^replay-20261127T120000Z-[0-9a-f]{4}$/);
    expect(replayNameFor({ name: 'fix-1', asNew: true, now })).toBe('as-new-fix-1');
    expect(() => replayNameFor({ name: 'has space', asNew: false, now })).toThrow(/1-64 characters/);
  });
});

describe('the replay plan', () => {
  const explain = routeExplainer(routes);
  const sourced = (event: EventBridgeEnvelope) => ({ event, bus: busOf(event), origin: 'test' });

  it('by default leaves delivered journeys alone and re-drives the rest', async () => {
    const delivered = journeyIdOf(objectCreated)!;
    const plan = await planReplay([sourced(objectCreated), sourced(stepRequested)], {
      asNew: false,
      skipReplayedCopies: true,
      explain,
      deliveredOutcome: async (id) => (id === delivered ? 'completed' : undefined),
    });
    expect(plan.map((p) => [p.action, p.skip?.code])).toEqual([
      ['skip', 'delivered'],
      ['replay', undefined],
    ]);
    expect(plan[1]!.routes.map((r) => r.target)).toContain('validate-file');
  });

  it('as new, replays each journey trigger once and nothing after it; never a replayed copy or an event no rule takes', async () => {
    const copy = { ...objectCreated, id: 'copy', 'replay-name': 'replay-1' };
    const unrouted = { ...stepRequested, 'detail-type': 'Journey Delivered' };
    const plan = await planReplay([sourced(objectCreated), sourced({ ...objectCreated, id: 'again' }), sourced(copy), sourced(stepRequested)], {
      asNew: true,
      skipReplayedCopies: true,
      explain,
      deliveredOutcome: async () => 'completed',
    });
    expect(plan.map((p) => p.skip?.code ?? p.action)).toEqual(['replay', 'trigger-repeated', 'replayed-copy', 'not-a-trigger']);
    const lonely = await planReplay([sourced(unrouted)], {
      asNew: false,
      skipReplayedCopies: false,
      explain: routeExplainer(routes.filter((r) => r.target !== 'journey-recorder')),
      deliveredOutcome: async () => undefined,
    });
    expect(lonely[0]!.skip?.code).toBe('no-rule');
  });
});

describe('trace differences', () => {
  it('name the path that changed and leave out what the recording marked unstable', () => {
    const recorded = readRecording(new URL('../../../events/recordings/mvp-orders.json', import.meta.url).pathname).trace;
    const changed = structuredClone(recorded);
    changed.steps[1]!.artifacts[0]!.sha256 = '0'.repeat(64);
    changed.steps[0]!.status = 'failed';
    changed.delivery!.manifest!.sha256 = '1'.repeat(64);
    const differences = diffTraces(recorded, changed, ['delivery/manifest/sha256']);
    expect(differences.map((d) => d.path)).toEqual([
      'steps/validate_file/status',
      `steps/process_file/artifacts/${recorded.steps[1]!.artifacts[0]!.name}/sha256`,
    ]);
    expect(isTolerablyUnstable('delivery/manifest/sha256')).toBe(true);
    expect(isTolerablyUnstable('steps/validate_file/status')).toBe(false);
  });
});

describe('--pace', () => {
  it('spaces replayed events at most pace a second apart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-pace-'));
    const runtime = await EmbeddedRuntime.open({ dataDir });
    try {
      const putAt: number[] = [];
      runtime.onEvent((e) => void (e['replay-name'] === 'paced' && putAt.push(performance.now())));
      const events = [1, 2, 3].map((i) => ({
        sourced: { event: { ...stepRequested, id: `paced-${i}` }, bus: 'platform' as const, origin: 'test' },
        journeyId: undefined,
        action: 'replay' as const,
        routes: [],
      }));
      expect(await putPlannedEvents(runtime, events, { replayName: 'paced', pace: 20 })).toBe(3);
      expect(putAt).toHaveLength(3);
      // 20 a second is one every 50 ms; timers may fire late, never early.
      expect(putAt[1]! - putAt[0]!).toBeGreaterThanOrEqual(45);
      expect(putAt[2]! - putAt[1]!).toBeGreaterThanOrEqual(45);
    } finally {
      runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
