import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import { AV_EDA_ARTIFACTS } from '#domain/use-cases/autonomous-vehicle/names.js';
import { InMemoryObjectStore } from '../../../../support/in-memory-object-store.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

const HEADER = 'timestamp,vehicle_id,speed_kmh,acceleration_mps2,latitude,longitude,road_type';
const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);
const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/**
 * Two vehicles driving north at 1 Hz. AV-1 cruises at 72 km/h (20 m/s), brakes hard once, and
 * has a 30-second recording gap while moving. AV-2 has two readings without a speed (one
 * dropout), an impossible speed jump and a GPS jump.
 */
function telemetry(): string {
  const rows: string[] = [HEADER];
  let lat = 48.0;
  for (let s = 0; s < 400; s++) {
    if (s > 200 && s < 230) continue; // the gap
    const braking = s >= 100 && s < 103;
    lat += 20 / 111_320;
    rows.push(`${iso(s)},AV-1,${braking ? 50 : 72},${braking ? -5.5 : 0.1},${lat.toFixed(6)},11.5,${s < 200 ? 'urban' : 'highway'}`);
  }
  let lat2 = 47.0;
  for (let s = 0; s < 300; s++) {
    lat2 += 10 / 111_320;
    const speed = s === 50 || s === 51 ? '' : s === 150 ? '200' : '36';
    const latitude = s === 250 ? lat2 + 0.5 : lat2;
    rows.push(`${iso(s)},AV-2,${speed},0.0,${latitude.toFixed(6)},11.6,rural`);
  }
  return `${rows.join('\n')}\n`;
}

