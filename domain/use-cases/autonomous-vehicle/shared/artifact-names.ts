/** Artifact names the steps hand each other through; one spelling for writer and reader. */
export const ARTIFACTS = {
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
