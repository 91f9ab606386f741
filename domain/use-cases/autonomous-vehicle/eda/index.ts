import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { analyzeVehiclePerformance } from './analyze-vehicle-performance.js';
import { generateSafetyReports } from './generate-safety-reports.js';
import { identifyAnomalies } from './identify-anomalies.js';
import { loadTestData } from './load-test-data.js';

/** The autonomous_vehicle EDA journey: profile, per-vehicle kinematics, anomalies, safety per 1,000 km. */
export const autonomousVehicleEdaJourney: readonly StepDefinition[] = [loadTestData, analyzeVehiclePerformance, identifyAnomalies, generateSafetyReports];
