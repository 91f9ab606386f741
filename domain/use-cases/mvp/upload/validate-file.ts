import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { STREAM_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { MVP_ARTIFACTS } from '../names.js';
import type { AdmissionPart } from '../shared/admission-tally.js';
import { admissionShardPass, admittedFromShards } from '../shared/admit-in-shards.js';
import { admitTable } from '../shared/admit-table.js';
import { fileNameOf } from './object-keys.js';
import type { SchemaDocument } from './schema-document.js';
import { buildValidationReport } from './validation-report.js';

/**
 * Decides whether the upload is a table we can work with, before anything is derived from it.
 * Bad data rejects the journey with every violation and its line, so the person can fix the
 * file in one go. The same pass types the columns, so the next step writes the typed copy in one
 * pass of its own instead of two.
 */
export const validateFile: StepDefinition = {
  name: 'validate_file',
  policy: STREAM_PASS_POLICY,
  description:
    'Checks the upload is UTF-8 CSV, TSV, JSON or NDJSON within the size limit, with a header and a consistent column count, and infers its column types.',
  async run(context) {
    // A large upload is tallied in shards where the runtime can; anything it is refused for is read again in one pass, to word the refusal.
    const sharded = await context.readTableInShards<AdmissionPart>({ pass: admissionShardPass.name, options: null });
    // streamInput enforces the size cap (file_too_large) before a byte is read.
    const { table, schema, formulaLikeCells, decimalComma } =
      (sharded && admittedFromShards(sharded)) ?? (await admitTable((await context.streamInput()).chunks));
    const bytes = table.contentBytes + (table.hadBom ? 3 : 0);
    const report = buildValidationReport({
      file: fileNameOf(context.input.key),
      bytes,
      maxBytes: context.config.maxUploadBytes,
      table,
      formulaLikeCells,
      decimalComma,
    });
    await context.writeJsonArtifact(MVP_ARTIFACTS.validationReport, report);
    const inferred: SchemaDocument = { rows: table.rows, columns: schema };
    await context.writeJsonArtifact(MVP_ARTIFACTS.inferredSchema, inferred);
    return {
      summary: {
        format: report.format,
        hadBom: report.hadBom,
        bytes: report.bytes,
        rows: report.rows,
        columns: report.columns.length,
        formulaLikeCells: report.formulaLikeCells.count,
        shards: sharded?.shards ?? 1,
        workers: sharded?.workers ?? 1,
      },
    };
  },
};
