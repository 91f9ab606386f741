import { describe, expect, it } from 'vitest';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_MADE_TELEMETRY } from './fixtures/hand-made-telemetry.js';

const run = () => runJourneySteps(autonomousVehicleUseCase, 'upload', HAND_MADE_TELEMETRY);

describe('autonomous_vehicle on a hand-made file', () => {
  it('validates and normalises every row, deriving time of day from the local clock', async () => {
    const r = await run();
    const report = r.json('validation-report.json');
    expect(report.rows).toBe(20);
    expect(report.vehicles).toBe(2);
    expect(report.samplesPerVehicle).toEqual({ V1: 10, V2: 10 });
    expect(report.timeSpan).toEqual({ start: '2026-03-02T04:30:00.000Z', end: '2026-03-02T08:02:08.000Z', durationSeconds: 12_728 });
    expect(report.timeOfDay).toEqual({ derivedFromTimestamp: 20, fromColumn: 0 });
    expect(report.conditions.timeOfDay).toEqual({ morning: 20 });
    expect(report.conditions.roadType).toEqual({ rural: 10, urban: 10 }); // "Rural" folded to "rural"
    expect(report.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(report.checks.map((c: { name: string }) => c.name)).toContain('position_jumps');

    const normalized = r.json('telemetry.normalized.json');
    expect(normalized.rows).toHaveLength(20);
    expect(normalized.rows[10]).toEqual([12, '2026-03-02T04:30:00.000Z', 'V2', 10, 0.1, 47.5, 11, 'rural', 'rain', 'morning', null]);
  });

  it('cuts segments at a data gap and at a long stop', async () => {
    const { segments, samplesOutsideSegments } = (await run()).json('segments.json');
    expect(
      segments.map((s: { id: string; firstLine: number; lastLine: number; endReason: string; durationSeconds: number }) => [
        s.id,
        s.firstLine,
        s.lastLine,
        s.endReason,
        s.durationSeconds,
      ]),
    ).toEqual([
      ['V1#1', 2, 7, 'data_gap', 5],
      ['V1#2', 8, 11, 'end_of_data', 3],
      ['V2#1', 12, 14, 'long_stop', 20],
      ['V2#2', 20, 21, 'end_of_data', 10],
    ]);
    expect(samplesOutsideSegments).toBe(5);
    expect(segments[0].distanceKm).toBeCloseTo(0.0556, 3); // 5 x 11.1195 m
    expect(segments[0].hardBrakingEvents).toBe(1);
    expect(segments[1].hardBrakingEvents).toBe(1);
  });

  it('counts hard braking as events, strictly below -4 m/s²', async () => {
    const r = await run();
    const { events } = r.json('hard-braking-events.json');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      vehicleId: 'V1',
      segmentId: 'V1#1',
      line: 4,
      samples: 2,
      peakDecelerationMps2: -5,
      speedBeforeKmh: 40,
      speedAfterKmh: 15,
      speedBand: '30-60',
    });
    expect(events[1]).toMatchObject({ line: 9, samples: 1, peakDecelerationMps2: -4.2, speedBeforeKmh: 50 });
  });

  it('summarises each vehicle with numbers checked by hand', async () => {
    const { vehicles, fleet } = (await run()).json('vehicle-summary.json');
    const v1 = vehicles.find((v: { vehicleId: string }) => v.vehicleId === 'V1');
    expect(v1).toMatchObject({
      samples: 10,
      segments: 2,
      spanSeconds: 128,
      drivingSeconds: 8,
      meanSpeedKmh: 32.2,
      maxSpeedKmh: 50,
      speedPercentilesKmh: { p50: 36.5, p90: 41 },
      hardBrakingEvents: 2,
    });
    expect(v1.distanceKm).toBeCloseTo(0.089, 3); // 8 steps of 11.1195 m; the 1 km jump across the gap is not driven distance
    expect(v1.accelerationMps2).toMatchObject({ min: -5, max: 1.5 });
    const v2 = vehicles.find((v: { vehicleId: string }) => v.vehicleId === 'V2');
    expect(v2).toMatchObject({ samples: 10, segments: 2, hardBrakingEvents: 0, maxSpeedKmh: 25 });
    expect(fleet).toMatchObject({ vehicles: 2, samples: 20, segments: 4, hardBrakingEvents: 2 });
  });

  it('plans scenarios for what is missing and for what went wrong', async () => {
    const r = await run();
    const plan = r.json('test-plan.json');
    const byTitle = (title: string) => plan.scenarios.find((s: { title: string }) => s.title === title);
    expect(byTitle('Highway driving in snow')).toMatchObject({
      priority: 'critical',
      kind: 'unobserved_condition',
      conditions: { roadType: 'highway', weather: 'snow' },
    });
    expect(byTitle('Highway driving in snow').rationale).toContain('None of the 20 samples');
    expect(byTitle('Urban driving in rain')).toMatchObject({ priority: 'critical', evidence: { samples: 0, roadTypeSamples: 10, weatherSamples: 10 } });
    expect(byTitle('Highway driving in clear weather')?.priority).toBe('high');
    // Both V1 stops began in 30-60 km/h on an urban road in clear weather: one replay scenario.
    const replays = plan.scenarios.filter((s: { kind: string }) => s.kind === 'hard_braking_replay');
    expect(replays).toHaveLength(1);
    expect(replays[0]).toMatchObject({
      priority: 'high',
      conditions: { roadType: 'urban', weather: 'clear', speedBand: '30-60' },
      evidence: { events: 2, peakDecelerationMps2: -5, lines: [4, 9] },
    });
    // Urban above 90 km/h is implausible, not a gap.
    expect(
      plan.scenarios.some(
        (s: { conditions: { roadType?: string; speedBand?: string } }) => s.conditions.roadType === 'urban' && s.conditions.speedBand === '120+',
      ),
    ).toBe(false);
    expect(plan.scenarios.map((s: { id: string }) => s.id)).toEqual(plan.scenarios.map((_: unknown, i: number) => `AV-TS-${String(i + 1).padStart(3, '0')}`));
    const ranks = plan.scenarios.map((s: { priority: string }) => ['critical', 'high', 'medium', 'low'].indexOf(s.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(plan.totals.scenarios).toBe(plan.scenarios.length);
    expect(r.text('test-plan.md')).toMatch(/^\| AV-TS-0\d\d \| Highway driving in snow \| road highway, weather snow \| None of the 20 samples/m);
    expect(r.text('test-plan.md')).toMatch(/## Critical \(\d+\)/);
  });

  it('builds a coverage matrix whose shares add up to 100', async () => {
    const r = await run();
    const m = r.json('coverage-matrix.json');
    const cell = (band: string, road: string, weather: string) =>
      m.cells.find((c: { speedBand: string; roadType: string; weather: string }) => c.speedBand === band && c.roadType === road && c.weather === weather);
    expect(m.cellCount).toBe(5 * 3 * 4);
    expect(cell('30-60', 'urban', 'clear')).toMatchObject({ samples: 7, percentOfSamples: 35 });
    expect(cell('0-30', 'urban', 'clear')).toMatchObject({ samples: 3, percentOfSamples: 15 });
    expect(cell('0-30', 'rural', 'rain')).toMatchObject({ samples: 10, percentOfSamples: 50 });
    expect(cell('120+', 'urban', 'clear')).toMatchObject({ samples: 0, plausible: false });
    expect(m.coveredCells).toBe(3);
    expect(m.cellsCoveredFraction).toBe(0.05);
    expect(m.plausibleCells).toBe(60 - 8); // urban x {90-120, 120+} x 4 weathers
    expect(m.perDimension.speedBand.values.slice(0, 2)).toEqual([
      { value: '0-30', samples: 13, percentOfSamples: 65 },
      { value: '30-60', samples: 7, percentOfSamples: 35 },
    ]);
    expect(m.perDimension.weather.coveredFraction).toBe(0.5);
    const total = m.cells.reduce((sum: number, c: { percentOfSamples: number }) => sum + c.percentOfSamples, 0);
    expect(total).toBeCloseTo(100, 9);

    const csv = r.text('coverage-matrix.csv').trim().split('\n');
    expect(csv[0]).toBe('speed_band,road_type,weather,samples,percent_of_samples,plausible,covered');
    expect(csv).toHaveLength(61);
    expect(csv).toContain('30-60,urban,clear,7,35.00,true,true');
  });

  it('reports headline numbers in each step summary', async () => {
    const r = await run();
    expect(r.records.map((x) => x.name)).toEqual(['validate_test_data', 'process_historical_data', 'create_test_plan', 'generate_coverage_metrics']);
    expect(r.records[0]!.summary).toMatchObject({ rows: 20, vehicles: 2 });
    expect(r.records[1]!.summary).toMatchObject({ segments: 4, hardBrakingEvents: 2 });
    expect(r.records[3]!.summary).toMatchObject({ cells: 60, coveredCells: 3, cellsCoveredPercent: 5 });
  });
});
