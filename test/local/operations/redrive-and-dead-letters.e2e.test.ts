import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { runCli } from '../../support/run-cli.js';

/** Meter readings as a utility exports them: semicolons, decimal commas, its own names. */
const METER_READINGS = [
  'Zeitpunkt;Zähler;Verbrauch_kWh;Spannung_V',
  '2026-11-30T00:00:00Z;Z-0042;1,25;229,8',
  '2026-11-30T00:15:00Z;Z-0042;0,98;230,4',
  '2026-11-30T00:30:00Z;Z-0077;2,10;231,0',
  '',
].join('\n');

describe('redrive and dead letters on the embedded runtime, through the CLI', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const setUp = () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-redrive-'));
    const file = join(dir, 'zaehler-november.csv');
    writeFileSync(file, METER_READINGS);
    return { file, dataDir: join(dir, 'data') };
  };
  const cli = (args: string[], dataDir: string) => runCli([...args, '--data-dir', dataDir]);

  it('continues a journey from its failed step: the completed step is not run again and its artifact is unchanged byte for byte', async () => {
    const { file, dataDir } = setUp();
    const failed = cli(['upload', file, '--use-case', 'mvp', '--fault', 'process_file:fail:3', '--json'], dataDir);
    expect(failed.status, failed.stderr).toBe(1);
    const before = JSON.parse(failed.stdout);
    expect(before).toMatchObject({ status: 'failed', error: { code: 'step_retries_exhausted' } });
    expect(before.steps[1]).toMatchObject({ name: 'process_file', status: 'failed', attempts: 3 });
    const validated = before.steps[0];
    const validationReport = validated.artifacts[0];

    // The dead request is kept with why it died.
    const dead = JSON.parse(cli(['dlq', 'show', 'process-file', '--json'], dataDir).stdout);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ journeyId: before.journeyId, step: 'process_file', attempts: 3, reason: { code: 'step_retries_exhausted' } });
    expect(dead[0].reason.message).toContain('injected fault');

    const redriven = cli(['redrive', before.journeyId, '--json'], dataDir);
    expect(redriven.status, redriven.stderr).toBe(0);
    const result = JSON.parse(redriven.stdout);
    expect(result).toMatchObject({
      redriven: true,
      step: 'process_file',
      redrive: 1,
      reusedSteps: ['validate_file'],
      journey: { status: 'completed', redrives: 1 },
    });
    const after = result.journey;
    // validate_file ran once, in the first run: same record, same artifact.
    expect(after.steps[0]).toEqual({ ...validated, runs: [{ redrive: 0, attempts: 1, status: 'completed', error: null }] });
    expect(after.steps[0].artifacts[0]).toEqual(validationReport);
    expect(after.steps[1].runs).toEqual([
      { redrive: 0, attempts: 3, status: 'failed', error: expect.objectContaining({ code: 'step_retries_exhausted' }) },
      { redrive: 1, attempts: 1, status: 'completed', error: null },
    ]);
    const got = cli(['get', `s3://${validationReport.bucket}/${validationReport.key}`, '--json'], dataDir);
    expect(got.status, got.stderr).toBe(0);

    // The history says what happened, attempts per run; the dead letter was answered by the redrive.
    const shown = cli(['show', before.journeyId], dataDir).stdout;
    expect(shown).toContain('redriven 1 time from a failed step');
    expect(shown).toMatch(/process_file .* attempts 3 in the first run \(failed\), then 1 in redrive 1 \(completed\)/);
    expect(cli(['dlq', 'list'], dataDir).stdout.trim()).toBe('no dead letters');
    // The follow-on EDA journey started once the redriven journey completed.
    const eda = JSON.parse(cli(['journeys', '--journey', 'eda', '--json'], dataDir).stdout);
    expect(eda).toHaveLength(1);
    expect(eda[0]).toMatchObject({ status: 'completed', parentJourneyId: before.journeyId });
  }, 120_000);

  it('refuses what is not a failed journey, with the reason', async () => {
    const { file, dataDir } = setUp();
    const done = JSON.parse(cli(['upload', file, '--use-case', 'mvp', '--json'], dataDir).stdout);
    const refused = cli(['redrive', done.journeyId, '--json'], dataDir);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ redriven: false, code: 'journey_completed' });

    // No use case found for it: rejected before any step ran, so there is no step to continue from.
    const rejected = JSON.parse(cli(['upload', file, '--key', 'uploads/metering_team/zaehler.csv', '--json'], dataDir).stdout);
    expect(rejected.status).toBe('rejected');
    const readable = cli(['redrive', rejected.journeyId], dataDir);
    expect(readable.status).toBe(1);
    expect(readable.stderr).toContain(`${rejected.journeyId}: not redriven: journey ${rejected.journeyId} was rejected before any step ran (unknown_use_case)`);

    // A step that refused the data may be redriven (the step may have changed), with a warning.
    writeFileSync(join(dir, 'header-only.csv'), 'Zeitpunkt;Zähler\n');
    const refusedData = JSON.parse(cli(['upload', join(dir, 'header-only.csv'), '--use-case', 'mvp', '--json'], dataDir).stdout);
    expect(refusedData.status).toBe('failed');
    const again = cli(['redrive', refusedData.journeyId], dataDir);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('refused the data last time; a redrive helps only if the step changed');

    const missing = cli(['redrive', 'j-doesnotexist', '--json'], dataDir);
    expect(missing.status).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ redriven: false, code: 'journey_not_found' });
    expect(cli(['redrive'], dataDir).status).toBe(2);
  }, 120_000);

  it('redrives a dead letter from dlq, which completes its journey, and redrives many failed journeys at once', async () => {
    const { file, dataDir } = setUp();
    const first = JSON.parse(
      cli(['upload', file, '--use-case', 'mvp', '--key', 'uploads/mvp/a/zaehler.csv', '--fault', 'store_file:fail:3', '--json'], dataDir).stdout,
    );
    const second = JSON.parse(
      cli(['upload', file, '--use-case', 'mvp', '--key', 'uploads/mvp/b/zaehler.csv', '--fault', 'store_file:fail:3', '--json'], dataDir).stdout,
    );
    expect([first.status, second.status]).toEqual(['failed', 'failed']);

    const listed = cli(['dlq', 'list', '--json'], dataDir);
    expect(JSON.parse(listed.stdout).functions).toEqual([expect.objectContaining({ function: 'store-file', messages: 2 })]);
    const fromDlq = cli(['dlq', 'redrive', 'store-file', '--json'], dataDir);
    expect(fromDlq.status, fromDlq.stderr).toBe(0);
    expect(JSON.parse(fromDlq.stdout)).toMatchObject({ redriven: 1 });

    const plan = cli(['redrive', '--status', 'failed', '--use-case', 'mvp', '--dry-run', '--json'], dataDir);
    const planned = JSON.parse(plan.stdout);
    expect(planned.dryRun).toBe(true);
    expect(planned.journeys).toHaveLength(1);
    expect(planned.journeys[0]).toMatchObject({ redriven: false, step: 'store_file' });

    const all = cli(['redrive', '--status', 'failed', '--since', '1h', '--json'], dataDir);
    expect(all.status, all.stderr).toBe(0);
    const statuses = JSON.parse(cli(['journeys', '--journey', 'upload', '--json'], dataDir).stdout).map((j: { status: string }) => j.status);
    expect(statuses).toEqual(['completed', 'completed']);
    expect(JSON.parse(cli(['journeys', '--status', 'failed', '--json'], dataDir).stdout)).toEqual([]);
  }, 180_000);

  it('ends a step that hangs past its timeout in step_timed_out, and lists journeys by status, use case and limit', async () => {
    const { file, dataDir } = setUp();
    const timedOut = cli(['upload', file, '--use-case', 'mvp', '--fault', 'process_file:timeout:1', '--json'], dataDir);
    expect(timedOut.status).toBe(1);
    expect(JSON.parse(timedOut.stdout)).toMatchObject({ status: 'failed', error: { code: 'step_timed_out', message: expect.stringContaining('timeout') } });
    const dead = JSON.parse(cli(['dlq', 'show', 'process-file', '--json'], dataDir).stdout);
    expect(dead[0]).toMatchObject({ reason: { code: 'step_timed_out' } });

    const failedOnly = cli(['journeys', '--status', 'failed', '--use-case', 'mvp', '--limit', '1'], dataDir).stdout.trim().split('\n');
    expect(failedOnly).toHaveLength(1);
    expect(failedOnly[0]).toContain('(step_timed_out)');
    expect(cli(['journeys', '--status', 'nonsense'], dataDir).status).toBe(2);
    expect(cli(['upload', file, '--fault', 'no_such_step:fail:1'], dataDir).stderr).toContain('no step "no_such_step"');
  }, 120_000);
});

