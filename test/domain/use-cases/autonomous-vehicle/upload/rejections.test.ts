import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

const HEADER = 'timestamp,vehicle_id,speed_kmh,acceleration_mps2,latitude,longitude';

/** A clean 1 Hz drive of `n` rows (lines 2..n+1) moving 0.0001° north each second. */
function rows(n: number, vehicle = 'V1'): string[] {
  return Array.from({ length: n }, (_, i) => `2026-03-02T10:00:${String(i).padStart(2, '0')}Z,${vehicle},40,0,48.${String(i).padStart(4, '0')},11.0`);
}

const csv = (lines: string[]): string => `${[HEADER, ...lines].join('\n')}\n`;

async function rejection(body: string): Promise<StepRejection> {
  const error = await runJourneySteps(autonomousVehicleUseCase, 'upload', body, { upTo: 'validate_test_data' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepRejection);
  return error as StepRejection;
}

describe('autonomous_vehicle bad samples', () => {
  const samples = autonomousVehicleUseCase.samples(42);
  const bad = samples.filter((s) => s.expect.status !== 'completed');

  it('has one bad sample per rejection code', () => {
    expect(bad.map((s) => [s.fileName, s.expect.status === 'completed' ? '' : s.expect.code])).toEqual([
      ['av-missing-fields.csv', 'missing_fields'],
      ['av-bad-timestamps.csv', 'timestamps_not_increasing'],
      ['av-implausible-speed.csv', 'implausible_values'],
      ['av-invalid-values.csv', 'invalid_values'],
    ]);
  });

  for (const sample of bad) {
    it(`rejects ${sample.fileName} with its code, naming the lines its description names`, async () => {
      const error = await rejection(sample.body);
      expect(error.code).toBe(sample.expect.status === 'completed' ? 'n/a' : sample.expect.code);
      const lines = [...sample.description.matchAll(/line (\d+)/g)].map((m) => Number(m[1]));
      for (const line of lines) expect(error.details.some((d) => d.startsWith(`line ${line}: `))).toBe(true);
    });
  }

  it('names both missing fields, the columns it saw and the mapping that would supply them', async () => {
    const error = await rejection(bad[0]!.body);
    expect(error.message).toMatch(
      /^the file lacks fields the journey needs: acceleration, longitude \(columns seen: timestamp, vehicle_id, speed_kmh, latitude, heading, road_type, weather\)/,
    );
    expect(error.details[0]).toMatch(/^field "acceleration" \(the longitudinal acceleration .* in m\/s²; required\): no column matched/);
    expect(error.details[1]).toMatch(/^field "longitude" .*fix: --map longitude=<column>$/);
    expect(error.details).toContain('to map them: symphainy upload <file> --map acceleration=<column> --map longitude=<column>');
  });

  it('says what is wrong with an implausible speed', async () => {
    const error = await rejection(bad[2]!.body);
    expect(error.details).toEqual(['line 92: speed 412 km/h is outside 0..300', 'line 202: speed 655.3 km/h is outside 0..300']);
  });
});

describe('autonomous_vehicle validation on small vectors', () => {
  it('accepts a clean file', async () => {
    const run = await runJourneySteps(autonomousVehicleUseCase, 'upload', csv(rows(10)), { upTo: 'validate_test_data' });
    expect(run.json('validation-report.json').rows).toBe(10);
  });

  it('names a missing field in NDJSON, suggesting the closest key', async () => {
    const body = '\n{"timestamp":"2026-03-02T10:00:00Z","vehicle_id":"V1","speed_kmh":4,"acceleration_mps2":0,"latitude":48,"lngtd":11}\n';
    const error = await rejection(body);
    expect(error.code).toBe('missing_fields');
    expect(error.message).toContain('longitude');
    expect(error.details).toContain('columns seen: timestamp, vehicle_id, speed_kmh, acceleration_mps2, latitude, lngtd');
  });

  it('accepts header names in any case', async () => {
    const body = csv(rows(3)).replace(HEADER, 'Timestamp,Vehicle_ID,Speed_KMH,Acceleration_mps2,Latitude,Longitude');
    const run = await runJourneySteps(autonomousVehicleUseCase, 'upload', body, { upTo: 'validate_test_data' });
    expect(run.json('validation-report.json').rows).toBe(3);
  });

  it('rejects unreadable values with their lines, calendar impossibilities included', async () => {
    const lines = rows(6);
    lines[1] = '2026-02-30T10:00:01Z,V1,40,0,48.0001,11.0';
    lines[3] = '2026-03-02T10:00:03Z,V1,forty,0,48.0003,11.0';
    lines[4] = '2026-03-02T10:00:04Z,,40,,48.0004,11.0';
    const error = await rejection(csv(lines));
    expect(error.code).toBe('invalid_values');
    expect(error.details).toEqual([
      'line 3: timestamp "2026-02-30T10:00:01Z" is not an ISO-8601 date-time',
      'line 5: speed_kmh "forty" is not a number',
      'line 6: vehicle_id is empty',
      'line 6: acceleration_mps2 is empty',
    ]);
  });

  it('rejects a repeated or earlier timestamp per vehicle, while other vehicles interleave freely', async () => {
    const v1 = rows(5);
    const v2 = rows(3, 'V2');
    v1[3] = v1[2]!.replace(',48.0002,', ',48.0003,'); // same second as the row before
    const error = await rejection(csv([v2[0]!, v1[0]!, v1[1]!, v2[1]!, v1[2]!, v1[3]!, v1[4]!, v2[2]!]));
    expect(error.code).toBe('timestamps_not_increasing');
    expect(error.details).toEqual(['line 7: timestamp 2026-03-02T10:00:02.000Z of vehicle V1 is not after 2026-03-02T10:00:02.000Z on line 6']);
  });

  it('rejects physically impossible readings, each with its line', async () => {
    const lines = rows(8);
    lines[1] = '2026-03-02T10:00:01Z,V1,40,-16.2,48.0001,11.0';
    lines[3] = '2026-03-02T10:00:03Z,V1,-3,0,48.0003,11.0';
    lines[5] = '2026-03-02T10:00:05Z,V1,40,0,95,11.0';
    lines[7] = '2026-03-02T10:00:07Z,V1,40,0,48.1007,11.0'; // 0.1001° = 11.131 km north of line 8 in 1 s
    const error = await rejection(csv(lines));
    expect(error.code).toBe('implausible_values');
    expect(error.details).toEqual([
      'line 3: acceleration -16.2 m/s² is beyond ±15',
      'line 5: speed -3 km/h is outside 0..300',
      'line 7: latitude 95 is outside -90..90',
      'line 9: vehicle V1 moved 11.131 km in 1 s since line 8 (40070 km/h implied, limit 300)',
    ]);
  });

  it('tolerates GPS wander but not a jump beyond 300 km/h', async () => {
    const lines = rows(3);
    lines[2] = '2026-03-02T10:00:02Z,V1,40,0,48.0006,11.0'; // 55 m in 1 s: within 83 m + 50 m tolerance
    await expect(runJourneySteps(autonomousVehicleUseCase, 'upload', csv(lines), { upTo: 'validate_test_data' })).resolves.toBeDefined();
    lines[2] = '2026-03-02T10:00:02Z,V1,40,0,48.0013,11.0'; // 133 m in 1 s
    expect((await rejection(csv(lines))).details[0]).toMatch(/^line 4: vehicle V1 moved 0\.133 km in 1 s/);
  });

  it('reports unreadable values first when problems of several kinds are present', async () => {
    const lines = rows(4);
    lines[0] = '2026-03-02T10:00:00Z,V1,412,0,48.0000,11.0';
    lines[2] = 'yesterday,V1,40,0,48.0002,11.0';
    const error = await rejection(csv(lines));
    expect(error.code).toBe('invalid_values');
    expect(error.message).toMatch(/^2 problem\(s\) in the telemetry \(1 invalid values, 1 implausible values\); first at line 4/);
    expect(error.details).toEqual(['line 2: speed 412 km/h is outside 0..300', 'line 4: timestamp "yesterday" is not an ISO-8601 date-time']);
  });

  it('collects every violation but lists at most a hundred', async () => {
    const lines = Array.from(
      { length: 150 },
      (_, i) => `2026-03-02T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z,V1,999,0,48.0,11.0`,
    );
    const error = await rejection(csv(lines));
    expect(error.message).toMatch(/^150 problem\(s\)/);
    expect(error.details).toHaveLength(101);
    expect(error.details[0]).toBe('line 2: speed 999 km/h is outside 0..300');
    expect(error.details[100]).toBe('... and 50 more');
  });

  it('passes structural problems through with the tabular codes', async () => {
    const error = await rejection(csv([...rows(2), '2026-03-02T10:00:05Z,V1,40']));
    expect(error.code).toBe('ragged_rows');
    expect(error.details).toEqual(['line 4: expected 6 fields, found 3']);
  });
});
