/** Artifact names later steps and the delivery manager look up; renaming one breaks them. */
export const MVP_ARTIFACTS = {
  validationReport: 'validation-report.json',
  normalized: 'normalized.ndjson',
  schema: 'schema.json',
  curated: 'curated.ndjson',
  curatedManifest: 'curated-manifest.json',
  notification: 'notification.json',
} as const;

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';