describe('step policies on the embedded runtime', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('spaces the attempts as the backoff declares: 2 s, then 4 s, within the 20% jitter, in whole seconds', async () => {
    harness = await embeddedHarness({ retryDelayScale: 1, faults: [{ step: 'process_file', kind: 'fail', times: 2 }] });
    const view = await harness.uploadAndWait(METER_READINGS, 'uploads/mvp/backoff.csv');
    expect(view.status).toBe('completed');
    const events = harness.runtime.events(view.journeyId).filter((e) => (e.detail as { step?: string }).step === 'process_file');
    const starts = [
      ...events.filter((e) => JourneyStepFailed.describes(e)).map((e) => JourneyStepFailed.parseDetail(e)),
      ...events.filter((e) => JourneyStepCompleted.describes(e)).map((e) => ({ ...JourneyStepCompleted.parseDetail(e).record, endedAt: '' })),
    ].map((attempt) => ({ startedAt: Date.parse(attempt.startedAt), endedAt: attempt.endedAt ? Date.parse(attempt.endedAt) : 0 }));
    expect(starts).toHaveLength(3);
    const gap1 = starts[1]!.startedAt - starts[0]!.endedAt;
    const gap2 = starts[2]!.startedAt - starts[1]!.endedAt;
    // Delays are whole seconds, as SQS visibility is: 2 s +/- 20% rounds to 2 s, 4 s +/- 20% to 3, 4 or 5 s.
    expect(gap1).toBeGreaterThanOrEqual(2_000);
    expect(gap1).toBeLessThan(2_000 + 500);
    expect(gap2).toBeGreaterThanOrEqual(3_000);
    expect(gap2).toBeLessThan(5_000 + 500);
  }, 60_000);

  it('does not retry an error its policy names, and says so', async () => {
    const refusing: StepDefinition = {
      name: 'permissions_lab_read_share',
      description: 'reads a share it has no permission for',
      policy: { nonRetryable: ['EACCES'] },
      async run() {
        throw Object.assign(new Error('permission denied, open /mnt/share/ledger.csv'), { code: 'EACCES' });
      },
    };
    const lab: UseCaseModule = { id: 'permissions_lab', title: 'Permissions lab (tests only)', journeys: { upload: [refusing] }, samples: () => [] };
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([lab]) });
    const view = await harness.uploadAndWait('a\n', 'uploads/permissions_lab/ledger.csv');
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('step_not_retryable');
    expect(view.steps[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });
});