describe('autonomous_vehicle EDA journey', () => {
  it('measures speed, acceleration and jerk per vehicle, with distance', async () => {
    const run = await runJourneySteps(autonomousVehicleUseCase, 'eda', telemetry());
    expect(run.records.map((r) => r.name)).toEqual(['load_test_data', 'analyze_vehicle_performance', 'identify_anomalies', 'generate_safety_reports']);
    const performance = run.json('vehicle-performance.json');
    const av1 = performance.vehicles.find((v: { vehicleId: string }) => v.vehicleId === 'AV-1');
    expect(av1.samples).toBe(371);
    // 370 steps of 20 m, less the 30-second gap that is not driven distance we can see.
    expect(av1.distanceKm).toBeCloseTo(7.4, 1);
    expect(av1.speedKmh.p50).toBeCloseTo(72, 0);
    expect(av1.accelerationMps2.min).toBe(-5.5);
    // Entering and leaving the stop changes acceleration by 5.6 m/s² within one second.
    expect(av1.jerkMps3.max).toBeCloseTo(5.6, 1);
    expect(av1.jerkMps3.min).toBeCloseTo(-5.6, 1);
  });

  it('finds sensor dropouts, a gap while moving, and impossible jumps, with their rows', async () => {
    const run = await runJourneySteps(autonomousVehicleUseCase, 'eda', telemetry(), { upTo: 'identify_anomalies' });
    const anomalies = run.json('anomalies.json');
    const av1 = anomalies.vehicles.find((v: { vehicleId: string }) => v.vehicleId === 'AV-1');
    const av2 = anomalies.vehicles.find((v: { vehicleId: string }) => v.vehicleId === 'AV-2');
    expect(av1).toMatchObject({ timestampGaps: 1, movingGaps: 1, usualIntervalMs: 1000, longestGapMs: 30_000, dropoutReadings: 0, impossibleJumps: 0 });
    expect(av2).toMatchObject({ dropoutReadings: 2, dropoutRuns: 1, timestampGaps: 0, impossibleValues: 0 });
    // 36 → 200 km/h in a second, back down the next, and the position leaping ~55 km and back.
    expect(av2.impossibleJumps).toBe(4);
    const kinds = anomalies.examples.map((e: { kind: string; vehicleId: string; row: number }) => `${e.vehicleId} ${e.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['AV-1 timestamp_gap', 'AV-2 sensor_dropout', 'AV-2 impossible_jump']));
    expect(anomalies.findings.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['sensor_dropouts', 'timestamp_gaps', 'impossible_jumps']));
  });

  it('counts safety events per 1,000 km and writes the report with its sections', async () => {
    const run = await runJourneySteps(autonomousVehicleUseCase, 'eda', telemetry());
    const safety = run.json('safety-report.json');
    const av1 = safety.vehicles.find((v: { vehicleId: string }) => v.vehicleId === 'AV-1');
    expect(av1.events).toEqual({ hard_braking: 1, emergency_braking: 0, harsh_acceleration: 0, abrupt_jerk: 0 });
    expect(av1.per1000Km.hard_braking).toBeCloseTo(1000 / av1.distanceKm, 0);
    expect(safety.roadTypes.map((r: { roadType: string }) => r.roadType)).toEqual(expect.arrayContaining(['urban', 'highway', 'rural']));
    expect(run.text('safety-report.md')).toContain('| AV-1 |');
    const html = run.text('report.html');
    for (const title of ['Vehicle performance', 'Anomalies', 'Safety events per 1,000 km']) expect(html).toContain(title);
    expect(run.json('notification.json').subject).toMatch(/safety report ready/);
  });

  it('refuses a file that is not telemetry, naming the missing fields and the columns it saw', async () => {
    const error = await runJourneySteps(autonomousVehicleUseCase, 'eda', 'a,b\n1,2\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepRejection);
    expect(error).toMatchObject({ code: 'missing_fields' });
    expect((error as Error).message).toContain('time, speed, acceleration, latitude, longitude (columns seen: a, b)');
  });

  it('reads a US logger export (epoch ms, mph, g, no vehicle column) in the units the analysis uses', async () => {
    const body = [
      'ts_ms,speed_mph,accel_g,gps_lat,gps_lng',
      ...Array.from({ length: 60 }, (_, i) => `${1767258000000 + i * 1000},${i < 30 ? 50 : 0},${i === 30 ? -0.8 : 0},${(48.1 + i * 0.0002).toFixed(4)},11.5`),
    ].join('\n');
    const run = await runJourneySteps(autonomousVehicleUseCase, 'eda', `${body}\n`, { key: 'uploads/autonomous_vehicle/test-car-7.csv' });
    const mapping = run.json('column-mapping.json');
    expect(mapping.fields.find((f: { field: string }) => f.field === 'speed').unit).toMatchObject({ from: 'mph', to: 'km/h' });
    expect(mapping.absent.map((a: { field: string }) => a.field)).toContain('vehicle');
    expect(run.records[0]!.summary).toMatchObject({ vehicles: 1, from: '2026-01-01T09:00:00.000Z', to: '2026-01-01T09:00:59.000Z' });
    const performance = run.json('vehicle-performance.json');
    const vehicle = performance.vehicles[0];
    expect(vehicle.vehicleId).toBe('test-car-7');
    // 50 mph is 80.47 km/h; a braking of -0.8 g is -7.85 m/s².
    expect(vehicle.speedKmh.max).toBe(80.5);
    expect(vehicle.accelerationMps2.min).toBe(-7.85);
  });

  it('reads the telemetry once for performance, anomalies and safety; a journey whose first pass left no scans gets the same report from passes of its own', async () => {
    const run = async (hidden: string[]) => {
      const store = new UploadReadCounting();
      const steps = await runJourneySteps(autonomousVehicleUseCase, 'eda', telemetry(), { journeyId: 'j-scans', store, hidden });
      return { steps, uploadReads: store.uploadReads };
    };
    const shared = await run([]);
    const scans = shared.steps.json(AV_EDA_ARTIFACTS.telemetryScans);
    expect(scans.anomalies.totals).toEqual(shared.steps.json(AV_EDA_ARTIFACTS.anomalies).totals);
    expect(scans.safety).toEqual(shared.steps.json(AV_EDA_ARTIFACTS.safety));
    const own = await run([AV_EDA_ARTIFACTS.telemetryScans]);
    expect(() => own.steps.json(AV_EDA_ARTIFACTS.telemetryScans)).toThrow(/no artifact/);
    // load_test_data's profile, then one pass for the three scans; without the scans, two more.
    expect(own.uploadReads - shared.uploadReads).toBe(2);
    for (const name of [AV_EDA_ARTIFACTS.anomalies, AV_EDA_ARTIFACTS.safety, AV_EDA_ARTIFACTS.safetyMarkdown, 'report.html']) {
      expect(own.steps.text(name), name).toBe(shared.steps.text(name));
    }
  });
});

/** Counts the streamed reads of the upload, as the steps make them. */
class UploadReadCounting extends InMemoryObjectStore {
  uploadReads = 0;

  override async stream(...args: Parameters<InMemoryObjectStore['stream']>) {
    if (args[1].startsWith('uploads/')) this.uploadReads++;
    return super.stream(...args);
  }
}
