import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import { percentile, ValueDistribution } from '#domain/use-cases/autonomous-vehicle/upload/numbers/descriptive-statistics.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { uploadLimitOf } from '#domain/uploads/upload-limit.js';
import { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { InMemoryObjectStore } from '../../../../support/in-memory-object-store.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_MADE_TELEMETRY } from './fixtures/hand-made-telemetry.js';

const HEADER = 'timestamp,vehicle_id,speed_kmh,acceleration_mps2,latitude,longitude';

/** A clean 1 Hz drive of `n` rows moving 0.0001° north each second. */
function drive(n: number, vehicle = 'V1'): string[] {
  return Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2026, 2, 2, 10, 0, i)).toISOString()},${vehicle},40,0,${(48 + i * 0.0001).toFixed(4)},11.0`);
}

async function failure(body: string, store = new InMemoryObjectStore()): Promise<StepRejection> {
  const error = await runJourneySteps(autonomousVehicleUseCase, 'upload', body, { store }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepRejection);
  return error as StepRejection;
}

describe('autonomous_vehicle reads its telemetry as a stream', () => {
  it('takes uploads up to the platform limit, as its steps no longer hold the file', () => {
    const registry = new UseCaseRegistry([autonomousVehicleUseCase]);
    expect(uploadLimitOf(registry, 'autonomous_vehicle', defaultPlatformConfig)).toBe(defaultPlatformConfig.maxUploadBytes);
  });

  it('leaves no normalized copy of a file it rejects, but shows how the columns were read', async () => {
    const store = new InMemoryObjectStore();
    const rows = drive(2000);
    rows[1500] = rows[1500]!.replace(',40,', ',fast,');
    const rejected = await failure(`${[HEADER, ...rows].join('\n')}\n`, store);
    expect(rejected.code).toBe('invalid_values');
    expect(rejected.message).toContain('line 1502');
    const artifacts = (await store.list(defaultPlatformConfig.artifactBucket, 'journeys/')).map((h) => h.key.split('/').pop());
    expect(artifacts).toEqual(['column-mapping.json']);
  });

  it('reports a structural problem past the first rows before a column it cannot map', async () => {
    const rows = drive(800).map((r) => r.split(',').slice(0, 5).join(',')); // no longitude anywhere
    rows[700] = `${rows[700]},extra`;
    const rejected = await failure(`${HEADER.split(',').slice(0, 5).join(',')}\n${rows.join('\n')}\n`);
    expect(rejected.code).toBe('ragged_rows');
    expect(rejected.message).toContain('line 702');
  });

  it('analyses vehicles interleaved in one file as it analyses each vehicle on its own', async () => {
    const lines = HAND_MADE_TELEMETRY.trim().split('\n');
    const [header, ...rows] = lines;
    // Interleave V1 and V2 row by row; the hand-made file has them one after the other.
    const v1 = rows.filter((r) => r.includes(',V1,'));
    const v2 = rows.filter((r) => r.includes(',V2,'));
    const interleaved = v1.flatMap((r, i) => [r, v2[i]!]);
    const together = await runJourneySteps(autonomousVehicleUseCase, 'upload', `${[header, ...interleaved].join('\n')}\n`);
    const apart = await runJourneySteps(autonomousVehicleUseCase, 'upload', HAND_MADE_TELEMETRY);
    const withoutLines = (segments: { firstLine: number; lastLine: number }[]) => segments.map(({ firstLine: _first, lastLine: _last, ...rest }) => rest);
    expect(withoutLines(together.json('segments.json').segments)).toEqual(withoutLines(apart.json('segments.json').segments));
    expect(together.json('vehicle-summary.json')).toEqual(apart.json('vehicle-summary.json'));
    expect(together.json('hard-braking-events.json').events.map((e: { segmentId: string }) => e.segmentId)).toEqual(['V1#1', 'V1#2']);
    // The plan's examples cite line numbers, which interleaving moves; what it asks for is the same.
    const asked = (plan: { scenarios: { title: string; priority: string }[] }) => plan.scenarios.map((s) => `${s.priority}: ${s.title}`);
    expect(asked(together.json('test-plan.json'))).toEqual(asked(apart.json('test-plan.json')));
  });

  it('counts conditions once during validation, and plans and measures coverage from that tally', async () => {
    const r = await runJourneySteps(autonomousVehicleUseCase, 'upload', HAND_MADE_TELEMETRY);
    const tally = r.json('condition-tally.json');
    expect(tally.totalSamples).toBe(20);
    expect(tally.vehicles).toBe(2);
    expect(tally.conditions.reduce((sum: number, c: { samples: number }) => sum + c.samples, 0)).toBe(20);
    expect(tally.mostCommon).toEqual({ speedBand: '0-30', roadType: 'rural', weather: 'rain', timeOfDay: 'morning', samples: 10 });
    expect(r.json('coverage-matrix.json').totalSamples).toBe(20);
  });
});

describe('speed percentiles without keeping every speed', () => {
  it('are exact while a vehicle has few distinct speeds', () => {
    const values = [14, 15, 20, 30, 35, 38, 40, 40, 40, 50];
    const distribution = new ValueDistribution(0.01);
    for (const v of values) distribution.add(v);
    expect(distribution.percentiles([50, 90, 99])).toEqual([36.5, 41, percentile(values, 99)]);
  });

  it('stay within half a hundredth of a km/h with a hundred thousand distinct speeds', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 100_000) * 0.0013131);
    const distribution = new ValueDistribution(0.01);
    for (const v of values) distribution.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    const [p50, p95] = distribution.percentiles([50, 95]);
    expect(Math.abs(p50! - percentile(sorted, 50))).toBeLessThanOrEqual(0.005);
    expect(Math.abs(p95! - percentile(sorted, 95))).toBeLessThanOrEqual(0.005);
  });
});
