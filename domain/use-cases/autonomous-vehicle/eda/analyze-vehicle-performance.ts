import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { AV_EDA_ARTIFACTS } from '../names.js';
import { scanTelemetry } from './telemetry-pass.js';

export const analyzeVehiclePerformance: StepDefinition = {
  name: 'analyze_vehicle_performance',
  policy: EDA_PASS_POLICY,
  description:
    'Speed, acceleration and jerk distributions per vehicle, with distance and driving time, in one streaming pass that also scans for anomalies and safety events.',
  async run(context) {
    const { performance: result, anomalies, safety } = await scanTelemetry(context);
    await context.writeJsonArtifact(AV_EDA_ARTIFACTS.performance, result);
    await context.writeJsonArtifact(AV_EDA_ARTIFACTS.telemetryScans, { anomalies, safety });
    return {
      summary: {
        vehicles: result.vehicles.length,
        distanceKm: result.fleet.distanceKm,
        drivingHours: result.fleet.drivingHours,
        medianSpeedKmh: result.fleet.speedKmh.p50,
        p95AbsJerkMps3: result.fleet.jerkMps3.p95,
      },
    };
  },
};
