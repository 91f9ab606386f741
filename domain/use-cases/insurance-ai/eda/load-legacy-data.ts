import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { StepRejection } from '#domain/journeys/step-rejection.js';
import { EDA_ARTIFACTS, profileInput } from '#domain/reporting/eda/index.js';
import { csvLine } from './csv-lines.js';
import { EDA_REQUIRED_COLUMNS, INSURANCE_EDA_ARTIFACTS, INSURANCE_EDA_STEPS } from './eda-names.js';
import { LegacyRecordReader } from './legacy-records.js';
import { emptyTally, normalizeLegacyValues, type LegacyFormatTally } from './normalize-legacy-values.js';

/**
 * Reads the legacy extract (delimited or fixed-width) as it streams, normalises dates, amounts
 * and codes on the way, and profiles the result: the profile describes what the data says, while
 * legacy-formats.json records how it was written.
 */
export const loadLegacyData: StepDefinition = {
  name: INSURANCE_EDA_STEPS.load,
  description: 'Streams the legacy extract (CSV or fixed-width), normalises legacy dates, amounts and codes, and profiles it into profile.json.',
  async run(context) {
    const tally = emptyTally();
    let reader: LegacyRecordReader | undefined;
    let columns: string[] = [];
    let records = 0;
    const profile = await profileInput(context, (chunks) => {
      reader = new LegacyRecordReader(chunks);
      return normalizedCsv(reader, tally, (header) => (columns = header), () => records++);
    });
    const missing = EDA_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    if (records === 0) throw new StepRejection('no_data_rows', 'the extract holds no record');
    if (missing.length > 0) throw new StepRejection('missing_columns', `the extract lacks ${missing.join(', ')}, which the analysis needs`, [`columns: ${columns.join(', ')}`]);
    await context.writeJsonArtifact(EDA_ARTIFACTS.profile, profile);
    const formats: LegacyFormats = { sourceFormat: reader?.format ?? 'delimited', records, columns, ...tally };
    await context.writeJsonArtifact(INSURANCE_EDA_ARTIFACTS.legacyFormats, formats);
    return {
      summary: {
        records,
        columns: columns.length,
        sourceFormat: formats.sourceFormat,
        dateFormats: Object.keys(tally.dateFormats).sort().join(', '),
        unreadableValues: tally.unreadableDates + tally.unreadableAmounts,
      },
    };
  },
};

export type LegacyFormats = LegacyFormatTally & { sourceFormat: string; records: number; columns: string[] };

async function* normalizedCsv(reader: LegacyRecordReader, tally: LegacyFormatTally, onHeader: (columns: string[]) => void, onRecord: () => void): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let header: string[] | undefined;
  let batch = '';
  for await (const record of reader.records()) {
    // The first record's columns are the extract's: delimited and fixed-width extracts name every column on every record.
    if (!header) {
      header = Object.keys(record.values);
      onHeader(header);
      batch += csvLine(header);
    }
    onRecord();
    const values = normalizeLegacyValues(record.values, tally);
    batch += csvLine(header.map((c) => values[c] ?? null));
    if (batch.length >= 64 * 1024) {
      yield encoder.encode(batch);
      batch = '';
    }
  }
  if (batch) yield encoder.encode(batch);
}
