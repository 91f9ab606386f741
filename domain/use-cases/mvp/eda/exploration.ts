import type { TimestampSequenceStats } from '#domain/insights/index.js';
import type { ColumnRoleEntry } from './column-roles.js';

/** What explore_data leaves in exploration.json. */
export interface Exploration {
  roles: ColumnRoleEntry[];
  timestampSequences: TimestampSequenceStats[];
}
