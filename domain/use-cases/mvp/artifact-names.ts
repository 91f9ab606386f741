/** Artifact names later steps and the delivery manager look up; renaming one breaks them. */
export const MVP_ARTIFACTS = {
  validationReport: 'validation-report.json',
  /** The column types validation found in its pass, for process_file to write the typed copy in one more. */
  inferredSchema: 'inferred-schema.json',
  normalized: 'normalized.ndjson',
  schema: 'schema.json',
  curated: 'curated.ndjson',
  curatedManifest: 'curated-manifest.json',
  notification: 'notification.json',
} as const;

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';
