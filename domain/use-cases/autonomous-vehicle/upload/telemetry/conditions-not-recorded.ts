import { FIELD_MAPPING_ARTIFACT, type FieldMapping } from '#domain/fields/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';

const CONDITION_FIELDS = new Set(['road_type', 'weather', 'time_of_day']);

export interface ConditionNotRecorded {
  field: string;
  /** What the plan and the coverage leave out for it, in words. */
  withoutIt: string;
}

/**
 * The operating-condition columns the file does not have, so coverage and the plan can say
 * that an axis is missing rather than report every reading as "unknown" without a reason.
 */
export async function conditionsNotRecorded(context: StepContext): Promise<ConditionNotRecorded[]> {
  if (!context.findArtifact(FIELD_MAPPING_ARTIFACT)) return [];
  const mapping = await context.readArtifactJson<FieldMapping>(FIELD_MAPPING_ARTIFACT);
  return mapping.absent.filter((a) => CONDITION_FIELDS.has(a.field)).map((a) => ({ field: a.field, withoutIt: a.withoutIt }));
}
