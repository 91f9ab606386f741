/**
 * The names mvp's steps hand each other artifacts by, for both journeys; later steps and the
 * delivery manager look them up, so renaming one breaks them. Step names are not here: each is
 * written once, in its step's definition. The notification notify_completion writes is the
 * platform's NOTIFICATION_ARTIFACT (domain/delivery), which the delivery manager reads.
 */
export const MVP_ARTIFACTS = {
  validationReport: 'validation-report.json',
  /** The column types validation found in its pass, for process_file to write the typed copy in one more. */
  inferredSchema: 'inferred-schema.json',
  normalized: 'normalized.ndjson',
  schema: 'schema.json',
  curated: 'curated.ndjson',
  curatedManifest: 'curated-manifest.json',
} as const;

/** What the EDA journey's explore_data hands the steps after it. */
export const MVP_EDA_ARTIFACTS = {
  exploration: 'exploration.json',
} as const;

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';
