import { EVIDENCE_ROWS, evidenceFromRecords, type FieldMapping } from '#domain/fields/index.js';
import type { TableRecord } from '#domain/insights/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { rejectingUnreadable } from '#domain/reporting/eda/index.js';
import { fieldsRead, INSURANCE_FIELDS, type InsuranceField } from '../shared/fields.js';
import { rejectMalformedExtract } from '../shared/extract-stream.js';
import { resolveInsuranceMapping } from '../shared/resolve-insurance-mapping.js';
import { LegacyRecordReader } from './legacy-records.js';
import { normalizeLegacyValues, type LegacyFormatTally } from './normalize-legacy-values.js';

/**
 * Maps the upload's columns to the insurance fields from its first records, as
 * validate_legacy_data does from the whole file, and stores the mapping: the later EDA steps
 * read every record through it.
 */
export async function mapEdaInput(context: StepContext): Promise<FieldMapping> {
  // The upload journey's structural rule first (header, widths, layout), so both journeys refuse the same files with the same codes.
  await rejectMalformedExtract((await context.streamInput()).chunks);
  const { chunks } = await context.streamInput();
  const first: TableRecord[] = [];
  await rejectingUnreadable(async () => {
    for await (const record of new LegacyRecordReader(chunks).records()) {
      first.push(record);
      if (first.length >= EVIDENCE_ROWS) break;
    }
  });
  if (first.length === 0) throw new StepRejection('no_data_rows', 'the extract holds no record');
  // Delimited and fixed-width extracts name every column on every record, so the first has them all.
  return resolveInsuranceMapping(
    context,
    evidenceFromRecords(
      Object.keys(first[0]!.values),
      first.map((r) => r.values),
    ),
  );
}

const FIELD_NAMES = new Set(INSURANCE_FIELDS.fields.map((f) => f.name));

/**
 * A record's values keyed by field for the columns the mapping read, so the analysis reads
 * `premium` whether the file says PREM or premium. Other columns keep their own names for the
 * profile; one that happens to bear a field's name without being read as it is renamed, so the
 * analysis never reads it by accident.
 */
export function byField(mapping: FieldMapping): (values: Readonly<Record<string, string | null>>) => Record<string, string | null> {
  const read = fieldsRead(mapping);
  const fieldOf = new Map(mapping.fields.filter((f) => read.has(f.field as InsuranceField)).map((f) => [f.column, f.field]));
  return (values) => {
    const out: Record<string, string | null> = {};
    for (const [column, value] of Object.entries(values)) {
      const field = fieldOf.get(column);
      out[field ?? (FIELD_NAMES.has(column) ? `${column} (not read)` : column)] = value;
    }
    return out;
  };
}

/** The upload's records keyed by field, with legacy dates, amounts and codes normalised. */
export async function* normalizedFieldRecords(reader: LegacyRecordReader, mapping: FieldMapping, tally: LegacyFormatTally): AsyncGenerator<TableRecord[]> {
  const keyed = byField(mapping);
  for await (const records of reader.batches())
    yield records.map((record) => ({ row: record.row, values: normalizeLegacyValues(keyed(record.values), tally, reader.amounts) }));
}
