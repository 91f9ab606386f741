import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from './artifact-names.js';
import { READY_SCORE, assessFeature } from './feature-readiness.js';
import { fieldsOfUpload } from './field-availability.js';
import { INSURANCE_FIELDS, type InsuranceField } from './fields.js';
import type { InsuranceRecord } from './insurance-record.js';
import { toNdjson } from './lake-partitions.js';
import { DETECTION_THRESHOLD, detectColumnPii, type ColumnPii } from './pii-detection.js';
import { PII_HASH_SALT, maskValue } from './pii-masking.js';

/** Provenance we add ourselves; never PII, never a feature. */
const PROVENANCE_COLUMNS = new Set(['source_line']);

/** Fields that hold personal data when a file has them. */
const PII_FIELDS: readonly InsuranceField[] = ['holder_name', 'national_id', 'email', 'phone'];

/**
 * Makes the records safe and useful for AI work: finds PII by value patterns, writes a masked
 * copy that is the only one models and analysts should touch, and scores every column's
 * readiness as a model feature.
 */
export const enableAiOperations: StepDefinition = {
  name: 'enable_ai_operations',
  description: 'Detect and mask PII, and score each column as a model feature',
  async run(context) {
    const records = await context.readArtifactJson<InsuranceRecord[]>(ARTIFACTS.normalizedRecords);
    const fields = await fieldsOfUpload(context);
    // A field the file lacks is null on every record: scoring it would rank a column nobody sent.
    const columns = columnsOf(records).filter((column) => !PROVENANCE_COLUMNS.has(column) && fields.has(column as InsuranceField));
    const notInFile = INSURANCE_FIELDS.fields.filter((f) => !fields.has(f.name as InsuranceField)).map((f) => ({ field: f.name, withoutIt: f.withoutIt ?? 'left out' }));
    const piiNotInFile = notInFile.filter((f) => PII_FIELDS.includes(f.field as InsuranceField));
    const valuesOf = (column: string) => records.map((record) => (record as unknown as Record<string, unknown>)[column]);

    const pii = columns.map((column) => detectColumnPii(column, valuesOf(column)));
    const masked = pii.filter((c): c is ColumnPii & { maskAs: NonNullable<ColumnPii['maskAs']> } => c.maskAs !== null);
    await context.writeJsonArtifact(ARTIFACTS.piiReport, {
      detectionThreshold: DETECTION_THRESHOLD,
      maskedColumns: masked.map((c) => ({ column: c.column, kind: c.maskAs })),
      columns: pii,
      notInFile: piiNotInFile,
    });

    const maskedRecords = records.map((record) => {
      const copy: Record<string, unknown> = { ...record };
      for (const { column, maskAs } of masked) {
        const value = copy[column];
        // Only strings can hold these kinds; anything else present in the column is dropped rather than guessed at.
        if (value !== null && value !== undefined) copy[column] = typeof value === 'string' ? maskValue(maskAs, value, PII_HASH_SALT) : null;
      }
      return copy;
    });
    await context.writeArtifact({ name: ARTIFACTS.maskedRecords, body: toNdjson(maskedRecords), contentType: 'application/x-ndjson' });

    const features = columns.map((column, i) => assessFeature(column, valuesOf(column), pii[i]!));
    const ranked = [...features].sort((a, b) => b.score - a.score || a.column.localeCompare(b.column));
    await context.writeJsonArtifact(ARTIFACTS.featureReadiness, {
      readyScore: READY_SCORE,
      scoring: 'PII, identifiers and constants score ~0; otherwise type factor x (0.5 completeness + 0.3 spread + 0.2 usable cardinality)',
      rows: records.length,
      columns: ranked,
      notScored: notInFile.map((f) => ({ field: f.field, because: 'the file does not have it' })),
    });

    return {
      summary: {
        piiColumns: masked.length,
        maskedColumns: masked.map((c) => c.column).join(', '),
        maskedRecords: maskedRecords.length,
        featureReadyColumns: features.filter((f) => f.ready).length,
        topFeature: ranked[0]?.column ?? null,
        piiFieldsNotInFile: piiNotInFile.map((f) => f.field).join(', ') || null,
      },
    };
  },
};

/** Every field any record has, in first-seen order. */
function columnsOf(records: readonly InsuranceRecord[]): string[] {
  const columns = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) columns.add(key);
  return [...columns];
}
