import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { STREAM_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import { READY_SCORE, scoreFeature } from './feature-readiness.js';
import { fieldsOfUpload } from '../shared/field-availability.js';
import { INSURANCE_FIELDS, type InsuranceField } from '../shared/fields.js';
import { DETECTION_THRESHOLD, type ColumnPii } from './pii-detection.js';
import { PII_HASH_SALT, maskValue } from './pii-masking.js';
import { recordBatches } from './record-stream.js';
import { recordTallies } from './record-tallies.js';

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
  policy: STREAM_PASS_POLICY,
  async run(context) {
    const fields = await fieldsOfUpload(context);
    const notInFile = INSURANCE_FIELDS.fields
      .filter((f) => !fields.has(f.name as InsuranceField))
      .map((f) => ({ field: f.name, withoutIt: f.withoutIt ?? 'left out' }));
    const piiNotInFile = notInFile.filter((f) => PII_FIELDS.includes(f.field as InsuranceField));

    // Which columns hold PII is known only once every value has been seen, so masking starts from the tallies process_data_lake's pass left.
    const tallies = await recordTallies(context, fields);
    const pii = tallies.columns.map((c) => c.pii);
    const masked = pii.filter((c): c is ColumnPii & { maskAs: NonNullable<ColumnPii['maskAs']> } => c.maskAs !== null);
    await context.writeJsonArtifact(INSURANCE_ARTIFACTS.piiReport, {
      detectionThreshold: DETECTION_THRESHOLD,
      maskedColumns: masked.map((c) => ({ column: c.column, kind: c.maskAs })),
      columns: pii,
      notInFile: piiNotInFile,
    });

    const maskedRecords = async function* () {
      for await (const records of recordBatches(context)) {
        let ndjson = '';
        for (const record of records) {
          const copy: Record<string, unknown> = { ...record };
          for (const { column, maskAs } of masked) {
            const value = copy[column];
            // Only strings can hold these kinds; anything else present in the column is dropped rather than guessed at.
            if (value !== null && value !== undefined) copy[column] = typeof value === 'string' ? maskValue(maskAs, value, PII_HASH_SALT) : null;
          }
          ndjson += `${JSON.stringify(copy)}\n`;
        }
        yield ndjson;
      }
    };
    await context.writeArtifactStream({ name: INSURANCE_ARTIFACTS.maskedRecords, chunks: maskedRecords(), contentType: 'application/x-ndjson' });

    const features = tallies.columns.map(({ column, feature }, i) => scoreFeature(column, feature, pii[i]!));
    const ranked = [...features].sort((a, b) => b.score - a.score || a.column.localeCompare(b.column));
    await context.writeJsonArtifact(INSURANCE_ARTIFACTS.featureReadiness, {
      readyScore: READY_SCORE,
      scoring: 'PII, identifiers and constants score ~0; otherwise type factor x (0.5 completeness + 0.3 spread + 0.2 usable cardinality)',
      rows: tallies.records,
      columns: ranked,
      notScored: notInFile.map((f) => ({ field: f.field, because: 'the file does not have it' })),
    });

    return {
      summary: {
        piiColumns: masked.length,
        maskedColumns: masked.map((c) => c.column).join(', '),
        maskedRecords: tallies.records,
        featureReadyColumns: features.filter((f) => f.ready).length,
        topFeature: ranked[0]?.column ?? null,
        piiFieldsNotInFile: piiNotInFile.map((f) => f.field).join(', ') || null,
      },
    };
  },
};
