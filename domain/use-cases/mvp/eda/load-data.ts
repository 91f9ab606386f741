import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { EDA_ARTIFACTS, profileInput } from '#domain/reporting/eda/index.js';
import { admitTable } from '../shared/admit-table.js';

/** Streams the upload through the profiler once; every later step works from profile.json. */
export const loadData: StepDefinition = {
  name: 'load_data',
  policy: EDA_PASS_POLICY,
  profilesInShards: true,
  description: 'Streams the upload through the profiler (CSV/TSV/JSON/NDJSON, gzip or not) and stores profile.json.',
  async run(context) {
    // The upload journey's admission rule, so both journeys refuse the same files with the same codes.
    const { profile, reading } = await profileInput(context, { admit: admitTable });
    await context.writeJsonArtifact(EDA_ARTIFACTS.profile, profile);
    return {
      summary: {
        rows: profile.rows,
        columns: profile.columns.length,
        format: profile.format,
        compression: profile.compression,
        bytes: profile.bytes,
        shards: reading.shards,
        workers: reading.workers,
        ...(reading.admittedFromBytes !== undefined ? { admittedFromBytes: reading.admittedFromBytes } : {}),
      },
    };
  },
};
