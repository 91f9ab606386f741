import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { trackTimestampColumns } from '#domain/insights/index.js';
import { EDA_ARTIFACTS, inputRecords } from '#domain/reporting/eda/index.js';
import { columnRoles, type ColumnRole } from './column-roles.js';
import { MVP_EDA_ARTIFACTS } from '../names.js';
import type { Exploration } from './exploration.js';

/**
 * Says what each column is for (identifier, measure, category, timestamp...) and follows the
 * timestamp columns through the rows in file order, for the gaps and disorder a profile cannot see
 * (in shards side by side where the runtime reads the upload so, joined at the seams).
 */
export const exploreData: StepDefinition = {
  name: 'explore_data',
  policy: EDA_PASS_POLICY,
  description: 'Classifies each column by role and follows timestamp columns in file order for gaps and disorder.',
  async run(context) {
    const profile = await context.readArtifactJson<DatasetProfile>(EDA_ARTIFACTS.profile);
    const roles = columnRoles(profile);
    const timestampColumns = roles.filter((r) => r.role === 'timestamp').map((r) => r.name);
    const sharded = await context.followTimestampsInShards(timestampColumns);
    const timestampSequences = sharded?.sequences ?? (await trackTimestampColumns(inputRecords(context, timestampColumns), timestampColumns));
    const exploration: Exploration = { roles, timestampSequences };
    await context.writeJsonArtifact(MVP_EDA_ARTIFACTS.exploration, exploration);
    const count = (role: ColumnRole) => roles.filter((r) => r.role === role).length;
    return {
      summary: {
        measures: count('measure'),
        categories: count('category'),
        timestamps: count('timestamp'),
        identifiers: count('identifier'),
        text: count('text'),
        emptyOrConstant: count('empty') + count('constant'),
        // How the timestamp columns were followed: in shards side by side, or in one pass.
        timestampShards: timestampColumns.length === 0 ? 0 : (sharded?.shards ?? 1),
      },
    };
  },
};
