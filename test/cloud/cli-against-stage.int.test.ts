import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorStage } from '../support/emulator-stage.js';
import { runCli } from '../support/run-cli.js';
import { GERMAN_FLEET_MAP, germanFleetExport } from '../support/german-fleet-export.js';

const emulator = await emulatorStage();

/** `symphainy upload|journeys|show --endpoint`: the deployed stage instead of the embedded runtime. */
describe.skipIf(!emulator.available)('the CLI against the deployed local stage', () => {
  const { target } = emulator.available ? emulator.emulator : ({} as never);
  const endpoint = target?.endpoint ?? '';
  // No AWS_ENDPOINT_URL from the test's own environment: --endpoint alone must be enough.
  const env = { AWS_ENDPOINT_URL: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', NODE_NO_WARNINGS: '1' };

  it('uploads, waits for the journey, then lists and shows it from the journey record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symphainy-cli-'));
    try {
      const name = `cli-${Date.now().toString(36)}.csv`;
      writeFileSync(join(dir, name), 'id,city,temperature\n1,Oslo,-3.5\n2,Lima,19\n3,Pune,31.25\n');
      const upload = runCli(['upload', join(dir, name), '--use-case', 'mvp', '--endpoint', endpoint, '--json'], { env });
      expect(upload.status, upload.stderr).toBe(0);
      const report = JSON.parse(upload.stdout);
      expect(report).toMatchObject({ useCase: 'mvp', journey: 'upload', status: 'completed', input: { key: `uploads/mvp/${name}` } });
      expect(report.steps.map((s: { name: string }) => s.name)).toEqual(['validate_file', 'process_file', 'store_file', 'notify_completion']);

      // The readable listing: one line per journey (the shared emulator keeps every run's journeys).
      const listed = runCli(['journeys', '--endpoint', endpoint, '--stage', 'local'], { env });
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(new RegExp(`^${report.journeyId}  completed mvp/upload .* uploads/mvp/${name.replace('.', '\\.')}$`, 'm'));

      const shown = runCli(['show', report.journeyId, '--endpoint', endpoint], { env });
      expect(shown.status, shown.stderr).toBe(0);
      expect(shown.stdout).toContain(`${report.journeyId}  mvp/upload  COMPLETED`);
      expect(shown.stdout).toContain('notify_completion');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('runs a file only a declared mapping explains: with --map, and with a mapping file stored beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symphainy-cli-'));
    try {
      const folder = `uploads/autonomous_vehicle/cli-${Date.now().toString(36)}`;
      writeFileSync(join(dir, 'fahrt.csv'), germanFleetExport(30));
      writeFileSync(join(dir, '_column-map.json'), JSON.stringify(Object.fromEntries(GERMAN_FLEET_MAP.map((m) => m.split('=')))));

      const mapped = runCli(
        [
          'upload',
          join(dir, 'fahrt.csv'),
          '--key',
          `${folder}/mapped.csv`,
          '--use-case',
          'autonomous_vehicle',
          ...GERMAN_FLEET_MAP.flatMap((m) => ['--map', m]),
          '--endpoint',
          endpoint,
          '--json',
        ],
        { env },
      );
      expect(mapped.status, mapped.stderr + mapped.stdout).toBe(0);
      const speed = JSON.parse(mapped.stdout).columnMapping.fields.find((f: { field: string }) => f.field === 'speed');
      expect(speed).toMatchObject({ column: 'v_mph', unit: { from: 'mph', to: 'km/h' }, rule: 'declared' });

      const stored = runCli(['upload', join(dir, '_column-map.json'), '--key', `${folder}/_column-map.json`, '--endpoint', endpoint, '--json'], { env });
      expect(stored.status, stored.stderr).toBe(0);
      const beside = runCli(
        ['upload', join(dir, 'fahrt.csv'), '--key', `${folder}/day-2/fahrt.csv`, '--use-case', 'autonomous_vehicle', '--endpoint', endpoint, '--json'],
        { env },
      );
      expect(beside.status, beside.stderr + beside.stdout).toBe(0);
      expect(JSON.parse(beside.stdout).columnMapping.declaredBy).toEqual([`${folder}/_column-map.json`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('says what is wrong, with exit codes scripts can rely on', () => {
    const unknown = runCli(['show', 'j-does-not-exist', '--endpoint', endpoint], { env });
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain('no journey j-does-not-exist recorded');

    const noStage = runCli(['journeys', '--endpoint', endpoint, '--stage', 'nosuchstage'], { env });
    expect(noStage.status).toBe(3);
    expect(noStage.stderr).toMatch(/cannot read stack symphainy-nosuchstage .*deploy it with npx sls deploy --stage nosuchstage/);

    const badEndpoint = runCli(['journeys', '--endpoint', 'localhost:4566'], { env });
    expect(badEndpoint.status).toBe(2);
    expect(badEndpoint.stderr).toContain('is not an http(s) URL');
  }, 120_000);
});
