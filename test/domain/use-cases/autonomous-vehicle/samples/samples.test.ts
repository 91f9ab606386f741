import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('autonomous_vehicle samples', () => {
  it('are byte-identical for the same seed and differ for another', () => {
    const a = autonomousVehicleUseCase.samples(7);
    const b = autonomousVehicleUseCase.samples(7);
    const c = autonomousVehicleUseCase.samples(8);
    expect(a.map((s) => sha(s.body))).toEqual(b.map((s) => sha(s.body)));
    expect(sha(a[0]!.body)).not.toBe(sha(c[0]!.body));
  });

  it('include a realistic good file of a few thousand rows under 300 KB', () => {
    const [good] = autonomousVehicleUseCase.samples(42);
    expect(good!.fileName).toBe('av-telemetry.csv');
    expect(good!.expect).toEqual({ status: 'completed' });
    const lines = good!.body.trim().split('\n');
    expect(lines[0]).toBe('timestamp,vehicle_id,speed_kmh,acceleration_mps2,latitude,longitude,heading,road_type,weather');
    expect(lines.length).toBeGreaterThan(2000);
    expect(good!.body.length).toBeGreaterThan(100_000);
    expect(good!.body.length).toBeLessThan(300_000);
  });

  for (const seed of [1, 42, 2026]) {
    it(`seed ${seed}: the good file completes with varied conditions, parking stops and hard braking`, async () => {
      const [good] = autonomousVehicleUseCase.samples(seed);
      const run = await runJourneySteps(autonomousVehicleUseCase, 'upload', good!.body);
      const report = run.json('validation-report.json');
      expect(report.vehicles).toBe(4);
      expect(Object.keys(report.conditions.roadType)).toEqual(['highway', 'rural', 'urban']);
      expect(Object.keys(report.conditions.weather)).toEqual(['clear', 'fog', 'rain']);
      expect(Object.keys(report.conditions.timeOfDay).sort()).toEqual(['afternoon', 'evening', 'morning', 'night']);

      const { segments } = run.json('segments.json');
      // Two drives per vehicle with hours between them, and two drives with a parking stop.
      expect(segments).toHaveLength(10);
      expect(segments.filter((s: { endReason: string }) => s.endReason === 'long_stop').map((s: { vehicleId: string }) => s.vehicleId)).toEqual([
        'AV-02',
        'AV-04',
      ]);
      expect(segments.filter((s: { endReason: string }) => s.endReason === 'data_gap')).toHaveLength(4);

      const summary = run.json('vehicle-summary.json');
      expect(summary.fleet.hardBrakingEvents).toBeGreaterThanOrEqual(8); // at least one per drive
      expect(summary.fleet.maxSpeedKmh).toBeGreaterThan(120);
      for (const v of summary.vehicles) expect(v.distanceKm).toBeGreaterThan(3);

      const plan = run.json('test-plan.json');
      const snowHighway = plan.scenarios.find(
        (s: { conditions: { roadType?: string; weather?: string; speedBand?: string } }) =>
          s.conditions.roadType === 'highway' && s.conditions.weather === 'snow' && !s.conditions.speedBand,
      );
      expect(snowHighway).toMatchObject({ priority: 'critical', kind: 'unobserved_condition', evidence: { samples: 0 } });
      expect(plan.scenarios.filter((s: { kind: string }) => s.kind === 'hard_braking_replay').length).toBeGreaterThan(0);

      const matrix = run.json('coverage-matrix.json');
      const total = matrix.cells.reduce((sum: number, c: { percentOfSamples: number }) => sum + c.percentOfSamples, 0);
      expect(total).toBeCloseTo(100, 9);
      expect(matrix.cells.reduce((sum: number, c: { samples: number }) => sum + c.samples, 0)).toBe(report.rows);
      expect(matrix.cells.filter((c: { weather: string; samples: number }) => c.weather === 'snow' && c.samples > 0)).toEqual([]);
      expect(matrix.plausibleCellsCoveredFraction).toBeGreaterThan(0.3);
      expect(matrix.plausibleCellsCoveredFraction).toBeLessThan(0.9);
    });
  }

  it('run to the same artifact bytes twice, as write-once storage needs for a redelivered step', async () => {
    const [good] = autonomousVehicleUseCase.samples(42);
    const digests = async () =>
      (await runJourneySteps(autonomousVehicleUseCase, 'upload', good!.body)).records.flatMap((r) => r.artifacts.map((a) => `${a.name}:${a.sha256}`));
    const first = await digests();
    expect(first.map((d) => d.split(':')[0])).toEqual([
      'column-mapping.json',
      'telemetry.normalized.json',
      'validation-report.json',
      'condition-tally.json',
      'segments.json',
      'vehicle-summary.json',
      'hard-braking-events.json',
      'test-plan.json',
      'test-plan.md',
      'coverage-matrix.json',
      'coverage-matrix.csv',
    ]);
    expect(await digests()).toEqual(first);
  });
});
