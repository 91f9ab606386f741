import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { describeAutonomousVehicleDelivery } from './upload/describe-delivery.js';
import { autonomousVehicleEdaJourney } from './eda/index.js';
import { autonomousVehicleSamples } from './samples/index.js';
import { createTestPlan } from './upload/create-test-plan.js';
import { generateCoverageMetrics } from './upload/generate-coverage-metrics.js';
import { processHistoricalData } from './upload/process-historical-data.js';
import { validateTestData } from './upload/validate-test-data.js';

/** Vehicle telemetry in, a prioritised test plan and a coverage matrix of operating conditions out. */
export const autonomousVehicleUseCase: UseCaseModule = {
  id: 'autonomous_vehicle',
  title: 'Autonomous-vehicle test data',
  journeys: {
    upload: [validateTestData, processHistoricalData, createTestPlan, generateCoverageMetrics],
    eda: autonomousVehicleEdaJourney,
  },
  followOn: { upload: ['eda'] },
  describeDelivery: describeAutonomousVehicleDelivery,
  samples: autonomousVehicleSamples,
};
