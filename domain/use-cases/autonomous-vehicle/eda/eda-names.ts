/** The autonomous_vehicle EDA journey's steps and the artifacts they hand each other. */
export const AV_EDA_STEPS = {
  load: 'load_test_data',
  performance: 'analyze_vehicle_performance',
  anomalies: 'identify_anomalies',
  safety: 'generate_safety_reports',
} as const;

export const AV_EDA_ARTIFACTS = {
  performance: 'vehicle-performance.json',
  anomalies: 'anomalies.json',
  safety: 'safety-report.json',
  safetyMarkdown: 'safety-report.md',
} as const;
