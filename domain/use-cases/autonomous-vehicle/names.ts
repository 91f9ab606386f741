/**
 * The names autonomous_vehicle's steps hand each other artifacts by, for both journeys: one
 * spelling for writer and reader. Step names are not here: each is written once, in its step's
 * definition.
 */
export const AV_ARTIFACTS = {
  validationReport: 'validation-report.json',
  normalizedTelemetry: 'telemetry.normalized.json',
  conditionTally: 'condition-tally.json',
  segments: 'segments.json',
  vehicleSummary: 'vehicle-summary.json',
  hardBrakingEvents: 'hard-braking-events.json',
  testPlan: 'test-plan.json',
  testPlanMarkdown: 'test-plan.md',
  coverageMatrix: 'coverage-matrix.json',
  coverageCsv: 'coverage-matrix.csv',
} as const;

/** The EDA journey's own artifacts, besides the platform's profile and report. */
export const AV_EDA_ARTIFACTS = {
  performance: 'vehicle-performance.json',
  /** The anomaly and safety scans of analyze_vehicle_performance's pass, for the steps that report them. */
  telemetryScans: 'telemetry-scans.json',
  anomalies: 'anomalies.json',
  safety: 'safety-report.json',
  safetyMarkdown: 'safety-report.md',
} as const;
