import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { inputRecordBatches } from '#domain/reporting/eda/index.js';
import { AV_EDA_ARTIFACTS } from '../names.js';
import { telemetryReaderOf } from './telemetry-fields.js';
import { VehiclePerformanceAnalysis } from './vehicle-performance.js';

export const analyzeVehiclePerformance: StepDefinition = {
  name: 'analyze_vehicle_performance',
  policy: EDA_PASS_POLICY,
  description: 'Speed, acceleration and jerk distributions per vehicle, with distance and driving time, in one streaming pass.',
  async run(context) {
    const read = await telemetryReaderOf(context);
    const analysis = new VehiclePerformanceAnalysis();
    for await (const records of inputRecordBatches(context)) for (const record of records) analysis.add(read(record));
    const result = analysis.result();
    await context.writeJsonArtifact(AV_EDA_ARTIFACTS.performance, result);
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
