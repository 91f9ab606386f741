import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';
import { GERMAN_FLEET_MAP, germanFleetExport } from '../../support/german-fleet-export.js';

const MAP = GERMAN_FLEET_MAP;

describe('symphainy upload --map and mapping files', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-map-'));
    dataDir = join(dir, 'state');
    writeFileSync(join(dir, 'fahrt.csv'), germanFleetExport(40));
    writeFileSync(join(dir, '_column-map.json'), JSON.stringify(Object.fromEntries(MAP.map((m) => m.split('=')))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file whose fields it cannot find, naming the line that would fix it', () => {
    const result = runCli(['upload', join(dir, 'fahrt.csv'), '--use-case', 'autonomous_vehicle', '--data-dir', dataDir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('missing_fields');
    expect(result.stdout).toContain('columns seen: Zeitstempel, Fahrzeug, v_mph, a_long, Breite, Laenge, Kilometerstand');
    expect(result.stdout).toMatch(/--map acceleration=a_long/);
  });

  it('runs it with --map, converting mph to km/h, and shows the mapping in show', () => {
    const result = runCli([
      'upload',
      join(dir, 'fahrt.csv'),
      '--use-case',
      'autonomous_vehicle',
      '--key',
      'uploads/autonomous_vehicle/de/fahrt-1.csv',
      ...MAP.flatMap((m) => ['--map', m]),
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe('completed');
    const speed = report.columnMapping.fields.find((f: { field: string }) => f.field === 'speed');
    expect(speed).toMatchObject({ column: 'v_mph', rule: 'declared', unit: { from: 'mph', to: 'km/h', factor: 1.609344, source: 'declared' } });
    expect(report.columnMapping.declaredBy).toEqual(['object metadata column-map']);
    expect(report.columnMapping.unmapped).toEqual(['Kilometerstand']);

    const shown = runCli(['show', report.journeyId, '--data-dir', dataDir]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/speed\s+← "v_mph"\s+mph -> km\/h \(x1\.609344\)\s+\(declared\)/);
    expect(shown.stdout).toContain('unmapped: Kilometerstand');
  });

  it('stores a mapping file for a folder, and every upload in the folder runs with it', () => {
    const stored = runCli([
      'upload',
      join(dir, '_column-map.json'),
      '--key',
      'uploads/autonomous_vehicle/werk-2/_column-map.json',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(stored.status).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ appliesTo: 'uploads/autonomous_vehicle/werk-2/', fields: { speed: 'v_mph:mph', latitude: 'Breite' } });

    const result = runCli(['upload', join(dir, 'fahrt.csv'), '--key', 'uploads/autonomous_vehicle/werk-2/montag/fahrt.csv', '--json', '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.columnMapping.declaredBy).toEqual(['uploads/autonomous_vehicle/werk-2/_column-map.json']);
    const listed = JSON.parse(runCli(['journeys', '--json', '--data-dir', dataDir]).stdout) as { input: { key: string } }[];
    expect(listed.filter((j) => j.input.key.endsWith('_column-map.json'))).toEqual([]);
  });

  it('says what is wrong with a --map or a mapping file, exit 2, before uploading anything', () => {
    const syntax = runCli(['upload', join(dir, 'fahrt.csv'), '--use-case', 'autonomous_vehicle', '--map', 'speed', '--data-dir', dataDir]);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toContain('"speed" is not field=column');
    const huge = runCli(['upload', join(dir, 'fahrt.csv'), '--use-case', 'autonomous_vehicle', '--map', `speed=${'v'.repeat(1600)}`, '--data-dir', dataDir]);
    expect(huge.status).toBe(2);
    expect(huge.stderr).toContain('_column-map.json beside the upload');
    mkdirSync(join(dir, 'bad'), { recursive: true });
    writeFileSync(join(dir, 'bad', '_column-map.json'), '{"speed": 5}');
    const badFile = runCli(['upload', join(dir, 'bad', '_column-map.json'), '--key', 'uploads/autonomous_vehicle/x/_column-map.json', '--data-dir', dataDir]);
    expect(badFile.status).toBe(2);
    expect(badFile.stderr).toContain('field "speed" must map to a column name');
  });
});
