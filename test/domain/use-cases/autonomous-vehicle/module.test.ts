import { describe, expect, it } from 'vitest';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import type { DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';

const base: Omit<DeliverySummary, 'outcome' | 'summaries'> = {
  journeyId: 'j-1',
  useCase: 'autonomous_vehicle',
  journey: 'upload',
  inputKey: 'uploads/autonomous_vehicle/fleet.csv',
};

describe('autonomousVehicleUseCase', () => {
  it('declares the upload journey with its four steps and registers cleanly', () => {
    expect(autonomousVehicleUseCase.id).toBe('autonomous_vehicle');
    expect(autonomousVehicleUseCase.journeys.upload!.map((s) => s.name)).toEqual([
      'validate_test_data',
      'process_historical_data',
      'create_test_plan',
      'generate_coverage_metrics',
    ]);
    expect(new UseCaseRegistry([autonomousVehicleUseCase]).journeySteps('autonomous_vehicle', 'upload')).toHaveLength(4);
  });

  it('tells the recipient what was planned and covered', () => {
    const notice = autonomousVehicleUseCase.describeDelivery!({
      ...base,
      outcome: 'completed',
      summaries: {
        validate_test_data: { rows: 2529, vehicles: 4 },
        process_historical_data: { segments: 10, distanceKm: 43.2, hardBrakingEvents: 1 },
        create_test_plan: { scenarios: 12, critical: 3 },
        generate_coverage_metrics: { plausibleCellsCoveredPercent: 38.4 },
      },
    });
    expect(notice.subject).toBe('Autonomous-vehicle test plan ready: 12 scenarios, 38% of conditions covered');
    expect(notice.message).toContain('Test data for 4 vehicles processed: 12 scenarios planned (3 critical), 38% of conditions covered.');
    expect(notice.message).toContain('2,529 samples in 10 drive segments over 43.2 km, with 1 hard-braking event.');
  });

  it('gives the reason and the fix for a rejection', () => {
    const notice = autonomousVehicleUseCase.describeDelivery!({
      ...base,
      outcome: 'rejected',
      summaries: {},
      error: { code: 'timestamps_not_increasing', message: '2 problem(s) in the telemetry; first at line 62: ...' },
    });
    expect(notice.subject).toBe('Autonomous-vehicle test data rejected: timestamps_not_increasing');
    expect(notice.message).toContain(
      'uploads/autonomous_vehicle/fleet.csv rejected (timestamps_not_increasing): 2 problem(s) in the telemetry; first at line 62',
    );
    expect(notice.message).toContain('sort by vehicle and time');
  });

  it('still says something useful for a failure it has no advice for', () => {
    const notice = autonomousVehicleUseCase.describeDelivery!({
      ...base,
      outcome: 'failed',
      summaries: {},
      error: { code: 'step_timed_out', message: 'no answer after 3 attempts' },
    });
    expect(notice.subject).toBe('Autonomous-vehicle test data could not be processed: step_timed_out');
    expect(notice.message).toContain('no answer after 3 attempts');
  });
});
