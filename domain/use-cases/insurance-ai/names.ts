/**
 * The names insurance_ai's steps hand each other artifacts by, for both journeys: one place so a
 * rename cannot break the chain. Step names are not here: each is written once, in its step's
 * definition.
 */
export const INSURANCE_ARTIFACTS = {
  validationReport: 'validation-report.json',
  normalizedRecords: 'records.normalized.ndjson',
  recordTallies: 'record-tallies.json',
  partitions: 'partitions.json',
  piiReport: 'pii-report.json',
  maskedRecords: 'records.masked.ndjson',
  featureReadiness: 'feature-readiness.json',
  opportunitiesJson: 'opportunities.json',
  opportunitiesMarkdown: 'opportunities.md',
} as const;

/** The EDA journey's own artifacts, besides the platform's profile and report. */
export const INSURANCE_EDA_ARTIFACTS = {
  legacyFormats: 'legacy-formats.json',
  segments: 'segment-analysis.json',
  opportunities: 'ai-opportunities.json',
  opportunitiesMarkdown: 'ai-opportunities.md',
  businessInsights: 'business-insights.md',
} as const;
