import type { FieldMapping } from '#domain/fields/index.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { PER_POLICY_EDA_PASS_POLICY } from '../shared/step-policies.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { EDA_ARTIFACTS, profileInput } from '#domain/reporting/eda/index.js';
import { fileShape, type FileShape } from '../shared/field-availability.js';
import { fieldsRead } from '../shared/fields.js';
import { csvLine } from './csv-lines.js';
import { INSURANCE_EDA_ARTIFACTS } from '../names.js';
import { mapEdaInput, normalizedFieldRecords } from './field-records.js';
import { LegacyRecordReader } from './legacy-records.js';
import { emptyTally, type LegacyFormatTally } from './normalize-legacy-values.js';

/**
 * Maps the extract's columns to the insurance fields (as the upload journey does), then reads it
 * (delimited or fixed-width) as it streams, normalises dates, amounts and codes on the way, and
 * profiles the result by field: the profile describes what the data says, while
 * legacy-formats.json records how it was written and which fields the file has.
 */
export const loadLegacyData: StepDefinition = {
  name: 'load_legacy_data',
  policy: PER_POLICY_EDA_PASS_POLICY,
  description:
    'Maps the extract’s columns to insurance fields, streams it (CSV or fixed-width), normalises legacy dates, amounts and codes, and profiles it into profile.json.',
  async run(context) {
    const mapping = await mapEdaInput(context);
    const tally = emptyTally();
    let reader: LegacyRecordReader | undefined;
    let columns: string[] = [];
    let records = 0;
    const { profile } = await profileInput(context, {
      transform: (chunks) => {
        reader = new LegacyRecordReader(chunks);
        return normalizedCsv(
          normalizedFieldRecords(reader, mapping, tally),
          (header) => (columns = header),
          () => records++,
        );
      },
    });
    if (records === 0) throw new StepRejection('no_data_rows', 'the extract holds no record');
    await context.writeJsonArtifact(EDA_ARTIFACTS.profile, profile);
    const fields = fieldsRead(mapping);
    const formats: LegacyFormats = {
      sourceFormat: reader?.format ?? 'delimited',
      records,
      columns,
      fieldsPresent: [...fields],
      fieldsAbsent: absentFields(mapping),
      shape: fileShape(fields),
      ...tally,
    };
    await context.writeJsonArtifact(INSURANCE_EDA_ARTIFACTS.legacyFormats, formats);
    return {
      summary: {
        records,
        columns: columns.length,
        sourceFormat: formats.sourceFormat,
        shape: formats.shape,
        dateFormats: Object.keys(tally.dateFormats).sort().join(', '),
        unreadableValues: tally.unreadableDates + tally.unreadableAmounts,
        fieldsAbsent: formats.fieldsAbsent.map((a) => a.field).join(', ') || null,
      },
    };
  },
};

export type LegacyFormats = LegacyFormatTally & {
  sourceFormat: string;
  records: number;
  /** The profiled columns: fields by their names, other columns by the file's. */
  columns: string[];
  fieldsPresent: string[];
  fieldsAbsent: { field: string; withoutIt: string }[];
  shape: FileShape;
};

function absentFields(mapping: FieldMapping): LegacyFormats['fieldsAbsent'] {
  return mapping.absent.map((a) => ({ field: a.field, withoutIt: a.withoutIt }));
}

async function* normalizedCsv(
  batches: AsyncIterable<readonly { values: Record<string, string | null> }[]>,
  onHeader: (columns: string[]) => void,
  onRecord: () => void,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let header: string[] | undefined;
  let batch = '';
  for await (const records of batches) {
    for (const record of records) {
      // The first record's columns are the extract's: delimited and fixed-width extracts name every column on every record.
      if (!header) {
        header = Object.keys(record.values);
        onHeader(header);
        batch += csvLine(header);
      }
      onRecord();
      batch += csvLine(header.map((c) => record.values[c] ?? null));
    }
    if (batch.length >= 64 * 1024) {
      yield encoder.encode(batch);
      batch = '';
    }
  }
  if (batch) yield encoder.encode(batch);
}
