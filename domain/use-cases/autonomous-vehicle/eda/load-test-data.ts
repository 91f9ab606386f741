import {
  declaredMapping,
  EVIDENCE_ROWS,
  evidenceFromRecords,
  FIELD_MAPPING_ARTIFACT,
  fieldColumn,
  mappingOrReject,
  readInstant,
  resolveFields,
  type FieldMapping,
} from '#domain/fields/index.js';
import type { TableRecord } from '#domain/insights/index.js';
import type { StepContext, StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { EDA_ARTIFACTS, inputRecords, mappingWithoutExamples, profileInput } from '#domain/reporting/eda/index.js';
import { readTableStream, rejectViolations } from '#domain/tabular/index.js';
import { TELEMETRY_FIELDS } from '../shared/telemetry-fields.js';

/** The upload journey's structural rule: a table in a format we read, with rows of the header's width. */
async function admitTableShape(chunks: AsyncIterable<Uint8Array>): Promise<void> {
  rejectViolations(await readTableStream(chunks, () => undefined));
}

/**
 * Profiles the telemetry as it streams and maps its columns to the telemetry fields, as the
 * upload journey does: without a time, a speed, an acceleration and a position there is nothing
 * to analyse. Bad values are not refused here, unlike the upload journey: finding them is what
 * identify_anomalies is for.
 */
export const loadTestData: StepDefinition = {
  name: 'load_test_data',
  policy: EDA_PASS_POLICY,
  profilesInShards: true,
  description: 'Streams the telemetry through the profiler, stores profile.json and maps the columns to telemetry fields.',
  async run(context) {
    // The upload journey's structural rule, so both journeys refuse the same files with the same codes.
    const { profile, reading } = await profileInput(context, { admit: admitTableShape });
    const header = profile.columns.map((c) => c.name);
    const first = await firstRecords(context);
    const declared = await declaredMapping(context);
    const mapping = mappingOrReject(
      resolveFields(
        TELEMETRY_FIELDS,
        evidenceFromRecords(
          header,
          first.map((r) => r.values),
        ),
        declared,
      ),
      TELEMETRY_FIELDS,
      header,
    );
    await context.writeJsonArtifact(EDA_ARTIFACTS.profile, profile);
    await context.writeJsonArtifact(FIELD_MAPPING_ARTIFACT, mappingWithoutExamples(mapping));
    const vehicle = fieldColumn(mapping, 'vehicle');
    const span = timeSpan(
      mapping,
      profile.columns.find((c) => c.name === fieldColumn(mapping, 'time')?.column),
    );
    return {
      summary: {
        rows: profile.rows,
        vehicles: vehicle ? (profile.columns.find((c) => c.name === vehicle.column)?.distinct ?? 0) : 1,
        from: span.from,
        to: span.to,
        format: profile.format,
        compression: profile.compression,
        fieldsAbsent: mapping.absent.map((a) => a.field).join(', ') || null,
        shards: reading.shards,
        workers: reading.workers,
        ...(reading.admittedFromBytes !== undefined ? { admittedFromBytes: reading.admittedFromBytes } : {}),
      },
    };
  },
};

/** The first records only: the mapping is judged on them, the whole file is read by the later steps. */
async function firstRecords(context: StepContext): Promise<TableRecord[]> {
  const records: TableRecord[] = [];
  for await (const record of inputRecords(context)) {
    records.push(record);
    if (records.length >= EVIDENCE_ROWS) break;
  }
  return records;
}

/**
 * The profile's least and greatest time, read in the column's encoding. Day- and month-first
 * dates do not sort as text, so their span is left to the later steps rather than misstated.
 */
function timeSpan(mapping: FieldMapping, profiled: { min?: unknown; max?: unknown } | undefined): { from: string | null; to: string | null } {
  const time = fieldColumn(mapping, 'time')!;
  if (time.encoding?.name === 'dmy' || time.encoding?.name === 'mdy') return { from: null, to: null };
  const asIso = (value: unknown): string | null => (value === undefined || value === null ? null : (readInstant(time, String(value))?.iso ?? null));
  return { from: asIso(profiled?.min), to: asIso(profiled?.max) };
}
