import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JourneyDelivered } from '#events/journey-delivered.js';
import { journeyIdForFollowOn } from '#domain/journeys/journey-id.js';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { main } from '#local/cli/main.js';
import { runCli } from '../../support/run-cli.js';
import { eventOf, listenOnRuntime } from '../../support/wait-for-event.js';

/** A data directory holding one delivered mvp journey (and whatever follow-ons it asked for). */
async function dataDirWithDeliveredJourney(dataDir: string): Promise<string> {
  const runtime = await EmbeddedRuntime.open({ dataDir });
  try {
    const bus = listenOnRuntime(runtime);
    const { journeyId } = await runtime.upload({ body: 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n', key: 'uploads/mvp/orders.csv' });
    const delivered = JourneyDelivered.parseDetail(await bus.waitForEvent(eventOf('Journey Delivered', journeyId), { timeout: 30_000 }));
    for (const journey of delivered.followOn)
      await bus.waitForEvent(eventOf('Journey Delivered', journeyIdForFollowOn(journeyId, journey)), { timeout: 30_000 });
    return journeyId;
  } finally {
    runtime.close();
  }
}

/** The events the journal holds (a runtime opening the directory may still acknowledge messages). */
const journaledEvents = (dataDir: string) =>
  readFileSync(join(dataDir, 'journal.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{"kind":"event"'));

/** Runs the CLI in this process, for argument errors that never reach a runtime. */
async function runInProcess(args: string[]): Promise<{ status: number; stderr: string }> {
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void errors.push(parts.join(' ')));
  try {
    return { status: await main(args), stderr: errors.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('symphainy replay', () => {
  let dir: string;
  let dataDir: string;
  let journeyId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-replay-cli-'));
    dataDir = join(dir, 'state');
    journeyId = await dataDirWithDeliveredJourney(dataDir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a completed journey alone: every event is skipped, nothing is written', () => {
    const before = journaledEvents(dataDir);
    const result = runCli(['replay', '--journey', journeyId, '--json', '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ replayed: 0, asNew: false, source: { kind: 'journal' } });
    expect(summary.skipped.delivered).toBe(summary.selected);
    expect(summary.selected).toBeGreaterThanOrEqual(11);
    expect(journaledEvents(dataDir)).toEqual(before);

    const readable = runCli(['replay', '--journey', journeyId, '--data-dir', dataDir]);
    expect(readable.stdout).toContain(`${journeyId} was delivered (completed): replaying it changes nothing; --as-new runs it again`);
  });

  it('--dry-run shows the rule, the function and the matching pattern for each event, and changes nothing', () => {
    const before = journaledEvents(dataDir);
    const text = runCli(['replay', '--dry-run', '--journey', journeyId, '--data-dir', dataDir]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('rule experience-manager-uploads (default bus) → function experience-manager');
    expect(text.stdout).toContain('detail.object.key is "uploads/mvp/orders.csv", the pattern asks [{"prefix":"uploads/"}]');
    expect(text.stdout).toContain('rule step-process-file (platform bus) → function process-file');

    const json = runCli(['replay', '--dry-run', '--json', '--journey', journeyId, '--detail-type', 'Journey Step Requested', '--data-dir', dataDir]);
    const plan = JSON.parse(json.stdout);
    expect(plan.events.map((e: { detailType: string }) => e.detailType)).toEqual(Array(4).fill('Journey Step Requested'));
    expect(plan.events.map((e: { routes: { function: string }[] }) => e.routes.map((r) => r.function).filter((f) => f !== 'journey-recorder'))).toEqual([
      ['validate-file'],
      ['process-file'],
      ['store-file'],
      ['notify-completion'],
    ]);
    expect(plan.events[0].routes.find((r: { function: string }) => r.function === 'validate-file').because).toContain(
      'detail.step is "validate_file", the pattern asks ["validate_file"]',
    );
    expect(journaledEvents(dataDir)).toEqual(before);
  });

  it('--as-new runs the journey again from its trigger under a fresh id, to completion', async () => {
    const own = join(dir, 'as-new');
    const journeyId = await dataDirWithDeliveredJourney(own);
    const result = runCli(['replay', '--journey', journeyId, '--as-new', '--json', '--data-dir', own]);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.replayName).toMatch(/^as-new-/);
    expect(summary).toMatchObject({ replayed: 1, asNew: true });
    const rerun = summary.journeys.find((j: { replayOf: string | null }) => j.replayOf === journeyId);
    expect(rerun).toMatchObject({ useCase: 'mvp', journey: 'upload', status: 'completed' });
    expect(rerun.journeyId).not.toBe(journeyId);

    const shown = JSON.parse(runCli(['show', rerun.journeyId, '--json', '--data-dir', own]).stdout);
    expect(shown.steps.map((s: { status: string }) => s.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(shown.artifacts.every((a: { key: string }) => a.key.includes(rerun.journeyId))).toBe(true);
    expect(shown.delivery.notificationKey).toBe(`deliveries/${rerun.journeyId}/notification.json`);
  });

  it('an unknown journey id is a clear error with exit code 3', () => {
    const result = runCli(['replay', '--journey', 'j-00000000000000000000', '--data-dir', dataDir]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('no events of journey j-00000000000000000000 in the journal');
  });

  it('refuses malformed fixtures file by file, with the reason, and replays none of them (exit 2)', () => {
    const fixtures = join(dir, 'fixtures');
    mkdirSync(fixtures, { recursive: true });
    const sample = JSON.parse(readFileSync(new URL('../../../events/samples/journey-step-requested.json', import.meta.url), 'utf8'));
    writeFileSync(join(fixtures, 'good.json'), JSON.stringify(sample));
    writeFileSync(join(fixtures, 'no-step.json'), JSON.stringify({ ...sample, detail: { ...sample.detail, step: undefined } }));
    writeFileSync(join(fixtures, 'torn.ndjson'), `${JSON.stringify(sample)}\n{"version":\n`);
    writeFileSync(join(fixtures, 'stranger.json'), JSON.stringify({ ...sample, 'detail-type': 'Journey Teleported' }));
    const fresh = join(dir, 'fresh');

    const replay = runCli(['replay', '--from', fixtures, '--data-dir', fresh]);
    expect(replay.status).toBe(2);
    expect(replay.stderr).toMatch(/no-step\.json\n\s+Journey Step Requested: detail\.step: /);
    expect(replay.stderr).toMatch(/torn\.ndjson\n\s+line 2: not JSON/);
    expect(replay.stderr).toContain('no contract for symphainy.journeys/Journey Teleported');
    expect(replay.stderr).toContain('cannot replay: 3 of 4 fixture files break their contracts');

    const validate = runCli(['events', 'validate', fixtures, '--json']);
    expect(validate.status).toBe(1);
    const verdicts = JSON.parse(validate.stdout);
    expect(verdicts.map((v: { valid: boolean }) => v.valid)).toEqual([true, false, false, false]);
    expect(runCli(['events', 'validate', join(dir, 'nowhere')]).status).toBe(2);
  });

  it('replays fixtures into a data directory and reports what they set in motion', () => {
    const fresh = join(dir, 'from-sample');
    const result = runCli(['replay', '--from', 'events/samples/journey-step-requested.json', '--json', '--data-dir', fresh]);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ replayed: 1, source: { kind: 'fixtures' } });
    // The sample's upload is not in this fresh store: the step finds it gone and the journey fails.
    expect(summary.journeys).toEqual([
      expect.objectContaining({ journeyId: 'j-4e1f0a9c2b7d36e85a10', status: 'failed', error: expect.objectContaining({ code: 'object_missing' }) }),
    ]);
    expect(result.status).toBe(1);
  });

  it('says which EventBridge could not be reached, without a stack trace (exit 1)', async () => {
    const result = await runInProcess(['replay', '--archive', 'symphainy-local', '--endpoint', 'http://127.0.0.1:9', '--since', '1h']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^symphainy replay: EventBridge at http:\/\/127\.0\.0\.1:9 could not be asked for archive symphainy-local: .*ECONNREFUSED/);
  });

  it('gives a helpful error and exit 2 for bad arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['replay', '--pace', '0'], /--pace "0" must be a positive number/],
      [['replay', '--since', 'yesterday'], /--since "yesterday" is neither an ISO 8601 time/],
      [['replay', '--archive', 'symphainy-local', '--journey', 'j-1', '--since', '1h'], /cannot filter it by journey/],
      [['replay', '--archive', 'symphainy-local'], /an archive replay needs --since/],
      [['replay', '--rule', 'step-validate-file'], /--rule applies to archive replays/],
      [['replay', '--name', 'as-new-oops'], /pass --as-new, or choose another name/],
      [['replay', '--from', join(dir, 'nowhere')], /no such file or folder/],
    ];
    for (const [args, message] of cases) {
      const result = await runInProcess([...args, '--data-dir', dataDir]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('symphainy record', () => {
  let dir: string;
  let dataDir: string;
  let journeyId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-record-cli-'));
    dataDir = join(dir, 'state');
    journeyId = await dataDirWithDeliveredJourney(dataDir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records a journey that replays, from the recording alone, to the same journey in a fresh data directory', () => {
    const file = join(dir, 'recordings', 'orders.json');
    const recorded = runCli(['record', journeyId, '--out', file, '--json', '--data-dir', dataDir]);
    expect(recorded.status).toBe(0);
    expect(JSON.parse(recorded.stdout)).toMatchObject({ journeyId, useCase: 'mvp', status: 'completed', steps: 4, unstable: ['delivery/manifest/sha256'] });
    const recording = JSON.parse(readFileSync(file, 'utf8'));
    expect(recording.input).toMatchObject({ key: 'uploads/mvp/orders.csv', encoding: 'utf8', body: 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n' });
    expect(recording.trace.events[0]).toBe('Journey Started');
    expect(runCli(['events', 'validate', file]).status).toBe(0);

    const elsewhere = join(dir, 'elsewhere');
    const replayed = JSON.parse(runCli(['replay', '--from', file, '--json', '--data-dir', elsewhere]).stdout);
    expect(replayed.journeys.find((j: { journeyId: string }) => j.journeyId === journeyId)).toMatchObject({ status: 'completed', newEvents: 11 });
    const again = JSON.parse(runCli(['replay', '--from', file, '--json', '--data-dir', elsewhere]).stdout);
    expect(again).toMatchObject({ replayed: 0, skipped: { delivered: 1 } });
  });

  it('says so, with exit 3, for an unknown journey, and needs --out', () => {
    const unknown = runCli(['record', 'j-00000000000000000000', '--out', join(dir, 'x.json'), '--data-dir', dataDir]);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain('no journey j-00000000000000000000');
    const noOut = runCli(['record', journeyId, '--data-dir', dataDir]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('record needs --out <file>');
  });
});
