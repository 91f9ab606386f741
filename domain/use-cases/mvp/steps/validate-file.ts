import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { MVP_ARTIFACTS } from '../artifact-names.js';
import { admitTable } from '../admit-table.js';
import { fileNameOf } from '../object-keys.js';
import { MVP_STEPS } from '../step-names.js';
import { buildValidationReport } from '../validation-report.js';

/**
 * Decides whether the upload is a table we can work with, before anything is derived from it.
 * Bad data rejects the journey with every violation and its line, so the person can fix the
 * file in one go.
 */
export const validateFile: StepDefinition = {
  name: MVP_STEPS.validate,
  description: 'Checks the upload is UTF-8 CSV, TSV, JSON or NDJSON within the size limit, with a header and a consistent column count.',
  async run(context) {
    // readInput enforces the size cap (file_too_large) before the bytes are read.
    const bytes = await context.readInput();
    const table = admitTable(bytes);
    const report = buildValidationReport({ file: fileNameOf(context.input.key), bytes: bytes.byteLength, maxBytes: context.config.maxUploadBytes, table });
    await context.writeJsonArtifact(MVP_ARTIFACTS.validationReport, report);
    return {
      summary: { format: report.format, hadBom: report.hadBom, bytes: report.bytes, rows: report.rows, columns: report.columns.length, formulaLikeCells: report.formulaLikeCells.count },
    };
  },
};
