import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateArchiveCommand, CreateEventBusCommand, DeleteArchiveCommand, DeleteEventBusCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { journeyIdForFollowOn, journeyIdForReplay } from '#domain/journeys/journey-id.js';
import { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { recordJourney } from '#local/replay/record-journey.js';
import { outcomeTrace } from '#local/replay/outcome-trace.js';
import { diffTraces, isTolerablyUnstable } from '#local/replay/trace-diff.js';
import { runCli } from '../../support/run-cli.js';
import { flakyUseCase } from '../../support/test-use-cases.js';
import {
  emulatorAvailability,
  emulatorClients,
  emulatorSettings,
  eventOf,
  listenOnEmulatorBus,
  listenOnRuntime,
  uniqueName,
  waitForMessagesSettled,
  type EventListener,
} from '../../support/wait-for-event.js';

const settings = emulatorSettings();
const emulator = await emulatorAvailability(settings);

/**
 * The platform's events go onto a bus of the emulator (created here, with an archive); a test-only
 * rule and queue on that bus hand what the bus delivers back to an embedded runtime, which plays
 * the deployed functions. Replays then run through EventBridge's own StartReplay.
 */
describe.skipIf(!emulator.run)(`symphainy replay --archive on the emulator (${emulator.reason})`, () => {
  const { eventBridge } = emulatorClients(settings);
  const busName = uniqueName('symphainy-replay-it');
  const archiveName = uniqueName('symphainy-replay-it');
  let dataDir: string;
  let runtime: EmbeddedRuntime;
  let local: EventListener;
  let cloud: EventListener;
  let archiveCreated = false;
  let busCreated = false;
  const mirrored: Promise<unknown>[] = [];
  const bridged: string[] = [];
  let since: string;
  let uploadJourney: string;
  let recountJourney: string;

  beforeAll(async () => {
    if (!emulator.reachable) throw new Error(`SYMPHAINY_EMULATOR=required (or CI) but ${emulator.reason}`);
    since = new Date(Date.now() - 5_000).toISOString();
    const { EventBusArn } = await eventBridge.send(new CreateEventBusCommand({ Name: busName }));
    busCreated = true;
    await eventBridge.send(new CreateArchiveCommand({ ArchiveName: archiveName, EventSourceArn: EventBusArn }));
    archiveCreated = true;
    cloud = await listenOnEmulatorBus(settings, { bus: busName, pattern: { source: ['symphainy.journeys'] } });

    dataDir = mkdtempSync(join(tmpdir(), 'symphainy-replay-it-'));
    runtime = await EmbeddedRuntime.open({ dataDir, registry: new UseCaseRegistry([flakyUseCase(0)]), queue: { visibilityTimeoutMs: 20 } });
    local = listenOnRuntime(runtime);
    // What the platform publishes live goes onto the emulator's bus (and so into its archive) ...
    runtime.onJournal((record) => {
      if (record.kind !== 'event' || record.bus !== 'platform' || record.event['replay-name']) return;
      const { source, 'detail-type': detailType, detail, resources } = record.event;
      mirrored.push(
        eventBridge.send(
          new PutEventsCommand({
            Entries: [{ EventBusName: busName, Source: source, DetailType: detailType, Detail: JSON.stringify(detail), Resources: resources }],
          }),
        ),
      );
    });
    // ... and what the bus replays comes back to the functions, as a rule's queue would bring it.
    cloud.onEvent((event) => {
      if (!event['replay-name']) return;
      bridged.push(...runtime.replay('platform', [event], { replayName: event['replay-name'], keepIds: true }).map((m) => m.messageId));
    });

    ({ journeyId: uploadJourney } = await runtime.upload({ body: 'a\nb\nc\n', key: 'uploads/flaky_lab/three-lines.txt' }));
    recountJourney = journeyIdForFollowOn(uploadJourney, 'recount');
    await local.waitForEvent(eventOf('Journey Delivered', recountJourney), { timeout: 30_000 });
    await Promise.all(mirrored);
    await cloud.waitForEvent(eventOf('Journey Delivered', recountJourney), {
      timeout: 30_000,
      description: 'the mirrored Journey Delivered on the emulator bus',
    });
  });

  afterAll(async () => {
    await cloud?.close();
    if (archiveCreated) await eventBridge.send(new DeleteArchiveCommand({ ArchiveName: archiveName }));
    if (busCreated) await eventBridge.send(new DeleteEventBusCommand({ Name: busName }));
    eventBridge.destroy();
    runtime?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const replayArchive = (...extra: string[]) =>
    runCli(['replay', '--archive', archiveName, '--endpoint', settings.endpoint, '--region', settings.region, '--since', since, '--json', ...extra]);
  const fingerprint = (e: EventBridgeEnvelope) => `${e['detail-type']}|${JSON.stringify(e.detail)}`;

  it('--dry-run names the archive, its bus, the window and the rules the replay would reach', () => {
    const result = replayArchive('--dry-run');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      dryRun: true,
      source: { kind: 'archive', archive: archiveName, bus: busName },
      filtered: false,
      rules: [expect.stringMatching(/^symphainy-test-listener-/)],
    });
  });

  it('re-sends the archived events with replay-name, waits for COMPLETED, and delivered journeys ignore them', async () => {
    const journeys = [uploadJourney, recountJourney];
    const eventsBefore = journeys.map((id) => runtime.events(id).filter((e) => !e['replay-name']).length);
    const originals = cloud.seen.filter((e) => !e['replay-name']);

    const result = replayArchive();
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ state: 'COMPLETED', source: { kind: 'archive', archive: archiveName, bus: busName } });
    expect(summary.replayName).toMatch(/^replay-/);

    for (const original of originals) {
      const copy = await cloud.waitForEvent((e) => e['replay-name'] === summary.replayName && fingerprint(e) === fingerprint(original), {
        timeout: 30_000,
        description: `the replayed copy of ${original['detail-type']}`,
      });
      expect(copy.detail).toEqual(original.detail);
    }
    await waitForMessagesSettled(runtime, bridged, { timeout: 30_000 });
    expect(journeys.map((id) => runtime.events(id).filter((e) => !e['replay-name']).length)).toEqual(eventsBefore);
    expect(runtime.deadLetters()).toEqual([]);
  });

  it('--as-new re-drives the follow-on journey from its archived trigger, to the outcome it was recorded with', async () => {
    const recording = await recordJourney(runtime, recountJourney, { name: 'recount' });
    const result = replayArchive('--as-new', '--name', uniqueName('it'));
    expect(result.status, result.stderr).toBe(0);
    const { replayName, state } = JSON.parse(result.stdout);
    expect(state).toBe('COMPLETED');

    const fresh = journeyIdForReplay(recountJourney, replayName);
    await local.waitForEvent(eventOf('Journey Delivered', fresh), { timeout: 30_000, description: `Journey Delivered for the as-new ${fresh}` });
    const view = runtime.journey(fresh)!;
    expect(view).toMatchObject({ status: 'completed', journey: 'recount', parentJourneyId: uploadJourney });
    const differences = diffTraces(recording.trace, outcomeTrace(view, runtime.events(fresh))).filter((d) => !isTolerablyUnstable(d.path));
    expect(differences).toEqual([]);
    // Only the trigger starts anything: the upload journey's replayed events changed nothing.
    expect(runtime.journeys().filter((j) => j.journeyId !== fresh && j.status === 'running')).toEqual([]);
  });
});
