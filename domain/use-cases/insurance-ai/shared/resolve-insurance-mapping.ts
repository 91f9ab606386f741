import {
  declaredMapping,
  FIELD_MAPPING_ARTIFACT,
  mappingOrReject,
  normalizeColumnName,
  resolveFields,
  type ColumnEvidence,
  type DeclaredEntry,
  type FieldMapping,
  type Resolution,
} from '#domain/fields/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import { INSURANCE_FIELDS } from './fields.js';

/**
 * Maps a file's columns to the insurance fields, declared mapping first, and stores the mapping
 * as the journey's artifact; the upload and EDA journeys both start here, so they agree about a
 * file. Rejects with `missing_fields` when the file has no policy number, or neither premium nor
 * claim ids; the partial mapping is stored first, so `symphainy show` tells what was recognised.
 */
export async function resolveInsuranceMapping(context: StepContext, evidence: ColumnEvidence): Promise<FieldMapping> {
  const resolution = resolveKeepingNamedColumns(evidence, await declaredMapping(context));
  if (!resolution.ok && resolution.code === 'missing_fields') await context.writeJsonArtifact(FIELD_MAPPING_ARTIFACT, resolution.mapping);
  const mapping = mappingOrReject(resolution, INSURANCE_FIELDS, evidence.columns);
  await context.writeJsonArtifact(FIELD_MAPPING_ARTIFACT, mapping);
  return mapping;
}

/** Where the mapping says a column was kept for its name although its values did not fit. */
const NAMED_FOR_THE_FIELD = 'named for the field; its values are checked line by line';

/**
 * The resolver passes over a column whose values do not fit its field. Here a column named
 * exactly for a field (its name or a synonym) is kept for it anyway when nothing else took the
 * field: validation then names every bad value by line, where dropping the column would let a
 * file of, say, dates in an unknown format complete as if it had no dates.
 */
function resolveKeepingNamedColumns(evidence: ColumnEvidence, declared: readonly DeclaredEntry[]): Resolution {
  const first = resolveFields(INSURANCE_FIELDS, evidence, declared);
  if (!first.ok && first.code === 'invalid_column_map') return first;
  const mapping = first.mapping;
  const mapped = new Set(mapping.fields.map((f) => f.field));
  const kept: DeclaredEntry[] = [];
  for (const passed of mapping.passedOver) {
    const spec = INSURANCE_FIELDS.fields.find((f) => f.name === passed.field)!;
    const named = [spec.name, ...spec.synonyms].includes(normalizeColumnName(passed.column));
    if (!named || mapped.has(passed.field) || !mapping.unmapped.includes(passed.column) || kept.some((k) => k.column === passed.column)) continue;
    kept.push({ field: passed.field, column: passed.column, source: NAMED_FOR_THE_FIELD });
    mapped.add(passed.field);
  }
  return kept.length === 0 ? first : resolveFields(INSURANCE_FIELDS, evidence, [...declared, ...kept]);
}
