/** Artifact names the steps hand to each other; one place so a rename cannot break the chain. */
export const ARTIFACTS = {
  validationReport: 'validation-report.json',
  normalizedRecords: 'records.normalized.ndjson',
  partitions: 'partitions.json',
  piiReport: 'pii-report.json',
  maskedRecords: 'records.masked.ndjson',
  featureReadiness: 'feature-readiness.json',
  opportunitiesJson: 'opportunities.json',
  opportunitiesMarkdown: 'opportunities.md',
} as const;
